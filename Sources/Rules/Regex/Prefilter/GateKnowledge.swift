/// What `LineGateExtractor` knows about the strings a piece of a pattern can match: none is
/// shorter than `minLength`; all are made of bytes of `alphabet` (nil: any byte); each holds a
/// byte of every one of `classes` and a run of every one of `runs`; each begins with one of
/// `prefixes` when known (for `StartGuard`). Each combination below only
/// loses knowledge, never invents it, so whatever it says stays a necessary condition.
struct GateKnowledge {
    var minLength: Int
    var alphabet: ByteSet?
    var classes: [ByteSet]
    var runs: [RequiredRun]
    /// Only when the parser tracks them (`PatternGateParser.tracksPrefixes`); nil: not known.
    var prefixes: StartPrefixes?

    /// Lengths past this one say nothing more about a line.
    static let lengthCap = 1 << 16
    /// Bounds that keep the lists small; beyond them the least selective entries go.
    static let maxClasses = 6
    static let maxRuns = 6

    /// Matches only the empty string: anchors, assertions, lookarounds.
    static let empty = GateKnowledge(minLength: 0, alphabet: ByteSet(), classes: [], runs: [], prefixes: .empty)
    /// Matches anything, the empty string included.
    static let opaque = GateKnowledge(minLength: 0, alphabet: nil, classes: [], runs: [], prefixes: .anything)

    /// One byte of `set`.
    static func byte(of set: ByteSet) -> GateKnowledge {
        GateKnowledge(minLength: 1, alphabet: set, classes: set.isAll ? [] : [set], runs: [])
    }

    /// `self` followed by `next` (runs spanning both are the sequence parser's business).
    func followed(by next: GateKnowledge) -> GateKnowledge {
        var alphabet: ByteSet?
        if let mine = self.alphabet, let theirs = next.alphabet { alphabet = mine.union(theirs) }
        return GateKnowledge(minLength: min(minLength + next.minLength, GateKnowledge.lengthCap), alphabet: alphabet,
                             classes: GateKnowledge.joined(classes, next.classes),
                             runs: GateKnowledge.joined(runs, next.runs), prefixes: prefixes.flatMap { mine in next.prefixes.map(mine.followed) })
    }

    /// `self` or `other`: a requirement of each side, joined, holds for both.
    func alternative(_ other: GateKnowledge) -> GateKnowledge {
        var alphabet: ByteSet?
        if let mine = self.alphabet, let theirs = other.alphabet { alphabet = mine.union(theirs) }
        var joinedClasses: [ByteSet] = []
        for mine in classes {
            for theirs in other.classes { joinedClasses.append(mine.union(theirs)) }
        }
        var joinedRuns: [RequiredRun] = []
        for mine in runs {
            for theirs in other.runs {
                joinedRuns.append(RequiredRun(bytes: mine.bytes.union(theirs.bytes), length: min(mine.length, theirs.length)))
            }
        }
        return GateKnowledge(minLength: min(minLength, other.minLength), alphabet: alphabet,
                             classes: GateKnowledge.pruned(joinedClasses), runs: GateKnowledge.pruned(joinedRuns),
                             prefixes: prefixes.flatMap { mine in other.prefixes.map(mine.alternative) })
    }

    /// `self` repeated at least `minimum` times (any maximum).
    func repeated(minimum: Int) -> GateKnowledge {
        guard minimum > 0 else {
            return GateKnowledge(minLength: 0, alphabet: alphabet, classes: [], runs: [], prefixes: prefixes?.repeated(minimum: 0))
        }
        var result = self
        result.prefixes = prefixes?.repeated(minimum: minimum)
        result.minLength = min(minLength * min(minimum, GateKnowledge.lengthCap), GateKnowledge.lengthCap)
        result.addRun(of: result)
        return result
    }

    /// Records that every match of `piece` (a part of this one) is a run of its alphabet.
    mutating func addRun(of piece: GateKnowledge) {
        guard let bytes = piece.alphabet, !bytes.isAll, piece.minLength >= 2 else { return }
        runs = GateKnowledge.joined(runs, [RequiredRun(bytes: bytes, length: piece.minLength)])
    }

    /// `pruned(first + second)` for two lists that are already pruned: pruning one such list
    /// changes nothing, so that work is skipped when the other is empty; otherwise both are
    /// ranked already and are merged rather than sorted again.
    static func joined(_ first: [ByteSet], _ second: [ByteSet]) -> [ByteSet] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        return merged(first, second, odds: ByteRarity.presence, limit: maxClasses) { $0.isSubset(of: $1) }
    }

    static func joined(_ first: [RequiredRun], _ second: [RequiredRun]) -> [RequiredRun] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        return merged(first, second, odds: ByteRarity.score, limit: maxRuns) { $0.implies($1) }
    }

    /// Drops classes that a narrower one implies and keeps the rarest few.
    static func pruned(_ sets: [ByteSet]) -> [ByteSet] {
        // A single class ranks first without its odds.
        guard sets.count > 1 else { return sets.filter { !$0.isAll } }
        var ranked = sets.filter { !$0.isAll }.map { (set: $0, odds: ByteRarity.presence(of: $0)) }.sorted { $0.odds < $1.odds }
            .makeIterator()
        return kept(limit: maxClasses, implies: { $0.isSubset(of: $1) }) { ranked.next()?.set }
    }

    /// Drops runs that another one implies and keeps the most demanding few.
    static func pruned(_ runs: [RequiredRun]) -> [RequiredRun] {
        guard runs.count > 1 else { return runs.filter { $0.length >= 2 && !$0.bytes.isAll } }
        var ranked = runs.filter { $0.length >= 2 && !$0.bytes.isAll }.map { (run: $0, odds: ByteRarity.score(of: $0)) }
            .sorted { $0.odds < $1.odds }.makeIterator()
        return kept(limit: maxRuns, implies: { $0.implies($1) }) { ranked.next()?.run }
    }

    /// The two non-empty ranked lists merged by `odds` (between equal odds `first`'s entry goes
    /// first, as in the stable sort of `first + second`), then kept as `pruned` keeps them. Each
    /// entry's odds are computed at most once.
    private static func merged<Entry>(_ first: [Entry], _ second: [Entry], odds: (Entry) -> Double, limit: Int,
                                      implies: (Entry, Entry) -> Bool) -> [Entry] {
        var firstIndex = 0, secondIndex = 0
        var firstOdds = odds(first[0]), secondOdds = odds(second[0])
        return kept(limit: limit, implies: implies) {
            if firstIndex < first.count, secondIndex == second.count || firstOdds <= secondOdds {
                defer {
                    firstIndex += 1
                    if firstIndex < first.count { firstOdds = odds(first[firstIndex]) }
                }
                return first[firstIndex]
            }
            guard secondIndex < second.count else { return nil }
            defer {
                secondIndex += 1
                if secondIndex < second.count { secondOdds = odds(second[secondIndex]) }
            }
            return second[secondIndex]
        }
    }

    /// Takes entries from `next` (the least likely first) and keeps each that no kept one
    /// implies, until `limit` are kept.
    private static func kept<Entry>(limit: Int, implies: (Entry, Entry) -> Bool, from next: () -> Entry?) -> [Entry] {
        var kept: [Entry] = []
        while kept.count < limit, let entry = next() {
            if kept.contains(where: { implies($0, entry) }) { continue }
            kept.append(entry)
        }
        return kept
    }
}
