import Testing
@testable import Rules

@Suite struct LiteralAutomatonTests {
    /// The tables built for the stock body literals, table by table, against the definition of
    /// the Aho-Corasick automaton: from the state spelling `s`, byte `b` leads to the state
    /// spelling the longest suffix of `s + b` that begins some literal; that state reports the
    /// targets of the literals it ends with, the shortest of them as long as `shortestReport`.
    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
    func stockTablesFollowTheDefinition() {
        let patterns = RuleLoader().load(path: StockRules.directory).rules(of: .body).compactMap(\.test.pattern)
        let prefilter = LiteralPrefilter(patterns: patterns.map { ($0.source, RegexOptions(rawValue: $0.options.rawValue)) })
        var entries: [(bytes: [UInt8], target: Int)] = []
        for index in prefilter.literals.indices {
            for literal in prefilter.literals[index] ?? prefilter.asciiLiterals[index] ?? [] { entries.append((literal, index)) }
        }
        let automaton = LiteralAutomaton(literals: entries, skipping: nil)
        let stateCount = automaton.reportIndexOfState.count
        #expect(stateCount > 5000 && !automaton.narrowTransitions.isEmpty)

        var targetsOfLiteral: [[UInt8]: Set<Int32>] = [:]
        var prefixes: Set<[UInt8]> = []
        for (bytes, target) in entries {
            let lowered = bytes.map(LiteralAutomaton.lower)
            targetsOfLiteral[lowered, default: []].insert(Int32(target))
            for length in 0...lowered.count { prefixes.insert(Array(lowered.prefix(length))) }
        }
        let used = Set(entries.flatMap { $0.bytes.map(LiteralAutomaton.lower) })
        let alphabet = used.sorted() + [(0...255).map(UInt8.init).first { !used.contains(LiteralAutomaton.lower($0)) }!]
        func step(_ state: Int, _ byte: UInt8) -> (next: Int, reports: Bool) {
            let entry = automaton.narrowTransitions[automaton.columnStart[Int(byte)] + state]
            return (Int(entry & 0x7FFF), entry & 0x8000 != 0)
        }

        // Each state's spelling: the bytes of the shortest path to it.
        var spelling: [[UInt8]?] = Array(repeating: nil, count: stateCount)
        spelling[0] = []
        var queue = [0]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for byte in alphabet where spelling[step(state, byte).next] == nil {
                spelling[step(state, byte).next] = spelling[state]! + [byte]
                queue.append(step(state, byte).next)
            }
        }
        #expect(queue.count == stateCount)

        var mismatches = 0
        for state in stride(from: 0, to: stateCount, by: 61) {
            for byte in alphabet {
                let text = spelling[state]! + [byte]
                let start = text.indices.first { prefixes.contains(Array(text[$0...])) } ?? text.count
                let expected = Array(text[start...])
                let endings = expected.indices.map { Array(expected[$0...]) }.filter { targetsOfLiteral[$0] != nil }
                let (next, reports) = step(state, byte)
                if spelling[next] != expected || reports != !endings.isEmpty { mismatches += 1 }
                guard reports, let report = Int(exactly: automaton.reportIndexOfState[next]), report >= 0 else { continue }
                let targets = Array(automaton.targets[Int(automaton.reportStart[report])..<Int(automaton.reportStart[report + 1])])
                let expectedTargets = Set(endings.flatMap { targetsOfLiteral[$0]! }).sorted()
                let shortestEnding = endings.map(\.count).min()
                if targets != expectedTargets || Int(automaton.shortestReport[report]) != shortestEnding { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }
}
