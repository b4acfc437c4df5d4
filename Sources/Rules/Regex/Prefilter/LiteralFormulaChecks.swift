/// The `LiteralFormula`s of a prefilter's regexes, checked line by line. Their literal sets are
/// numbered and their literals join the prefilter's own scan as extra targets (`setBase` + set
/// index), so the one scan of a line finds both; a candidate whose formula no term of meets is
/// then dropped. A formula that holds only for plain text is not checked on other lines.
struct LiteralFormulaChecks: Sendable {
    /// Each literal of each set with the set's index.
    let setLiterals: [(bytes: [UInt8], set: Int)]
    let setCount: Int
    /// The targets with a formula, and those whose formula holds only for plain text.
    private let targets: TargetSet
    private let plainTextOnly: TargetSet
    /// Per target: its terms, each the indices of its sets (empty for targets without a formula).
    private let terms: [[[Int32]]]

    var isEmpty: Bool { setCount == 0 }

    init(formulas: [(formula: LiteralFormula, plainTextOnly: Bool)?]) {
        var setIndex: [LiteralFormula.LiteralSet: Int32] = [:]
        var literals: [(bytes: [UInt8], set: Int)] = []
        var targets = TargetSet(capacity: formulas.count)
        var plain = TargetSet(capacity: formulas.count)
        var terms = [[[Int32]]](repeating: [], count: formulas.count)
        for (target, entry) in formulas.enumerated() {
            guard let (formula, plainTextOnly) = entry, !formula.isAlways,
                  formula.terms.allSatisfy({ $0.allSatisfy { set in !set.isEmpty && set.allSatisfy { !$0.isEmpty } } }) else { continue }
            terms[target] = formula.terms.map { term in
                term.map { set in
                    if let known = setIndex[set] { return known }
                    let index = Int32(setIndex.count)
                    setIndex[set] = index
                    for literal in set { literals.append((literal, Int(index))) }
                    return index
                }
            }
            targets.insert(target)
            if plainTextOnly { plain.insert(target) }
        }
        setCount = setIndex.count
        setLiterals = literals
        self.targets = targets
        plainTextOnly = plain
        self.terms = terms
    }

    /// Removes from `found` the regexes whose formula a text of `kind` fails, `found` holding the
    /// text's literal sets at `setBase` + index.
    func filter(_ found: inout TargetSet, kind: TextKind, setBase: Int) {
        for wordIndex in targets.words.indices {
            var remaining = found.words[wordIndex] & targets.words[wordIndex]
            if kind != .plain { remaining &= ~plainTextOnly.words[wordIndex] }
            while remaining != 0 {
                let target = wordIndex &* 64 &+ remaining.trailingZeroBitCount
                remaining &= remaining &- 1
                let holds = terms[target].contains { term in term.allSatisfy { found.contains(setBase &+ Int($0)) } }
                if !holds { found.remove(target) }
            }
        }
    }
}
