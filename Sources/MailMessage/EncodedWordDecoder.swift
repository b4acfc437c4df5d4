/// RFC 2047 encoded words in header text, decoded the tolerant way mail readers do: words are
/// found anywhere (inside other words and quoted strings too), the charset may carry an RFC 2231
/// language (`utf-8*en`), encoded text may contain spaces, and an unterminated word is decoded to
/// the end of its token. The bytes of adjacent words in the same charset are joined before they
/// are converted, so a character split across two words (as UTF-8, ISO-2022-JP and Big5 senders
/// do) comes out whole, and so does a base64 quantum split across two words.
public struct EncodedWordDecoder {
    /// Decodes every `=?charset?B|Q?…?=` word in an unfolded header value; white space between
    /// adjacent encoded words is dropped. Malformed words stay as written and are reported.
    public static func decode(_ text: String) -> (text: String, defects: [DefectKind]) {
        guard mayContainWord(text.utf8) else { return (text, []) }
        var text = text
        return text.withUTF8 { bytes in
            var decoder = EncodedWordDecoder(input: bytes)
            decoder.run()
            return (String(decoding: decoder.output, as: UTF8.self), decoder.defects)
        }
    }

    private static func mayContainWord(_ utf8: String.UTF8View) -> Bool {
        var previous: UInt8 = 0
        for byte in utf8 {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    private struct Word {
        /// The charset name, without an RFC 2231 language.
        var charset: Range<Int>
        var isBase64: Bool
        var text: Range<Int>
        /// Where the text after the word starts.
        var end: Int
        /// Whether the word ends in "?=".
        var isTerminated = true
    }

    private let input: UnsafeBufferPointer<UInt8>
    private var output: [UInt8] = []
    private var defects: [DefectKind] = []

    /// The run of adjacent words in one charset whose bytes are not converted yet.
    private var runCharset: Range<Int>?
    private var runBytes: [UInt8] = []
    /// Base64 bits left over at the end of a word, kept for the next word in the run.
    private var pendingBits: UInt32 = 0
    private var pendingBitCount = 0

    private init(input: UnsafeBufferPointer<UInt8>) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    private mutating func run() {
        var scan = 0
        var literalStart = 0
        while let start = nextWordStart(from: scan) {
            guard let word = parseWord(at: start) else {
                scan = start + 1
                continue
            }
            let between = literalStart..<start
            if runCharset != nil, input[between].allSatisfy(isWhiteSpace) {
                if !sameCharset(word.charset) {
                    flushRun()
                    runCharset = word.charset
                } else if !word.isBase64 {
                    finishBase64()
                }
            } else {
                flushRun()
                output.append(contentsOf: input[between])
                runCharset = word.charset
            }
            if word.isBase64 {
                decodeBase64(word.text)
            } else {
                finishBase64()
                decodeQ(word.text)
            }
            // An unterminated word joins no following word.
            if !word.isTerminated { flushRun() }
            scan = word.end
            literalStart = word.end
        }
        flushRun()
        output.append(contentsOf: input[literalStart...])
    }

    // MARK: finding words

    private func nextWordStart(from: Int) -> Int? {
        var at = from
        while at + 1 < input.count {
            if input[at] == UInt8(ascii: "="), input[at + 1] == UInt8(ascii: "?") { return at }
            at += 1
        }
        return nil
    }

    /// The encoded word starting at `start` ("=?"), or nil when there is none.
    private mutating func parseWord(at start: Int) -> Word? {
        let count = input.count
        var at = start + 2
        while at < count, at - start <= 80, isCharsetByte(input[at]) { at += 1 }
        guard at < count, input[at] == UInt8(ascii: "?"), at > start + 2 else { return nil }
        var charsetEnd = at
        if let star = input[(start + 2)..<at].firstIndex(of: UInt8(ascii: "*")) { charsetEnd = star }
        let charset = (start + 2)..<charsetEnd
        guard at + 2 < count, input[at + 2] == UInt8(ascii: "?") else { return nil }
        let isBase64: Bool
        switch input[at + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"): isBase64 = true
        case UInt8(ascii: "Q"), UInt8(ascii: "q"): isBase64 = false
        default:
            defects.appendOnce(.badEncodedWord)
            return nil
        }
        let textStart = at + 3
        // The text ends at "?="; "=?" not followed by "=" (base64 padding before "?=") starts another word.
        var scan = textStart
        while scan < count {
            let byte = input[scan]
            if byte == UInt8(ascii: "?"), scan + 1 < count, input[scan + 1] == UInt8(ascii: "=") {
                return Word(charset: charset, isBase64: isBase64, text: textStart..<scan, end: scan + 2)
            }
            if byte == UInt8(ascii: "="), scan + 1 < count, input[scan + 1] == UInt8(ascii: "?"),
               scan + 2 >= count || input[scan + 2] != UInt8(ascii: "=") {
                break
            }
            scan += 1
        }
        // Unterminated: the word is what remains of its token.
        defects.appendOnce(.badEncodedWord)
        let end = input[textStart..<scan].firstIndex(where: isWhiteSpace) ?? scan
        return Word(charset: charset, isBase64: isBase64, text: textStart..<end, end: end, isTerminated: false)
    }

    private func isCharsetByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "?") && byte != UInt8(ascii: "=")
    }

    private func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    private func sameCharset(_ charset: Range<Int>) -> Bool {
        guard let runCharset, runCharset.count == charset.count else { return false }
        return zip(input[runCharset], input[charset]).allSatisfy { HeaderText.lowerASCII($0) == HeaderText.lowerASCII($1) }
    }

    // MARK: decoding

    private mutating func decodeQ(_ range: Range<Int>) {
        var at = range.lowerBound
        while at < range.upperBound {
            let byte = input[at]
            if byte == UInt8(ascii: "_") {
                runBytes.append(0x20)
            } else if byte == UInt8(ascii: "="), at + 2 < range.upperBound,
                      let high = hexValue(input[at + 1]), let low = hexValue(input[at + 2]) {
                runBytes.append(high << 4 | low)
                at += 2
            } else {
                if byte == UInt8(ascii: "=") { defects.appendOnce(.badEncodedWord) }
                runBytes.append(byte)
            }
            at += 1
        }
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x37
        case 0x61...0x66: byte - 0x57
        default: nil
        }
    }

    private mutating func decodeBase64(_ range: Range<Int>) {
        for byte in input[range] {
            let value = Self.base64Values[Int(byte)]
            if value < 64 {
                pendingBits = pendingBits << 6 | UInt32(value)
                pendingBitCount += 6
                if pendingBitCount >= 8 {
                    pendingBitCount -= 8
                    runBytes.append(UInt8(truncatingIfNeeded: pendingBits >> UInt32(pendingBitCount)))
                    pendingBits &= (1 << UInt32(pendingBitCount)) - 1
                }
            } else if byte == UInt8(ascii: "=") {
                // Padding ends a quantum; a lone sextet before it cannot make a byte.
                if pendingBitCount == 6 { defects.appendOnce(.badEncodedWord) }
                pendingBits = 0
                pendingBitCount = 0
            } else if !isWhiteSpace(byte) {
                defects.appendOnce(.badEncodedWord)
            }
        }
        // Zero leftover bits are just missing padding. Anything else may be a quantum that the
        // sender split across words: keep it for the next word in the run.
        if pendingBitCount < 6, pendingBits == 0 {
            pendingBitCount = 0
        }
    }

    /// Drops base64 bits that no following word completed.
    private mutating func finishBase64() {
        if pendingBitCount > 0 { defects.appendOnce(.badEncodedWord) }
        pendingBits = 0
        pendingBitCount = 0
    }

    private mutating func flushRun() {
        finishBase64()
        guard let runCharset else { return }
        let label = String(decoding: input[runCharset], as: UTF8.self)
        let converted = CharsetConverter.decode(runBytes[...], charset: label)
        output.append(contentsOf: converted.text.utf8)
        for defect in converted.defects { defects.appendOnce(defect) }
        runBytes.removeAll(keepingCapacity: true)
        self.runCharset = nil
    }

    private static let base64Values: [UInt8] = {
        var values = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            values[Int(byte)] = UInt8(index)
        }
        // The URL-safe alphabet, which some senders use.
        values[Int(UInt8(ascii: "-"))] = 62
        values[Int(UInt8(ascii: "_"))] = 63
        return values
    }()
}
