/// A rule's score in each of the four score sets. `score NAME s` gives all four the same value;
/// `score NAME s0 s1 s2 s3` gives each its own.
public struct RuleScores: Sendable, Hashable, CustomStringConvertible {
    /// Indexed by `ScoreSet.rawValue`; always four values.
    public let values: [Double]
    /// True when no `score` line named the rule and SpamAssassin's default applies
    /// (1.0, or 0.01 for `T_` rules, negated for `nice` rules).
    public let isDefault: Bool

    /// Four values, one per score set; any other count gives every set the first value.
    public init(_ values: [Double], isDefault: Bool = false) {
        self.values = values.count == 4 ? values : Array(repeating: values.first ?? 0, count: 4)
        self.isDefault = isDefault
    }

    public init(all value: Double, isDefault: Bool = false) {
        self.init([value, value, value, value], isDefault: isDefault)
    }

    public subscript(set: ScoreSet) -> Double { values[set.rawValue] }

    public var description: String {
        values.dropFirst().allSatisfy { $0 == values[0] } ? "\(values[0])" : values.map { "\($0)" }.joined(separator: " ")
    }
}
