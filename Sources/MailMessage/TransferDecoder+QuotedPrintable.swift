extension TransferDecoder {
    /// Quoted-printable, line by line: white space at line ends is dropped, a final `=` joins the
    /// line to the next (soft break), `=XX` in either case is a byte, and any other `=` is kept
    /// as written and reported. Line breaks are kept as they are (CRLF or LF).
    static func decodeQuotedPrintable(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Result {
        let count = input.count
        let capacity = min(limit, count)
        var sawMalformed = false
        var truncated = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
            guard let source = input.baseAddress, let out = output.baseAddress else { return }
            var o = 0
            /// Copies `source[from..<to]`, as much as fits.
            func copy(from: Int, to: Int) -> Bool {
                let length = min(to - from, capacity - o)
                if length > 0 { (out + o).initialize(from: source + from, count: length) }
                o += length
                if length < to - from { truncated = true }
                return !truncated
            }
            var lineStart = 0
            lines: while lineStart < count {
                let lineFeed = ByteScan.first(0x0A, in: input, from: lineStart, to: count)
                let breakEnd = lineFeed.map { $0 + 1 } ?? count
                var contentEnd = lineFeed ?? count
                if contentEnd > lineStart, lineFeed != nil, source[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let breakStart = contentEnd
                while contentEnd > lineStart, source[contentEnd - 1] == 0x20 || source[contentEnd - 1] == 0x09 { contentEnd -= 1 }

                var position = lineStart
                var softBreak = false
                while position < contentEnd {
                    let equals = ByteScan.first(UInt8(ascii: "="), in: input, from: position, to: contentEnd) ?? contentEnd
                    guard copy(from: position, to: equals) else { break lines }
                    position = equals
                    guard position < contentEnd else { break }
                    if position + 1 == contentEnd {
                        softBreak = true
                        break
                    }
                    if position + 2 < contentEnd, let high = hexValue(source[position + 1]), let low = hexValue(source[position + 2]) {
                        guard o < capacity else { truncated = true; break lines }
                        out[o] = high << 4 | low
                        o += 1
                        position += 3
                    } else {
                        sawMalformed = true
                        guard copy(from: position, to: position + 1) else { break lines }
                        position += 1
                    }
                }
                if !softBreak, lineFeed != nil {
                    guard copy(from: breakStart, to: breakEnd) else { break lines }
                }
                lineStart = breakEnd
            }
            initialized = o
        }
        return Result(bytes: bytes, defects: defects(bad: sawMalformed ? .badQuotedPrintable : nil, truncated: truncated), truncated: truncated)
    }

    @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
