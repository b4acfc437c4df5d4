/// A set of `Literal`s as `LiteralInfo` computes them: kept sorted (in `Literal`'s order) and
/// without duplicates, so equal sets have equal arrays, unions are merges and nothing is hashed.
struct LiteralSet: Equatable {
    /// Sorted by length first: the shortest member is the first.
    private(set) var members: [Literal]

    private init(sorted: [Literal]) { members = sorted }

    init(_ literals: [Literal]) {
        var sorted = literals
        sorted.sort()
        members = LiteralSet.unique(sorted)
    }

    init(_ literal: Literal) { members = [literal] }

    /// Only the empty string.
    static let emptyString = LiteralSet(Literal())
    /// No string at all.
    static let nothing = LiteralSet(sorted: [])

    var count: Int { members.count }
    var isEmpty: Bool { members.isEmpty }
    var isEmptyStringOnly: Bool { members.count == 1 && members[0].count == 0 }
    /// The length of the shortest member, nil when there is none.
    var shortest: Int? { members.first?.count }

    /// The members' bytes in lexicographic order.
    var sortedBytes: [[UInt8]] {
        members.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The members of both, or nil when more than `limit`.
    func union(_ other: LiteralSet, limit: Int = .max) -> LiteralSet? {
        if other.members.isEmpty { return members.count <= limit ? self : nil }
        if members.isEmpty { return other.members.count <= limit ? other : nil }
        var merged: [Literal] = []
        merged.reserveCapacity(min(members.count + other.members.count, limit))
        var left = 0, right = 0
        while left < members.count || right < other.members.count {
            let next: Literal
            if right == other.members.count || (left < members.count && members[left] < other.members[right]) {
                next = members[left]
                left += 1
            } else if left == members.count || other.members[right] < members[left] {
                next = other.members[right]
                right += 1
            } else {
                next = members[left]
                left += 1
                right += 1
            }
            guard merged.count < limit else { return nil }
            merged.append(next)
        }
        return LiteralSet(sorted: merged)
    }

    /// Every member of `left` followed by every member of `right`, or nil when more than
    /// `maxPairs` pairs or a joined string longer than `maxLength`.
    static func product(_ left: LiteralSet, _ right: LiteralSet, maxPairs: Int, maxLength: Int) -> LiteralSet? {
        guard left.count * right.count <= maxPairs else { return nil }
        guard let leftLongest = left.members.last, let rightLongest = right.members.last else { return .nothing }
        guard leftLongest.count + rightLongest.count <= maxLength else { return nil }
        if left.count == 1, right.count == 1 {
            return left.members[0].followed(by: right.members[0], limit: maxLength).map(LiteralSet.init)
        }
        var joined: [Literal] = []
        joined.reserveCapacity(left.count * right.count)
        for a in left.members {
            for b in right.members {
                guard let pair = a.followed(by: b, limit: maxLength) else { return nil }
                joined.append(pair)
            }
        }
        return LiteralSet(joined)
    }

    private static func unique(_ sorted: [Literal]) -> [Literal] {
        guard sorted.count > 1 else { return sorted }
        var result = sorted
        var kept = 1
        for index in 1..<result.count where result[index] != result[kept - 1] {
            result[kept] = result[index]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }
}
