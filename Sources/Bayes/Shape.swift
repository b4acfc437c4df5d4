/// The shape of a string: each run of digits becomes `9`, of lower-case letters `a`, of capitals
/// `A`, of other letters `x`; punctuation stays. "20020822.ABC123@x" has the shape "9.A9@a". Ratware
/// writes Message-IDs, dates and boundaries in shapes no real mailer uses.
enum Shape {
    static func of(_ text: String, limit: Int) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(limit)
        append(text.utf8, limit: limit, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends the shape of `bytes` (at most `limit` symbols) to `result`, for tokens built
    /// without an intermediate string.
    @inline(__always)
    static func append(_ bytes: some Sequence<UInt8>, limit: Int, to result: inout [UInt8]) {
        var previous: UInt8 = 0
        var written = 0
        for byte in bytes {
            let symbol: UInt8
            if ByteClass.isDigit(byte) {
                symbol = UInt8(ascii: "9")
            } else if ByteClass.isUpper(byte) {
                symbol = UInt8(ascii: "A")
            } else if ByteClass.isLetter(byte) {
                symbol = UInt8(ascii: "a")
            } else if byte >= 0x80 {
                symbol = UInt8(ascii: "x")
            } else if byte == 0x20 || byte == 0x09 {
                symbol = UInt8(ascii: " ")
            } else {
                symbol = byte
            }
            let isRun = symbol == UInt8(ascii: "9") || symbol == UInt8(ascii: "A") || symbol == UInt8(ascii: "a")
                || symbol == UInt8(ascii: "x") || symbol == UInt8(ascii: " ")
            if isRun, symbol == previous { continue }
            result.append(symbol)
            previous = symbol
            written += 1
            if written >= limit { break }
        }
    }
}
