extension TransferDecoder {
    /// Flags in the decoding tables; any of them set in the top byte means "not a base64 digit".
    private static let skipFlag: UInt32 = 0x0100_0000
    private static let padFlag: UInt32 = 0x0200_0000
    private static let illegalFlag: UInt32 = 0x0400_0000
    private static let notDigitMask: UInt32 = 0xFF00_0000

    /// Four tables, one per position in a quad, holding the digit's value already shifted into
    /// place, so a whole quad decodes with four loads and three ORs.
    private static let base64Tables: [UInt32] = {
        var value = [UInt32](repeating: illegalFlag, count: 256)
        for (digit, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            value[Int(byte)] = UInt32(digit)
        }
        for byte in [0x20, 0x09, 0x0D, 0x0A] { value[byte] = skipFlag }
        value[Int(UInt8(ascii: "="))] = padFlag
        var tables = [UInt32](repeating: 0, count: 1024)
        for byte in 0..<256 {
            let digit = value[byte]
            let isDigit = digit & notDigitMask == 0
            tables[byte] = isDigit ? digit << 18 : digit
            tables[256 + byte] = isDigit ? digit << 12 : digit
            tables[512 + byte] = isDigit ? digit << 6 : digit
            tables[768 + byte] = digit
        }
        return tables
    }()

    /// Base64 that skips white space and line breaks, tolerates missing padding, stops at `=`,
    /// and skips illegal characters (reported once, as is a dangling sixth-of-a-quad).
    static func decodeBase64(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> Result {
        let count = input.count
        let capacity = min(limit, count / 4 * 3 + 3)
        var sawIllegal = false
        var truncated = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { output, initialized in
            base64Tables.withUnsafeBufferPointer { tables in
                guard let source = input.baseAddress, let out = output.baseAddress, let table = tables.baseAddress else { return }
                let t0 = table, t1 = table + 256, t2 = table + 512, t3 = table + 768
                var i = 0, o = 0
                var quad: UInt32 = 0
                var digits = 0
                func emit(_ word: UInt32) -> Bool {
                    guard o < capacity else {
                        truncated = true
                        return false
                    }
                    out[o] = UInt8(truncatingIfNeeded: word)
                    o += 1
                    return true
                }
                scan: while i < count {
                    if digits == 0 {
                        while i + 4 <= count, o + 3 <= capacity {
                            let word = t0[Int(source[i])] | t1[Int(source[i + 1])] | t2[Int(source[i + 2])] | t3[Int(source[i + 3])]
                            if word & notDigitMask != 0 { break }
                            out[o] = UInt8(truncatingIfNeeded: word >> 16)
                            out[o + 1] = UInt8(truncatingIfNeeded: word >> 8)
                            out[o + 2] = UInt8(truncatingIfNeeded: word)
                            i += 4
                            o += 3
                        }
                        if i >= count { break scan }
                    }
                    let value = t3[Int(source[i])]
                    i += 1
                    if value & notDigitMask == 0 {
                        quad = quad << 6 | value
                        digits += 1
                        guard digits == 4 else { continue }
                        guard emit(quad >> 16), emit(quad >> 8), emit(quad) else { break scan }
                        quad = 0
                        digits = 0
                    } else if value == padFlag {
                        break scan
                    } else if value == illegalFlag {
                        sawIllegal = true
                    }
                }
                // A partial quad holds whole bytes for 2 or 3 digits; a single digit is a truncated quad.
                if !truncated {
                    switch digits {
                    case 1: sawIllegal = true
                    case 2: _ = emit(quad >> 4)
                    case 3: _ = emit(quad >> 10) && emit(quad >> 2)
                    default: break
                    }
                }
                initialized = o
            }
        }
        return Result(bytes: bytes, defects: defects(bad: sawIllegal ? .badBase64 : nil, truncated: truncated), truncated: truncated)
    }
}
