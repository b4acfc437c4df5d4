/// What `LiteralPrefilter` looks for in a text's `AlphanumericProjection` for one regex: one of
/// `literals` occurs there in every text the regex matches, unless the text holds a byte above
/// 0x7F or an `&` (when `plainTextOnly`) or one of the `gate` bytes (see `GateBytes`).
public struct AlphanumericLiterals: Sendable {
    public let literals: [[UInt8]]
    public let plainTextOnly: Bool
    public let gate: [UInt8]

    public init(literals: [[UInt8]], plainTextOnly: Bool = false, gate: [UInt8] = []) {
        self.literals = literals
        self.plainTextOnly = plainTextOnly
        self.gate = gate
    }
}
