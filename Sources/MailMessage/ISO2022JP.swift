/// ISO-2022-JP (RFC 1468) rewritten as CP932 bytes, so that iconv's CP932 table reads it with the
/// NEC and IBM extensions (circled digits, ㈱) and half-width katakana that Japanese mail labelled
/// ISO-2022-JP really contains, which glibc's ISO-2022-JP converter rejects. JIS X 0208 maps to
/// Shift_JIS by arithmetic. Bytes that cannot be read are written as 0xFF, which CP932 rejects, so
/// the converter turns each into U+FFFD.
enum ISO2022JP {
    static let invalid: UInt8 = 0xFF
    private static let escape: UInt8 = 0x1B

    private enum Mode {
        case ascii, katakana, jis0208
        /// A double-byte set CP932 does not have (JIS X 0212, GB 2312, KS C 5601).
        case unsupported
    }

    static func shiftJIS(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var mode = Mode.ascii
        var at = 0
        let end = input.count
        while at < end {
            let byte = input[at]
            if byte == escape {
                if let (newMode, length) = designation(input, at: at) {
                    if let newMode { mode = newMode }
                    at += length
                } else {
                    output.append(invalid)
                    at += 1
                }
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                // Lines end in ASCII (RFC 1468); a sender that forgot to switch back loses no more than its line.
                mode = .ascii
                output.append(byte)
                at += 1
                continue
            }
            if byte < 0x21 || byte == 0x7F {
                output.append(byte)
                at += 1
                continue
            }
            if byte >= 0x80 {
                // 8-bit half-width katakana ("JIS8") is read as such; other 8-bit bytes are invalid.
                output.append((0xA1...0xDF).contains(byte) ? byte : invalid)
                at += 1
                continue
            }
            switch mode {
            case .ascii:
                output.append(byte)
                at += 1
            case .katakana:
                output.append(byte <= 0x5F ? byte + 0x80 : invalid)
                at += 1
            case .jis0208, .unsupported:
                guard at + 1 < end, (0x21...0x7E).contains(input[at + 1]) else {
                    output.append(invalid)
                    at += 1
                    continue
                }
                if mode == .jis0208 {
                    appendShiftJIS(row: byte, cell: input[at + 1], to: &output)
                } else {
                    output.append(invalid)
                }
                at += 2
            }
        }
        return output
    }

    /// The escape sequence at `at`: the mode it selects (nil for a sequence that changes nothing
    /// here) and its length; nil when it is not one this decoder knows.
    private static func designation(_ input: UnsafeBufferPointer<UInt8>, at: Int) -> (Mode?, Int)? {
        func byte(_ offset: Int) -> UInt8? { at + offset < input.count ? input[at + offset] : nil }
        switch (byte(1), byte(2), byte(3)) {
        case (UInt8(ascii: "("), UInt8(ascii: "B"), _), (UInt8(ascii: "("), UInt8(ascii: "J"), _),
             (UInt8(ascii: "("), UInt8(ascii: "H"), _):
            return (.ascii, 3)
        case (UInt8(ascii: "("), UInt8(ascii: "I"), _):
            return (.katakana, 3)
        case (UInt8(ascii: "$"), UInt8(ascii: "@"), _), (UInt8(ascii: "$"), UInt8(ascii: "B"), _):
            return (.jis0208, 3)
        case (UInt8(ascii: "$"), UInt8(ascii: "A"), _):
            return (.unsupported, 3)
        case (UInt8(ascii: "$"), UInt8(ascii: "("), let final?):
            // JIS X 0213 plane 1 (ISO-2022-JP-3/2004) is a superset of JIS X 0208; the rest is not in CP932.
            return (final == UInt8(ascii: "Q") || final == UInt8(ascii: "O") || final == UInt8(ascii: "B") ? .jis0208 : .unsupported, 4)
        case (UInt8(ascii: "&"), UInt8(ascii: "@"), _):
            // Announces the 1990 revision of JIS X 0208; the designation follows.
            return (nil, 3)
        case (UInt8(ascii: "."), .some, _):
            // ISO-2022-JP-2 G2 designation: only used after single shifts, which stay invalid.
            return (nil, 3)
        default:
            return nil
        }
    }

    /// JIS X 0208 row and cell (0x21...0x7E each) as the Shift_JIS byte pair.
    private static func appendShiftJIS(row: UInt8, cell: UInt8, to output: inout [UInt8]) {
        let lead = (row - 0x21) / 2 + (row <= 0x5E ? 0x81 : 0xC1)
        let trail: UInt8
        if row & 1 == 1 {
            trail = cell + (cell <= 0x5F ? 0x1F : 0x20)
        } else {
            trail = cell + 0x7E
        }
        output.append(lead)
        output.append(trail)
    }
}
