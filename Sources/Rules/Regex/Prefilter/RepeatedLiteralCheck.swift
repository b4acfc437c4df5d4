/// The regexes of a `LiteralPrefilter` that need several non-overlapping occurrences of the same
/// literals in a line (each its own `count`), with a matcher over those literals alone: one
/// count per line serves them all (SpamAssassin's `__FILL_THIS_FORM_*` rules share one set).
struct RepeatedLiteralCheck: Sendable {
    let matcher: LiteralMatcher
    /// Each regex with the occurrences it needs (at least 2).
    let members: [(target: Int, count: Int)]

    /// Removes from `found` the members that `text` holds too few occurrences for.
    func filter(_ found: inout TargetSet, text: UnsafeBufferPointer<UInt8>) {
        var needed = 0
        for member in members where found.contains(member.target) { needed = max(needed, member.count) }
        guard needed > 0 else { return }
        let present = matcher.disjointOccurrences(atMost: needed, in: text)
        for member in members where member.count > present { found.remove(member.target) }
    }

    /// One check per distinct literal set among `repeated` (per regex: its literals and count,
    /// or nil), for the regexes below `limit`.
    static func grouping(_ repeated: [(literals: [[UInt8]], count: Int)?], limit: Int) -> [RepeatedLiteralCheck] {
        var order: [[[UInt8]]] = []
        var membersBySet: [[[UInt8]]: [(target: Int, count: Int)]] = [:]
        for (target, entry) in repeated.enumerated() where target < limit {
            guard let (set, count) = entry, count >= 2, !set.isEmpty, set.allSatisfy({ !$0.isEmpty }) else { continue }
            if membersBySet[set] == nil { order.append(set) }
            membersBySet[set, default: []].append((target, count))
        }
        return order.map { set in
            RepeatedLiteralCheck(matcher: LiteralMatcher(literals: set.map { ($0, 0) }, targetCount: 1), members: membersBySet[set] ?? [])
        }
    }
}
