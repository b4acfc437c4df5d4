/// A rule's dense index in its `RuleSet`: `ruleSet.rules[id.index]`, and a ready index for
/// per-message arrays of hit counts.
public struct RuleID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let index: Int

    public init(_ index: Int) {
        self.index = index
    }

    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.index < rhs.index }

    public var description: String { "#\(index)" }
}
