/// Aho-Corasick automaton over literals, ASCII case ignored: one pass over a text reports which
/// groups of literals occur. Built once (a dense DFA over byte classes), immutable, shareable.
///
/// Each literal belongs to one or more *targets* (regex indices); a scan sets the bit of every
/// target one of whose literals occurs.
public final class LiteralMatcher: Sendable {
    /// Per byte: where its column starts in the transition table (byte class × state count).
    /// Letters of either case share a column.
    private let columnStart: [Int]
    /// Column-major transitions, states numbered breadth first: entry `columnStart[byte] +
    /// state` is the next state, with the top bit set when that state reports targets. The
    /// shallow states a scan spends most of its time in lie together at the top of each column,
    /// and two-byte entries (`narrowTransitions`, when the states fit) halve the table's
    /// footprint; `wideTransitions` serve larger automata. One of the two is empty.
    private let narrowTransitions: [UInt16]
    private let wideTransitions: [UInt32]
    /// Per state: its report index, -1 for states that report nothing.
    private let reportIndexOfState: [Int32]
    /// Per report index: where its targets start in `targets`.
    private let reportStart: [Int32]
    private let targets: [Int32]
    /// For reporting states: the length of the shortest literal ending there (`hasDisjointOccurrences`).
    private let shortestReport: [Int32]
    /// Per byte: whether it leaves the start state where it is (no literal starts with it). A
    /// scan passes over such bytes with one independent table load each, instead of the
    /// dependent class-then-transition loads of a DFA step.
    private let staysAtStart: [Bool]
    public let targetCount: Int
    public var stateCount: Int { reportIndexOfState.count }
    public var reportingStateCount: Int { reportStart.count - 1 }

    /// - Parameters:
    ///   - literals: each literal with the target it stands for; empty literals are ignored.
    ///   - targetCount: the number of targets (bit positions in scan results).
    ///   - skipping: bytes the scan passes over as if they were not there (none may occur in a
    ///     literal): with `AlphanumericProjection.keeps` negated, a scan of a text finds the
    ///     literals of its projection.
    public init(literals: [(bytes: [UInt8], target: Int)], targetCount: Int, skipping: ((UInt8) -> Bool)? = nil) {
        self.targetCount = targetCount
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

        var classOf = [UInt8](repeating: 0, count: 256)
        var nextClass = 1
        // Skipped bytes get a column of their own whose every transition stays put.
        var skipColumn: Int?
        if let skipping {
            skipColumn = nextClass
            for byte in 0...255 where skipping(UInt8(byte)) { classOf[byte] = UInt8(nextClass) }
            nextClass += 1
        }
        for (bytes, _) in literals {
            for byte in bytes.map(lower) where classOf[Int(byte)] == 0 && skipping?(byte) != true && nextClass < 256 {
                classOf[Int(byte)] = UInt8(nextClass)
                nextClass += 1
            }
        }
        for upper in UInt8(0x41)...UInt8(0x5A) { classOf[Int(upper)] = classOf[Int(upper | 0x20)] }
        let columns = nextClass

        // The trie, with -1 for missing edges.
        var table: [Int32] = Array(repeating: -1, count: columns)
        var outputs: [[Int32]] = [[]]
        var shortest: [Int] = [Int.max]
        for (bytes, target) in literals where !bytes.isEmpty {
            var state = 0
            for byte in bytes {
                let column = Int(classOf[Int(lower(byte))])
                var next = Int(table[state * columns + column])
                if next < 0 {
                    next = outputs.count
                    outputs.append([])
                    shortest.append(Int.max)
                    table.append(contentsOf: repeatElement(-1, count: columns))
                    table[state * columns + column] = Int32(next)
                }
                state = next
            }
            outputs[state].append(Int32(target))
            shortest[state] = min(shortest[state], bytes.count)
        }

        // Breadth first: failure links complete the table into a DFA and merge outputs.
        let stateTotal = outputs.count
        var failure = [Int](repeating: 0, count: stateTotal)
        var queue: [Int] = []
        queue.reserveCapacity(stateTotal)
        for column in 0..<columns {
            let next = Int(table[column])
            if next < 0 {
                table[column] = 0
            } else {
                failure[next] = 0
                queue.append(next)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if !outputs[failure[state]].isEmpty { outputs[state].append(contentsOf: outputs[failure[state]]) }
            shortest[state] = min(shortest[state], shortest[failure[state]])
            for column in 0..<columns {
                let next = Int(table[state * columns + column])
                let fallback = table[failure[state] * columns + column]
                if next < 0 {
                    table[state * columns + column] = fallback
                } else {
                    failure[next] = Int(fallback)
                    queue.append(next)
                }
            }
        }

        // States renumbered breadth first.
        let order = [0] + queue
        var rank = [Int](repeating: 0, count: stateTotal)
        for (position, state) in order.enumerated() { rank[state] = position }
        let reports = UInt32(1) << 31
        let flattened: [UInt32] = (0..<columns).flatMap { column in
            column == skipColumn
                ? (0..<stateTotal).map(UInt32.init)
                : order.map { state in
                    let next = Int(table[state * columns + column])
                    return UInt32(rank[next]) | (outputs[next].isEmpty ? 0 : reports)
                }
        }
        var reportIndex = [Int32](repeating: -1, count: stateTotal)
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        var shortestOfReport: [Int32] = []
        for (position, state) in order.enumerated() where !outputs[state].isEmpty {
            reportIndex[position] = Int32(starts.count - 1)
            shortestOfReport.append(Int32(shortest[state]))
            flat.append(contentsOf: Set(outputs[state]).sorted())
            starts.append(Int32(flat.count))
        }
        if stateTotal <= Int(UInt16.max >> 1) + 1 {
            narrowTransitions = flattened.map { UInt16(truncatingIfNeeded: $0 >> 16 & 0x8000 | $0 & 0x7FFF) }
            wideTransitions = []
        } else {
            narrowTransitions = []
            wideTransitions = flattened
        }
        columnStart = (0..<256).map { Int(classOf[$0]) * stateTotal }
        staysAtStart = (0..<256).map { flattened[Int(classOf[$0]) * stateTotal] == 0 }
        reportIndexOfState = reportIndex
        reportStart = starts
        self.targets = flat
        shortestReport = shortestOfReport
    }

    /// Sets in `found` the bit of every target with a literal occurring in `text`.
    /// `seen` is scratch (one bit per reporting state), cleared by the caller between messages so
    /// that several texts of one message can be scanned without repeating work.
    public func scan(_ text: UnsafeBufferPointer<UInt8>, found: inout TargetSet, seen: inout TargetSet) {
        guard !targets.isEmpty else { return }
        walk(text) { report, _ in
            if seen.insert(report) {
                for index in Int(reportStart[report])..<Int(reportStart[report + 1]) {
                    _ = found.insert(Int(targets[index]))
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
        guard limit > 0, !targets.isEmpty else { return 0 }
        var found = 0
        var lastEnd = 0
        walk(text) { report, end in
            guard end - Int(shortestReport[report]) >= lastEnd else { return true }
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
        if wideTransitions.isEmpty {
            walk(text, over: narrowTransitions, onReport)
        } else {
            walk(text, over: wideTransitions, onReport)
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
            columnStart.withUnsafeBufferPointer { columns in
                staysAtStart.withUnsafeBufferPointer { stays in
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
                        if !onReport(Int(reportIndexOfState[state]), position) { return }
                    }
                }
            }
        }
    }

    /// A scratch set sized for `scan`'s `seen` argument.
    public func makeSeenSet() -> TargetSet { TargetSet(capacity: reportingStateCount) }
}
