/// RFC822Date's and DateSummary's patterns matched by hand on bytes, each giving the leftmost
/// match and its groups exactly as the PCRE pattern named in its comment does (compiled for bytes:
/// `\d`, `\s`, `\b` and caseless matching are ASCII-only). A date costs a few byte scans instead
/// of up to six regex searches.
enum DatePatterns {
    /// The whole match and the ranges of groups 1, 2… (nil: the group did not take part).
    struct Match: Equatable {
        var whole: Range<Int>
        var groups: [Range<Int>?]
    }

    private static let months: [(UInt8, UInt8, UInt8)] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { name in let bytes = Array(name.utf8); return (bytes[0], bytes[1], bytes[2]) }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
    private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    private static func isWord(_ byte: UInt8) -> Bool { isDigit(byte) || byte | 0x20 &- 0x61 < 26 || byte == 0x5F }
    /// PCRE's `\s` without UCP: space, \t, \n, \v, \f, \r.
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte &- 0x09 < 5 }

    /// The end of the run of ASCII digits starting at `start`.
    private static func digitsEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while index < text.count, isDigit(text[index]) { index += 1 }
        return index
    }

    private static func byte(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, is value: UInt8) -> Bool {
        index < text.count && text[index] == value
    }

    /// `(Jan|Feb|…|Dec)` caseless at `index`.
    private static func isMonth(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 3 <= text.count else { return false }
        // only a letter's two cases give a lower-case letter under `| 0x20`
        let a = text[index] | 0x20, b = text[index + 1] | 0x20, c = text[index + 2] | 0x20
        return months.contains { $0 == (a, b, c) }
    }

    /// `\d+` then a space at `start`: the end of the digits, or nil.
    private static func digitsThenSpace(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let end = digitsEnd(text, from: start)
        return end > start && byte(text, end, is: 0x20) ? end : nil
    }

    /// ` (\d+) (Jan|…|Dec) (\d{4}) ` caseless when `yearDigits` is 4...4; with 2...3 the pattern
    /// ` (\d+) (Jan|…|Dec) (\d{2,3}) `.
    static func dayMonthYear(_ text: UnsafeBufferPointer<UInt8>, yearDigits: ClosedRange<Int>) -> Match? {
        for start in 0..<text.count where text[start] == 0x20 {
            guard let dayEnd = digitsThenSpace(text, from: start + 1), isMonth(text, at: dayEnd + 1),
                  byte(text, dayEnd + 4, is: 0x20) else { continue }
            let yearStart = dayEnd + 5
            let yearEnd = digitsEnd(text, from: yearStart)
            guard yearDigits.contains(yearEnd - yearStart), byte(text, yearEnd, is: 0x20) else { continue }
            return Match(whole: start..<(yearEnd + 1), groups: [(start + 1)..<dayEnd, (dayEnd + 1)..<(dayEnd + 4), yearStart..<yearEnd])
        }
        return nil
    }

    /// ` (Jan|…|Dec) +(\d+) \d+:\d+:\d+ (\d{4}) ` caseless.
    static func monthDayTimeYear(_ text: UnsafeBufferPointer<UInt8>) -> Match? {
        for start in 0..<text.count where text[start] == 0x20 {
            guard isMonth(text, at: start + 1) else { continue }
            var dayStart = start + 4
            guard byte(text, dayStart, is: 0x20) else { continue }
            while byte(text, dayStart, is: 0x20) { dayStart += 1 }
            guard let dayEnd = digitsThenSpace(text, from: dayStart) else { continue }
            var index = dayEnd + 1
            var fieldsOK = true
            for separator: UInt8 in [0x3A, 0x3A, 0x20] {
                let end = digitsEnd(text, from: index)
                guard end > index, byte(text, end, is: separator) else { fieldsOK = false; break }
                index = end + 1
            }
            guard fieldsOK else { continue }
            let yearEnd = digitsEnd(text, from: index)
            guard yearEnd - index == 4, byte(text, yearEnd, is: 0x20) else { continue }
            return Match(whole: start..<(yearEnd + 1), groups: [(start + 1)..<(start + 4), dayStart..<dayEnd, index..<yearEnd])
        }
        return nil
    }

    /// ` (\d?\d):(\d\d)(:(\d\d))? `.
    static func time(_ text: UnsafeBufferPointer<UInt8>) -> Match? {
        for start in 0..<text.count where text[start] == 0x20 {
            let hourEnd = digitsEnd(text, from: start + 1)
            guard (1...2).contains(hourEnd - start - 1), byte(text, hourEnd, is: 0x3A) else { continue }
            let minuteStart = hourEnd + 1
            guard minuteStart + 2 <= text.count, isDigit(text[minuteStart]), isDigit(text[minuteStart + 1]) else { continue }
            let minuteEnd = minuteStart + 2
            let hour = (start + 1)..<hourEnd, minute = minuteStart..<minuteEnd
            if byte(text, minuteEnd, is: 0x3A), minuteEnd + 3 < text.count, isDigit(text[minuteEnd + 1]), isDigit(text[minuteEnd + 2]),
               text[minuteEnd + 3] == 0x20 {
                return Match(whole: start..<(minuteEnd + 4), groups: [hour, minute, minuteEnd..<(minuteEnd + 3), (minuteEnd + 1)..<(minuteEnd + 3)])
            }
            if byte(text, minuteEnd, is: 0x20) {
                return Match(whole: start..<(minuteEnd + 1), groups: [hour, minute, nil, nil])
            }
        }
        return nil
    }

    /// ` ([-+]\d{4}) `.
    static func numericZone(_ text: UnsafeBufferPointer<UInt8>) -> Match? {
        for start in 0..<text.count where text[start] == 0x20 {
            guard start + 1 < text.count, text[start + 1] == 0x2B || text[start + 1] == 0x2D else { continue }
            let end = digitsEnd(text, from: start + 2)
            guard end - start - 2 == 4, byte(text, end, is: 0x20) else { continue }
            return Match(whole: start..<(end + 1), groups: [(start + 1)..<end])
        }
        return nil
    }

    /// `\b([A-Z]{2,4}(?:-DST)?)\b`.
    static func namedZone(_ text: UnsafeBufferPointer<UInt8>) -> Match? {
        var start = 0
        while start < text.count {
            guard isUpper(text[start]), start == 0 || !isWord(text[start - 1]) else { start += 1; continue }
            var end = start
            while end < text.count, isUpper(text[end]) { end += 1 }
            // a shorter run of capitals is followed by a capital: no boundary, no "-DST"
            if (2...4).contains(end - start) {
                if end + 4 <= text.count, text[end] == 0x2D, text[end + 1] == 0x44, text[end + 2] == 0x53, text[end + 3] == 0x54,
                   end + 4 == text.count || !isWord(text[end + 4]) {
                    return Match(whole: start..<(end + 4), groups: [start..<(end + 4)])
                }
                if end == text.count || !isWord(text[end]) {
                    return Match(whole: start..<end, groups: [start..<end])
                }
            }
            start = end
        }
        return nil
    }

    /// `(\s.?\d+ \S\S\S \d+ \d+:\d+:\d+ \S+)`, the date of a Received line: group 1 (the whole
    /// match). For a text without "\n" or "\r" (what `.` matches there depends on PCRE's newline
    /// setting: the caller uses the regex).
    static func receivedDate(_ text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        for start in 0..<text.count where isSpace(text[start]) {
            // `.?` takes one byte when it can (never "\n"), else none
            if start + 1 < text.count, text[start + 1] != 0x0A, let end = receivedDateRest(text, from: start + 2) { return start..<end }
            if let end = receivedDateRest(text, from: start + 1) { return start..<end }
        }
        return nil
    }

    /// `\d+ \S\S\S \d+ \d+:\d+:\d+ \S+` at `start`: the end of the match.
    private static func receivedDateRest(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let dayEnd = digitsThenSpace(text, from: start), dayEnd + 4 < text.count else { return nil }
        for index in (dayEnd + 1)...(dayEnd + 3) where isSpace(text[index]) { return nil }
        guard text[dayEnd + 4] == 0x20 else { return nil }
        var index = dayEnd + 5
        for separator: UInt8 in [0x20, 0x3A, 0x3A, 0x20] {
            let end = digitsEnd(text, from: index)
            guard end > index, byte(text, end, is: separator) else { return nil }
            index = end + 1
        }
        var end = index
        while end < text.count, !isSpace(text[end]) { end += 1 }
        return end > index ? end : nil
    }
}
