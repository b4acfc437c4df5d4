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
        runs = GateKnowledge.pruned(runs + [RequiredRun(bytes: bytes, length: piece.minLength)])
    }

    /// `pruned(first + second)` for two lists that are already pruned: pruning one such list
    /// changes nothing, so that work is skipped when the other is empty.
    static func joined(_ first: [ByteSet], _ second: [ByteSet]) -> [ByteSet] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        return pruned(first + second)
    }

    static func joined(_ first: [RequiredRun], _ second: [RequiredRun]) -> [RequiredRun] {
        if second.isEmpty { return first }
        if first.isEmpty { return second }
        return pruned(first + second)
    }

    /// Drops classes that a narrower one implies and keeps the rarest few.
    static func pruned(_ sets: [ByteSet]) -> [ByteSet] {
        // A single class ranks first without its odds.
        guard sets.count > 1 else { return sets.filter { !$0.isAll } }
        var kept: [ByteSet] = []
        let ranked = sets.filter { !$0.isAll }.map { (set: $0, odds: ByteRarity.presence(of: $0)) }.sorted { $0.odds < $1.odds }
        for (set, _) in ranked {
            if kept.contains(where: { $0.isSubset(of: set) }) { continue }
            kept.append(set)
            if kept.count == maxClasses { break }
        }
        return kept
    }

    /// Drops runs that another one implies and keeps the most demanding few.
    static func pruned(_ runs: [RequiredRun]) -> [RequiredRun] {
        guard runs.count > 1 else { return runs.filter { $0.length >= 2 && !$0.bytes.isAll } }
        var kept: [RequiredRun] = []
        let ranked = runs.filter { $0.length >= 2 && !$0.bytes.isAll }.map { (run: $0, odds: ByteRarity.score(of: $0)) }
            .sorted { $0.odds < $1.odds }
        for (run, _) in ranked {
            if kept.contains(where: { $0.implies(run) }) { continue }
            kept.append(run)
            if kept.count == maxRuns { break }
        }
        return kept
    }
}
