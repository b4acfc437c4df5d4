/// Which projection of a pattern (`PatternProjection`) a text can run.
public enum TextKind: Sendable {
    /// ASCII without `&`: neither 8-bit look-alikes nor HTML entity spellings can match.
    case plain
    /// ASCII with an `&`.
    case ascii
    /// Some byte above 0x7F: the full pattern.
    case eightBit

    public init(of text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else {
            self = .plain
            return
        }
        let raw = UnsafeRawPointer(base)
        let count = text.count
        var index = 0
        var ampersand = false
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 {
                self = .eightBit
                return
            }
            // A zero byte in word ^ "&&&&&&&&" marks an `&` (exact for ASCII words).
            let probe = word ^ 0x2626_2626_2626_2626
            if (probe &- 0x0101_0101_0101_0101) & ~probe & 0x8080_8080_8080_8080 != 0 { ampersand = true }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte >= 0x80 {
                self = .eightBit
                return
            }
            if byte == UInt8(ascii: "&") { ampersand = true }
            index += 1
        }
        self = ampersand ? .ascii : .plain
    }

    public init(of text: [UInt8]) {
        self = text.withUnsafeBufferPointer { TextKind(of: $0) }
    }
}
