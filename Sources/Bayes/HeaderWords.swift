/// The words of a header field's raw value under the field's own name (`H:NAME:word`), as
/// SpamAssassin reads nearly every header: a run of letters and digits that may hold `.`, `_`,
/// `-` and `@` inside ("mail.example.com", "user@example.org", "1.2.5.1i"), lower-cased.
/// Spammers' tracking headers and mailing-list headers, known in advance or not, become
/// tokens this way. At most `maxWords` words a field.
struct HeaderWords {
    static let maxWords = 30
    /// Longer words (random ids, encoded blobs) are left out.
    static let maxWordBytes = 64

    /// Fields with tokenizers of their own, or whose words are dates and random ids only.
    static let skipped: Set<String> = ["received", "date", "message-id", "subject", "from", "to", "cc", "content-type"]

    static let head = TokenPrefix("H:")

    /// The prefix of a field's words, from its lower-cased name: `H:NAME:`.
    static func prefix(lowercasedName name: UnsafeBufferPointer<UInt8>, keepingText: Bool) -> TokenPrefix {
        TokenPrefix(head, name, UInt8(ascii: ":"), keepingText: keepingText)
    }

    /// The words of `raw` under the field name `name` (lower-cased bytes).
    static func tokenize(lowercasedName name: UnsafeBufferPointer<UInt8>, _ raw: ArraySlice<UInt8>, into sink: inout TokenSink) {
        let prefix = prefix(lowercasedName: name, keepingText: sink.keepsTexts)
        raw.withUnsafeBufferPointer { bytes in
            var index = 0, words = 0
            while index < bytes.count, words < maxWords {
                guard ByteClass.isAlnum(bytes[index]) else {
                    index += 1
                    continue
                }
                var end = index + 1
                while end < bytes.count {
                    let byte = bytes[end]
                    guard ByteClass.isAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@") else { break }
                    end += 1
                }
                var last = end
                while last > index, !ByteClass.isAlnum(bytes[last - 1]) { last -= 1 }
                if last - index <= maxWordBytes {
                    sink.emit(prefix, lowering: UnsafeBufferPointer(rebasing: bytes[index..<last]))
                    words += 1
                }
                index = end
            }
        }
    }
}
