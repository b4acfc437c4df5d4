/// Writes a message back out with top-level header fields removed, added or tagged, and every
/// other byte exactly as it was: the mbox From_ line, untouched fields, the body.
public struct HeaderRewriter {
    public let message: MailMessage

    public init(_ message: MailMessage) { self.message = message }

    /// - Parameters:
    ///   - removing: names of fields to drop wherever they stand (case-insensitive).
    ///   - adding: fields appended at the end of the header section; "\n" in a value marks a
    ///     fold and becomes the message's line ending plus a tab.
    ///   - subjectPrefix: text put in front of the first Subject's value (a Subject is added
    ///     when there is none).
    public func rewrite(removing: [String], adding: [(name: String, value: String)], subjectPrefix: String? = nil) -> [UInt8] {
        let raw = message.raw
        let newline = message.lineEnding.bytes
        let removed = Set(removing.map { $0.lowercased() })
        var output: [UInt8] = []
        output.reserveCapacity(raw.count + 512)

        var subjectDone = subjectPrefix == nil
        var cursor = 0
        for field in message.headers.fields {
            let lower = field.name.lowercased()
            if removed.contains(lower) {
                output += raw[cursor..<field.raw.startIndex]
                cursor = field.raw.endIndex
            } else if !subjectDone, lower == "subject", let prefix = subjectPrefix {
                output += raw[cursor..<field.rawValue.startIndex]
                output += Array(" \(prefix)".utf8)
                if let first = field.rawValue.first, first != 0x20, first != 0x09 { output.append(0x20) }
                cursor = field.rawValue.startIndex
                subjectDone = true
            }
        }
        let insertAt = max(cursor, message.headerEnd)
        output += raw[cursor..<insertAt]

        // A last header line without a line break must be ended before fields are added after it.
        let headerStart = message.mboxFromLine?.endIndex ?? 0
        if insertAt > headerStart, raw[insertAt - 1] != 0x0A, raw[insertAt - 1] != 0x0D { output += newline }
        var added = adding
        if !subjectDone, let prefix = subjectPrefix { added.append((name: "Subject", value: prefix)) }
        for field in added {
            output += Array("\(field.name): ".utf8)
            for byte in field.value.utf8 {
                if byte == 0x0A { output += newline; output.append(0x09) } else { output.append(byte) }
            }
            output += newline
        }
        // A line starting with white space right after the added fields would fold into the last
        // of them: end the header section first.
        if insertAt < raw.count, raw[insertAt] == 0x20 || raw[insertAt] == 0x09 { output += newline }
        output += raw[insertAt...]
        return output
    }
}
