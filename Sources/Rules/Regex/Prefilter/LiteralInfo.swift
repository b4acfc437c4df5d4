/// What the prefilter knows about the strings a piece of a pattern can match, all lowercased:
/// the complete set of them when it is small (`exact`), sets one of which every match starts
/// with, ends with, or contains. A nil set means nothing is known. Every rule below only ever
/// loses knowledge, never invents it, so the result stays a sound requirement.
struct LiteralInfo {
    typealias Literals = LiteralSet

    let exact: Literals?
    let prefix: Literals?
    let suffix: Literals?
    /// The most selective sound requirement known: a set of literals, each at least
    /// `minLiteralLength` long, one of which occurs in every match; nil when there is none.
    /// Kept as the best of everything known, so reading it costs nothing.
    let best: Literals?
    /// A set of literals every match holds at least `count` (2 or more) non-overlapping
    /// occurrences of: what a repetition like `(?:…name…){5}` demands. Nil when nothing is known.
    let repeated: RepeatedLiterals?

    init(exact: Literals?, prefix: Literals?, suffix: Literals?, required: Literals?, repeated: RepeatedLiterals? = nil) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        best = LiteralInfo.better(LiteralInfo.better(LiteralInfo.better(required, exact), prefix), suffix)
        self.repeated = repeated
    }

    private init(exact: Literals?, prefix: Literals?, suffix: Literals?, best: Literals?, repeated: RepeatedLiterals?) {
        self.exact = exact
        self.prefix = prefix
        self.suffix = suffix
        self.best = best
        self.repeated = repeated
    }

    /// Bounds that keep sets small; beyond them a set is dropped (knowledge lost, still sound).
    static let maxSetSize = 24
    static let maxAlternationSize = 256
    static let maxLiteralLength = Literal.capacity
    /// The shortest literal worth requiring: shorter ones are everywhere.
    static let minLiteralLength = 3

    /// Matches anything: nothing known.
    static let opaque = LiteralInfo(exact: nil, prefix: nil, suffix: nil, required: nil)
    /// Matches only the empty string (anchors, assertions, lookarounds).
    static let empty = LiteralInfo.literals(.emptyString)
    /// Matches nothing at all: when only ASCII text is considered, a byte above 0x7F.
    static let never = LiteralInfo.literals(.nothing)

    var isNever: Bool { exact?.isEmpty == true }

    static func literals(_ set: Literals) -> LiteralInfo {
        LiteralInfo(exact: set, prefix: set, suffix: set, best: better(nil, set), repeated: nil)
    }

    /// One byte (already lowercased).
    static func byte(_ byte: UInt8) -> LiteralInfo {
        literals(LiteralSet(Literal(byte: byte)))
    }

    /// The more selective of two candidate requirements, the first when they tie; a set with a
    /// member shorter than `minLiteralLength` (or no member) is no candidate.
    static func better(_ chosen: Literals?, _ candidate: Literals?) -> Literals? {
        let chosenShortest = chosen?.shortest ?? 0
        guard let candidate, let shortest = candidate.shortest, shortest >= minLiteralLength else {
            return chosenShortest >= minLiteralLength ? chosen : nil
        }
        guard let chosen, chosenShortest >= minLiteralLength else { return candidate }
        // Longer literals are rarer, up to a point; then fewer literals; then longer again.
        let score = (min(shortest, 8), -candidate.count, shortest)
        let chosenScore = (min(chosenShortest, 8), -chosen.count, chosenShortest)
        return score > chosenScore ? candidate : chosen
    }

    /// Every pairing of a string from `left` followed by one from `right`, or nil when too big.
    static func product(_ left: Literals?, _ right: Literals?) -> Literals? {
        guard let left, let right else { return nil }
        return LiteralSet.product(left, right, maxPairs: maxSetSize, maxLength: maxLiteralLength)
    }

    static func union(_ left: Literals?, _ right: Literals?, limit: Int = maxSetSize) -> Literals? {
        guard let left, let right else { return nil }
        return left.union(right, limit: limit)
    }

    /// `self` followed by `next`.
    func followed(by next: LiteralInfo) -> LiteralInfo {
        if isNever || next.isNever { return .never }
        let exact = LiteralInfo.product(self.exact, next.exact)
        // A side's suffix or prefix is often its exact set (a literal, a small alternation):
        // then a product below is one already made, and is not made again.
        let suffixIsExact = self.suffix == self.exact, prefixIsExact = next.prefix == next.exact
        let exactThenPrefix = prefixIsExact ? exact : LiteralInfo.product(self.exact, next.prefix)
        let suffixThenExact = suffixIsExact ? exact : LiteralInfo.product(self.suffix, next.exact)
        let prefix: Literals?
        if let mine = self.exact {
            prefix = exactThenPrefix ?? mine
        } else {
            prefix = self.prefix
        }
        let suffix: Literals?
        if let theirs = next.exact {
            suffix = suffixThenExact ?? theirs
        } else {
            suffix = next.suffix
        }
        let junction = suffixIsExact ? exactThenPrefix : prefixIsExact ? suffixThenExact : LiteralInfo.product(self.suffix, next.prefix)
        let required = LiteralInfo.better(LiteralInfo.better(self.best, next.best), junction)
        return LiteralInfo(exact: exact, prefix: prefix, suffix: suffix, required: required,
                           repeated: RepeatedLiterals.concatenation(self.repeated, next.repeated))
    }

    /// `self` or `other`.
    func alternative(_ other: LiteralInfo) -> LiteralInfo {
        if isNever { return other }
        if other.isNever { return self }
        return LiteralInfo(
            exact: LiteralInfo.union(exact, other.exact),
            prefix: LiteralInfo.union(prefix, other.prefix),
            suffix: LiteralInfo.union(suffix, other.suffix),
            required: LiteralInfo.union(best, other.best, limit: LiteralInfo.maxAlternationSize),
            repeated: RepeatedLiterals.alternation(repeated, other.repeated)
        )
    }

    /// Every string of `minimum` to `maximum` (at most 4) strings of the exact set, when few.
    private func smallPowers(minimum: Int, maximum: Int?) -> Literals? {
        guard let exact, let maximum, maximum <= 4, maximum >= minimum, maximum >= 1 else { return nil }
        var result: Literals? = minimum == 0 ? .emptyString : .nothing
        var power: Literals? = .emptyString
        for times in 1...maximum {
            power = LiteralInfo.product(power, exact)
            guard let power else { return nil }
            if times >= minimum { result = result?.union(power, limit: LiteralInfo.maxSetSize) }
        }
        return result
    }

    /// `self` repeated between `minimum` and `maximum` (nil: no maximum) times.
    func repeated(minimum: Int, maximum: Int?) -> LiteralInfo {
        if isNever { return minimum == 0 ? .empty : .never }
        if exact?.isEmptyStringOnly == true { return .empty }
        if let powers = smallPowers(minimum: minimum, maximum: maximum) { return .literals(powers) }
        if minimum == 0 {
            // Optional: only the exact set survives, with the empty string added.
            guard maximum == 1, let exact, let optional = exact.union(.emptyString) else { return .opaque }
            return .literals(optional)
        }
        var exactPower: Literals?
        if let exact, maximum == minimum, minimum <= 4 {
            exactPower = exact
            for _ in 1..<minimum { exactPower = LiteralInfo.product(exactPower, exact) }
        }
        if let exactPower { return .literals(exactPower) }
        // Each of the `minimum` passes matches a separate stretch of the text, holding its own
        // occurrence of one of the literals.
        let counted = repeated ?? best.map { RepeatedLiterals(literals: $0, count: 1) }
        return LiteralInfo(exact: nil, prefix: prefix ?? exact, suffix: suffix ?? exact, required: best,
                           repeated: counted.flatMap { $0.times(minimum) })
    }
}
