/// A 64-bit hash of a token's bytes: FNV-1a over the bytes, then a MurmurHash3 finaliser so
/// that tokens differing in one byte spread over all 64 bits. Stable across processes and
/// machines (unlike `Hasher`), because the hashes are what the database stores.
public struct TokenHasher: Sendable, Hashable {
    @usableFromInline var state: UInt64

    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01B3

    public init() { state = Self.offsetBasis }

    @inlinable @inline(__always)
    public mutating func combine(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* Self.prime
    }

    @inlinable
    public mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
        var value = state
        for byte in bytes { value = (value ^ UInt64(byte)) &* Self.prime }
        state = value
    }

    public mutating func combine(_ text: String) {
        var copy = text
        copy.withUTF8 { combine($0) }
    }

    @inlinable
    public func finish() -> UInt64 {
        var value = state
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }

    /// The hash of a whole token written as text ("s:free"), as the tokenizer would make it.
    public static func hash(_ token: String) -> UInt64 {
        var hasher = TokenHasher()
        hasher.combine(token)
        return hasher.finish()
    }
}
