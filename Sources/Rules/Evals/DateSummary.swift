import MailMessage

/// The dates HeaderEval compares: the Date (or Resent-Date) header, the dates of the Received
/// headers, and `dateDifference`, the Date header minus the closest Received date (0 when either
/// is missing), in seconds.
struct DateSummary {
    var headerTime: Int?
    var receivedTimes: [Int] = []
    var dateDifference = 0

    private static let receivedDate = try! CompiledRegex(#"(\s.?\d+ \S\S\S \d+ \d+:\d+:\d+ \S+)"#)
    private static let localFirst = try! CompiledRegex(#"\bfrom (?:localhost\s|(?:\S+ ){1,2}\S*\b127\.0\.0\.1\b)"#)
    private static let qmailLocal = try! CompiledRegex(#"qmail \d+ invoked by uid \d+"#)
    private static let fetchmail = try! CompiledRegex(#"\bby localhost with \w+ \(fetchmail-[\d.]+"#)

    init(_ context: EvalContext) {
        headerTime = Self.headerTime(context.views.headers, fields: context.message.headers.fields)
        let receivedText = context.scalarBytes(.received)
        // lines cut from bytes hold no "\n" nor "\r": the date needs no regex for them
        let bytesCut = Self.cutsLinesFromBytes(receivedText)
        var received = Self.receivedLines(receivedText, cutFromBytes: bytesCut)
        if let first = received.first, Self.localFirst.matches(bytes: first) || Self.qmailLocal.matches(bytes: first) {
            let local = received.removeFirst()
            if let next = received.first, Self.fetchmail.matches(bytes: next) {
                received.removeFirst()
            } else {
                received.insert(local, at: 0)
            }
        }
        for line in received {
            if let date = bytesCut ? Self.receivedDate(inLineWithoutBreaks: line) : Self.receivedDate(in: line),
               let time = RFC822Date.parse(bytes: line[date]) {
                receivedTimes.append(time)
            }
        }
        guard let headerTime, !receivedTimes.isEmpty else { return }
        var differences = receivedTimes.map { headerTime - $0 }
        if differences.count > 1, differences.last == 0 { differences.removeLast() }
        dateDifference = differences.min { abs($0) < abs($1) } ?? 0
    }

    /// The time of the first Resent-Date field that holds a date, else of the first such Date
    /// field; the fields found through the view's name index (`headers` is the view of `fields`).
    static func headerTime(_ headers: HeaderView, fields: [HeaderField]) -> Int? {
        for name in ["resent-date", "date"] {
            for position in headers.positions[name] ?? [] {
                if let time = headerDate(fields[position]) { return time }
            }
        }
        return nil
    }

    /// `RFC822Date.parse(field.unfolded)`, nil for an empty value. An ASCII value without CR is
    /// read from its bytes: unfolding only drops the LFs that fold it (each before a space or
    /// tab) and the white space at its ends, which the date reading squeezes away in any case.
    static func headerDate(_ field: HeaderField) -> Int? {
        let raw = field.rawValue
        if raw.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return RFC822Date.parse(bytes: raw)
        }
        let text = field.unfolded
        return text.isEmpty ? nil : RFC822Date.parse(text)
    }

    /// The range of `line` the Received date pattern's group 1 matches.
    static func receivedDate(in line: ArraySlice<UInt8>) -> Range<Int>? {
        guard !line.contains(where: { $0 == 0x0A || $0 == 0x0D }) else {
            guard let groups = receivedDate.captureGroups(in: line), groups.count > 1 else { return nil }
            return groups[1]
        }
        return receivedDate(inLineWithoutBreaks: line)
    }

    /// `receivedDate(in:)` for a line known to hold no "\n" nor "\r".
    static func receivedDate(inLineWithoutBreaks line: ArraySlice<UInt8>) -> Range<Int>? {
        let offset = line.startIndex
        return line.withUnsafeBufferPointer { DatePatterns.receivedDate($0) }.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
    }

    /// Whether `receivedLines` cuts the text's bytes at each "\n" (else it splits the String).
    static func cutsLinesFromBytes(_ text: [UInt8]) -> Bool {
        // "\r\n" is one Character, not a line break, and non-ASCII white space needs Unicode
        // properties: leave those rare texts to String.
        !text.contains(where: { $0 == 0x0D || $0 >= 0x80 })
    }

    /// The text's lines (split at "\n" as the String's characters split) that hold something
    /// other than white space.
    static func receivedLines(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        receivedLines(text, cutFromBytes: cutsLinesFromBytes(text))
    }

    /// `receivedLines(text)`, given `cutsLinesFromBytes(text)`.
    static func receivedLines(_ text: [UInt8], cutFromBytes: Bool) -> [ArraySlice<UInt8>] {
        guard cutFromBytes else {
            return ASCII.string(text).split(separator: "\n").filter { $0.contains(where: { !$0.isWhitespace }) }.map { Array($0.utf8)[...] }
        }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while start < text.count {
            let end = text[start...].firstIndex(of: 0x0A) ?? text.count
            if text[start..<end].contains(where: { !ASCII.isPerlSpace($0) }) { lines.append(text[start..<end]) }
            start = end + 1
        }
        return lines
    }
}
