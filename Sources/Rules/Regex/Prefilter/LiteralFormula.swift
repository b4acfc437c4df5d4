/// A condition on the literals of a text that every text a regex matches meets (see
/// `LiteralFormulaExtractor`): one of `terms` holds, and a term holds when each of its literal
/// sets has a member in the text, ASCII case ignored. Where `RequiredLiterals` keeps one set
/// (for `(?:give\syou|within)` the union of "give", "you" and "within"), a formula keeps several,
/// joined as the pattern joins them ("give" and "you", or "within").
///
/// Every operation only ever weakens a formula when it grows past its bounds (a term loses sets,
/// terms are `flattened` into one set), so it stays a sound requirement.
struct LiteralFormula: Hashable, Sendable {
    /// A set of lowercased literals, sorted.
    typealias LiteralSet = [[UInt8]]

    /// No terms: nothing matches; an empty term: no requirement.
    let terms: [[LiteralSet]]

    static let maxTerms = 32
    static let maxSetsPerTerm = 4

    static let always = LiteralFormula(terms: [[]])

    var isAlways: Bool { terms.contains { $0.isEmpty } }

    static func requiring(_ set: LiteralSet) -> LiteralFormula { LiteralFormula(terms: [[set]]) }

    /// Both `self` and `other` hold. When the terms would be too many, one side (or both) is
    /// first `flattened`.
    func and(_ other: LiteralFormula) -> LiteralFormula {
        if other.isAlways { return self }
        if isAlways { return other }
        return product(other) ?? product(other.flattened) ?? flattened.product(other) ?? flattened.product(other.flattened) ?? self
    }

    private func product(_ other: LiteralFormula) -> LiteralFormula? {
        if other.isAlways { return self }
        if isAlways { return other }
        guard terms.count * other.terms.count <= LiteralFormula.maxTerms else { return nil }
        var result: [[LiteralSet]] = []
        for mine in terms {
            for theirs in other.terms {
                var term = mine
                for set in theirs { LiteralFormula.add(set, to: &term) }
                if !result.contains(term) { result.append(term) }
            }
        }
        return LiteralFormula(terms: result)
    }

    /// A weaker formula of one set: the union of one set of each term (the one with the longest
    /// shortest literal), or `always` when that is too big.
    var flattened: LiteralFormula {
        var union = Set<[UInt8]>()
        for term in terms {
            guard let pick = term.max(by: { LiteralFormula.shortest($0) < LiteralFormula.shortest($1) }) else { return .always }
            union.formUnion(pick)
        }
        guard !union.isEmpty, union.count <= LiteralFormula.maxFlattenedLiterals else { return .always }
        return .requiring(union.sorted { $0.lexicographicallyPrecedes($1) })
    }

    static let maxFlattenedLiterals = 256

    private static func shortest(_ set: LiteralSet) -> Int { set.map(\.count).min() ?? 0 }

    /// Adds `set` to `term`, keeping only the narrowest of sets one of which implies another (a
    /// member of a subset occurring means one of the superset occurs), within `maxSetsPerTerm`.
    private static func add(_ set: LiteralSet, to term: inout [LiteralSet]) {
        func isSubset(_ small: LiteralSet, of large: LiteralSet) -> Bool { small.allSatisfy(large.contains) }
        if term.contains(where: { isSubset($0, of: set) }) { return }
        term.removeAll { isSubset(set, of: $0) }
        if term.count < maxSetsPerTerm { term.append(set) }
    }

    /// `self` or `other`; `flattened` when the terms would be too many.
    func or(_ other: LiteralFormula) -> LiteralFormula {
        if isAlways || other.isAlways { return .always }
        var result = terms
        for term in other.terms where !result.contains(term) { result.append(term) }
        return result.count <= LiteralFormula.maxTerms ? LiteralFormula(terms: result) : LiteralFormula(terms: result).flattened
    }

    /// Whether `text` meets the formula (the reference check; the prefilter checks it against
    /// the literal sets one scan found).
    func admits(_ text: [UInt8]) -> Bool {
        let lowered = text.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func occurs(_ literal: [UInt8]) -> Bool {
            guard !literal.isEmpty, literal.count <= lowered.count else { return literal.isEmpty }
            for start in 0...(lowered.count - literal.count) where lowered[start..<start + literal.count].elementsEqual(literal) {
                return true
            }
            return false
        }
        return terms.contains { term in term.allSatisfy { set in set.contains(where: occurs) } }
    }
}
