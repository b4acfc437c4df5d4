/// A literal set with how many non-overlapping occurrences of its members every match holds (see
/// `LiteralInfo.repeated`). Only counts of 2 or more are kept: 1 is what `LiteralInfo.best` says.
struct RepeatedLiterals: Equatable {
    let literals: LiteralInfo.Literals
    let count: Int

    /// Counts are capped: past a few, counting costs more than it saves.
    static let maxCount = 16

    /// The requirement for `factor` consecutive matches, nil when it says nothing new.
    func times(_ factor: Int) -> RepeatedLiterals? {
        guard factor >= 1, !literals.isEmpty else { return nil }
        let total = min(count * factor, RepeatedLiterals.maxCount)
        return total >= 2 ? RepeatedLiterals(literals: literals, count: total) : nil
    }

    /// Two pieces one after the other: their stretches do not overlap, so the counts of one set
    /// add up; for different sets either requirement holds.
    static func concatenation(_ left: RepeatedLiterals?, _ right: RepeatedLiterals?) -> RepeatedLiterals? {
        guard let left else { return right }
        guard let right else { return left }
        if left.literals == right.literals {
            return RepeatedLiterals(literals: left.literals, count: min(left.count + right.count, maxCount))
        }
        return left.count >= right.count ? left : right
    }

    /// One piece or the other: only a requirement both share holds, at the smaller count.
    static func alternation(_ left: RepeatedLiterals?, _ right: RepeatedLiterals?) -> RepeatedLiterals? {
        guard let left, let right, left.literals == right.literals else { return nil }
        return RepeatedLiterals(literals: left.literals, count: min(left.count, right.count))
    }
}
