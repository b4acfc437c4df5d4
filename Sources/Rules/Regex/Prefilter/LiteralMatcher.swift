/// Aho-Corasick automaton over literals, ASCII case ignored: one pass over a text reports which
/// groups of literals occur. Built once (a dense DFA over byte classes), immutable, shareable.
///
/// Each literal belongs to one or more *targets* (regex indices); a scan sets the bit of every
/// target one of whose literals occurs.
public final class LiteralMatcher: Sendable {
    /// The automaton's tables.
    private let automaton: LiteralAutomaton
    public let targetCount: Int
    public var stateCount: Int { automaton.reportIndexOfState.count }
    public var reportingStateCount: Int { automaton.reportStart.count - 1 }

    /// - Parameters:
    ///   - literals: each literal with the target it stands for; empty literals are ignored.
    ///   - targetCount: the number of targets (bit positions in scan results).
    ///   - skipping: bytes the scan passes over as if they were not there (none may occur in a
    ///     literal): with `AlphanumericProjection.keeps` negated, a scan of a text finds the
    ///     literals of its projection.
    public init(literals: [(bytes: [UInt8], target: Int)], targetCount: Int, skipping: ((UInt8) -> Bool)? = nil) {
        self.targetCount = targetCount
        automaton = LiteralAutomaton(literals: literals, skipping: skipping)
    }

    /// Sets in `found` the bit of every target with a literal occurring in `text`.
    /// `seen` is scratch (one bit per reporting state), cleared by the caller between messages so
    /// that several texts of one message can be scanned without repeating work.
    public func scan(_ text: UnsafeBufferPointer<UInt8>, found: inout TargetSet, seen: inout TargetSet) {
        guard !automaton.targets.isEmpty else { return }
        walk(text) { report, _ in
            if seen.insert(report) {
                for index in Int(automaton.reportStart[report])..<Int(automaton.reportStart[report + 1]) {
                    _ = found.insert(Int(automaton.targets[index]))
                }
            }
            return true
        }
    }

    /// Whether `text` holds at least `minimum` non-overlapping occurrences of the literals (of any
    /// target).
    public func hasDisjointOccurrences(_ minimum: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        minimum <= 0 || disjointOccurrences(atMost: minimum, in: text) >= minimum
    }

    /// How many non-overlapping occurrences of the literals (of any target) `text` holds, counted
    /// up to `limit` (the pass stops there). Taking, at each end position, the shortest literal
    /// that starts after the last one taken is the earliest-ending greedy choice, which finds the
    /// most disjoint occurrences.
    public func disjointOccurrences(atMost limit: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard limit > 0, !automaton.targets.isEmpty else { return 0 }
        var found = 0
        var lastEnd = 0
        walk(text) { report, end in
            guard end - Int(automaton.shortestReport[report]) >= lastEnd else { return true }
            found += 1
            lastEnd = end
            return found < limit
        }
        return found
    }

    /// Runs the automaton over `text`, calling `onReport(report, end)` at every position `end`
    /// (just past a byte) where a reporting state is reached; `onReport` returns false to stop.
    @inline(__always)
    private func walk(_ text: UnsafeBufferPointer<UInt8>, _ onReport: (Int, Int) -> Bool) {
        if automaton.wideTransitions.isEmpty {
            walk(text, over: automaton.narrowTransitions, onReport)
        } else {
            walk(text, over: automaton.wideTransitions, onReport)
        }
    }

    /// `walk` over one of the transition tables. Bytes that leave the start state where it is
    /// are passed over with one lookup each.
    @inline(__always)
    private func walk<Entry: FixedWidthInteger & UnsignedInteger>(_ text: UnsafeBufferPointer<UInt8>, over transitions: [Entry],
                                                                   _ onReport: (Int, Int) -> Bool) {
        guard let base = text.baseAddress else { return }
        let count = text.count
        let reports = Int(Entry(1) << (Entry.bitWidth - 1))
        transitions.withUnsafeBufferPointer { table in
            automaton.columnStart.withUnsafeBufferPointer { columns in
                automaton.staysAtStart.withUnsafeBufferPointer { stays in
                    var state = 0
                    var position = 0
                    while position < count {
                        if state == 0 {
                            while position < count && stays[Int(base[position])] { position &+= 1 }
                            if position == count { break }
                        }
                        let next = Int(table[columns[Int(base[position])] &+ state])
                        position &+= 1
                        if next < reports {
                            state = next
                            continue
                        }
                        state = next &- reports
                        if !onReport(Int(automaton.reportIndexOfState[state]), position) { return }
                    }
                }
            }
        }
    }

    /// A scratch set sized for `scan`'s `seen` argument.
    public func makeSeenSet() -> TargetSet { TargetSet(capacity: reportingStateCount) }
}
