/// SpamAssassin's lenient date reading (`parse_rfc822_date`): day, month name and year in either
/// order, an optional time, a numeric or named zone; out-of-range fields are clamped. Returns
/// seconds since 1970 (UTC), nil when no date is found.
enum RFC822Date {
    private static let months: [[UInt8]] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }

    static func parse(_ date: String) -> Int? { parse(bytes: date.utf8) }

    /// `parse` on the UTF-8 bytes of the date.
    /// `canonicalShortcut`: read the common `[Www ]D Mon YYYY HH:MM:SS +ZZZZ` form directly
    /// (false: always the pattern walk, which gives the same answer; for tests).
    static func parse(bytes date: some Collection<UInt8>, canonicalShortcut: Bool = true) -> Int? {
        var text = squeeze(date)
        if canonicalShortcut, let fields = text.withUnsafeBufferPointer(canonicalFields) {
            return seconds(fields)
        }
        var day = 0, month = 0, year = 0
        if let groups = remove({ DatePatterns.dayMonthYear($0, yearDigits: 4...4) }, from: &text) {
            day = decimal(groups[0]) ?? 0; month = monthNumber(groups[1]); year = decimal(groups[2]) ?? 0
        } else if let groups = remove(DatePatterns.monthDayTimeYear, from: &text) {
            day = decimal(groups[1]) ?? 0; month = monthNumber(groups[0]); year = decimal(groups[2]) ?? 0
        } else if let groups = remove({ DatePatterns.dayMonthYear($0, yearDigits: 2...3) }, from: &text) {
            day = decimal(groups[0]) ?? 0; month = monthNumber(groups[1])
            let digits = groups[2]
            year = decimal(digits) ?? 0
            if digits.count == 2, year < 50 { year += 2000 } else if digits.count != 4 { year += 1900 }
        } else {
            return nil
        }
        var hour = 0, minute = 0, second = 0
        if let groups = remove(DatePatterns.time, from: &text) {
            hour = decimal(groups[0]) ?? 0; minute = decimal(groups[1]) ?? 0; second = decimal(groups[3]) ?? 0
        }
        var offset = 0
        if let groups = remove(DatePatterns.numericZone, from: &text) {
            offset = zoneSeconds(groups[0])
        } else if let groups = remove(DatePatterns.namedZone, from: &text), let named = TimeZoneNames.offsets[ASCII.string(groups[0])] {
            offset = named
        }
        return seconds(Fields(day: day, month: month, year: year, hour: hour, minute: minute, second: second, offset: offset))
    }

    /// What the patterns read from a date, before clamping.
    struct Fields {
        var day: Int, month: Int, year: Int
        var hour: Int, minute: Int, second: Int
        var offset: Int
    }

    /// The fields of a squeezed text that opens with ` [Www ]D Mon YYYY HH:MM:SS ±ZZZZ ` (one or
    /// two day digits, any three letters for the weekday): the patterns then find the day, month
    /// and year first, the time next, the numeric zone last (so no named zone is read), all in
    /// that opening; nil for any other text.
    static func canonicalFields(_ text: UnsafeBufferPointer<UInt8>) -> Fields? {
        func isDigit(_ index: Int) -> Bool { index < text.count && text[index] &- 0x30 < 10 }
        func isLetter(_ index: Int) -> Bool { index < text.count && text[index] | 0x20 &- 0x61 < 26 }
        func isSpace(_ index: Int) -> Bool { index < text.count && text[index] == 0x20 }
        func number(_ start: Int, _ count: Int) -> Int {
            (start..<(start + count)).reduce(0) { $0 * 10 + Int(text[$1] &- 0x30) }
        }
        guard isSpace(0) else { return nil }
        var index = 1
        if isLetter(1), isLetter(2), isLetter(3), isSpace(4) { index = 5 }
        guard isDigit(index) else { return nil }
        let dayDigits = isDigit(index + 1) ? 2 : 1
        let day = number(index, dayDigits)
        index += dayDigits
        guard isSpace(index), isLetter(index + 1), isLetter(index + 2), isLetter(index + 3), isSpace(index + 4) else { return nil }
        let a = ASCII.lower(text[index + 1]), b = ASCII.lower(text[index + 2]), c = ASCII.lower(text[index + 3])
        guard let monthIndex = months.firstIndex(where: { $0[0] == a && $0[1] == b && $0[2] == c }) else { return nil }
        index += 5
        guard isDigit(index), isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), isSpace(index + 4) else { return nil }
        let year = number(index, 4)
        index += 5
        func twoDigits(then separator: UInt8) -> Int? {
            guard isDigit(index), isDigit(index + 1), index + 2 < text.count, text[index + 2] == separator else { return nil }
            defer { index += 3 }
            return number(index, 2)
        }
        guard let hour = twoDigits(then: 0x3A), let minute = twoDigits(then: 0x3A), let second = twoDigits(then: 0x20) else { return nil }
        // whatever follows the zone ("(PDT)", "GMT"…) cannot move those three leftmost matches
        guard index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-"),
              isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), isDigit(index + 4), isSpace(index + 5) else { return nil }
        let zone = (number(index + 1, 2) * 60 + number(index + 3, 2)) * 60
        let offset = text[index] == UInt8(ascii: "-") ? -zone : zone
        return Fields(day: day, month: monthIndex + 1, year: year, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// Seconds since 1970 for the fields, clamped as SpamAssassin clamps them.
    private static func seconds(_ fields: Fields) -> Int? {
        var (day, month, year) = (fields.day, fields.month, fields.year)
        let second = min(fields.second, 59), minute = min(fields.minute, 59), hour = min(fields.hour, 23)
        let offset = fields.offset
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let maxDay = month == 4 || month == 6 || month == 9 || month == 11 ? 30 : month == 2 ? (leap ? 29 : 28) : 31
        if day > maxDay {
            day = 1
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        year = min(max(year, 1970), 2037)
        guard (1...12).contains(month), day >= 1 else { return nil }
        let seconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        if offset > 0, seconds < offset { return 0 }
        return seconds - offset
    }

    /// `Int(String(decoding: digits))`: nil when empty, not all ASCII digits, or too large.
    static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (scaled, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, carry) = scaled.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// " " + the date + " ", each "," and Perl white space turned into a space, runs of spaces
    /// made one.
    static func squeeze(_ date: some Collection<UInt8>) -> [UInt8] {
        var result: [UInt8] = [0x20]
        result.reserveCapacity(date.count + 2)
        for byte in date {
            if byte == UInt8(ascii: ",") || ASCII.isPerlSpace(byte) {
                if result[result.count - 1] != 0x20 { result.append(0x20) }
            } else {
                result.append(byte)
            }
        }
        if result[result.count - 1] != 0x20 { result.append(0x20) }
        return result
    }

    /// Finds `pattern`, replaces the match with one space, returns its groups (empty when unset).
    private static func remove(_ pattern: (UnsafeBufferPointer<UInt8>) -> DatePatterns.Match?, from text: inout [UInt8]) -> [ArraySlice<UInt8>]? {
        guard let match = text.withUnsafeBufferPointer(pattern) else { return nil }
        let values = match.groups.map { range in range.map { text[$0] } ?? [] }
        text.replaceSubrange(match.whole, with: CollectionOfOne(0x20))
        return values
    }

    private static func monthNumber(_ name: ArraySlice<UInt8>) -> Int {
        let lowered = name.map(ASCII.lower)
        return (months.firstIndex(of: lowered) ?? -1) + 1
    }

    private static func zoneSeconds(_ zone: ArraySlice<UInt8>) -> Int {
        guard zone.count == 5 else { return 0 }
        let start = zone.startIndex
        let hours = decimal(zone[(start + 1)...(start + 2)]) ?? 0, minutes = decimal(zone[(start + 3)...(start + 4)]) ?? 0
        let seconds = (hours * 60 + minutes) * 60
        return zone[start] == UInt8(ascii: "-") ? -seconds : seconds
    }

    /// Days from 1970-01-01 to the date (proleptic Gregorian).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
