/// Punctuation that SpamAssassin's "fuzzy" rules accept as look-alikes of letters (`!` or `|`
/// for "i", `@` for "a", `$` for "s", `\/` for "v") and that plain prose seldom holds. Reading a
/// rule as if a text lacked them keeps its letters required in the `AlphanumericProjection`;
/// the prefilter then runs the rule on every text that does hold one of the bytes it relied on.
enum GateBytes {
    /// One bit per byte of `bytes`.
    typealias Mask = UInt32

    static let bytes: [UInt8] = Array("!|@$\\<>[]{}~^`*+=#%?".utf8)

    private static let bits: [Mask] = {
        var table = [Mask](repeating: 0, count: 256)
        for (index, byte) in bytes.enumerated() { table[Int(byte)] = 1 << Mask(index) }
        return table
    }()

    /// The bit of `byte`, nil for a byte that is not gated.
    static func bit(_ byte: UInt8) -> Mask? {
        let bit = bits[Int(byte)]
        return bit == 0 ? nil : bit
    }

    /// The bits of the gated bytes `text` holds.
    static func present(in text: UnsafeBufferPointer<UInt8>) -> Mask {
        var mask: Mask = 0
        bits.withUnsafeBufferPointer { table in
            for byte in text { mask |= table[Int(byte)] }
        }
        return mask
    }
}
