/// What `MIMEStatistics` sums over the lines of a part's raw body (lines as
/// `MIMEStatistics.forEachLine` cuts them), found in one pass over the bytes instead of line by
/// line: the line lengths, the lines with bytes illegal in US-ASCII text, and the
/// `&#xHHHH;` entities (hex digits in capitals).
struct PlainTextCensus: Equatable {
    /// The sum of the lines' lengths, each line end counted as one byte: the body's length less
    /// one for every CR that ends a line before its LF.
    private(set) var lineBytes = 0
    /// Lines holding NUL, a CR that does not end the line, or a byte from 0x80 up.
    private(set) var illegalLines = 0
    /// Matches of `&#x[0-9A-F]{4};`.
    private(set) var unicodeEntities = 0

    init(_ body: ArraySlice<UInt8>) {
        body.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            var lineEndCRs = 0, illegal = 0, entities = 0
            var lineIllegal = false, pendingCR = false, lineLength = 0
            var index = 0
            while index < count {
                // eight bytes with no line end, NUL, CR, "&" or high byte only lengthen the line
                if index + 8 <= count {
                    let word = ByteWords.load(bytes, at: index)
                    let notable = (word & ByteWords.highBits) | ByteWords.equal(word, 0x0A) | ByteWords.equal(word, 0x0D)
                        | ByteWords.equal(word, 0x00) | ByteWords.equal(word, UInt8(ascii: "&"))
                    if notable == 0 {
                        if pendingCR { lineIllegal = true }
                        pendingCR = false
                        lineLength += 8
                        index += 8
                        continue
                    }
                    // the ordinary bytes before the first notable one, at once
                    let ordinary = notable.trailingZeroBitCount >> 3
                    if ordinary > 0 {
                        if pendingCR { lineIllegal = true }
                        pendingCR = false
                        lineLength += ordinary
                        index += ordinary
                    }
                }
                let byte = bytes[index]
                if byte == 0x0A {
                    if pendingCR { lineEndCRs += 1 }
                    if lineIllegal { illegal += 1 }
                    lineIllegal = false
                    pendingCR = false
                    lineLength = 0
                    index += 1
                    continue
                }
                if pendingCR { lineIllegal = true }
                pendingCR = byte == 0x0D
                if byte == 0x00 || byte >= 0x80 { lineIllegal = true }
                if byte == UInt8(ascii: "&"), Self.isUnicodeEntity(bytes, at: index) { entities += 1 }
                lineLength += 1
                index += 1
            }
            // the last line has no LF: a CR ending it is part of it
            if lineLength > 0, lineIllegal || pendingCR { illegal += 1 }
            lineBytes = count - lineEndCRs
            illegalLines = illegal
            unicodeEntities = entities
        }
    }

    /// `&#x` then four of 0-9 A-F then `;` at `index`.
    private static func isUnicodeEntity(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 8 <= bytes.count, bytes[index + 1] == UInt8(ascii: "#"), bytes[index + 2] == UInt8(ascii: "x"),
              bytes[index + 7] == UInt8(ascii: ";") else { return false }
        for offset in 3..<7 {
            let byte = bytes[index + offset]
            guard byte &- 0x30 < 10 || byte &- 0x41 < 6 else { return false }
        }
        return true
    }
}
