/// A set of bytes above 0x7F: those a text may hold, for which `PatternProjection` keeps the
/// parts of a pattern that need them.
public struct HighByteSet: Hashable, Sendable {
    /// Bits for 0x80…0xBF (UTF-8 continuation bytes).
    public private(set) var continuation: UInt64
    /// Bits for 0xC0…0xFF (UTF-8 lead bytes).
    public private(set) var lead: UInt64

    public init(continuation: UInt64 = 0, lead: UInt64 = 0) {
        self.continuation = continuation
        self.lead = lead
    }

    /// No byte above 0x7F: the set of a pure ASCII text.
    public static let none = HighByteSet()

    public var isEmpty: Bool { continuation == 0 && lead == 0 }

    /// Whether `byte` is in the set; false for every ASCII byte.
    public func contains(_ byte: UInt8) -> Bool {
        guard byte >= 0x80 else { return false }
        return byte >= 0xC0 ? lead & (1 << UInt64(byte - 0xC0)) != 0 : continuation & (1 << UInt64(byte - 0x80)) != 0
    }

    public mutating func insert(_ byte: UInt8) {
        guard byte >= 0x80 else { return }
        if byte >= 0xC0 { lead |= 1 << UInt64(byte - 0xC0) } else { continuation |= 1 << UInt64(byte - 0x80) }
    }
}
