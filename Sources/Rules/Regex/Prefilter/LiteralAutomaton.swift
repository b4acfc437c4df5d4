/// The tables of a `LiteralMatcher`: an Aho-Corasick automaton over literals, ASCII case ignored,
/// completed into a dense DFA over byte classes, with states numbered breadth first.
///
/// The build writes the final table and no other table of states × classes (a four-byte trie
/// table beside it made the peak memory of a one-message `swfilter filter` run, the stock body
/// literals having over a million entries): the trie is kept as lists of edges, made from the
/// literals in sorted order, each adding the edges it does not share with the one before; its
/// states are numbered breadth first, and each row, written in that order, takes the
/// transitions the trie lacks from the row of its failure state, written before it.
struct LiteralAutomaton {
    /// Per byte: where its column starts in the transition table (byte class × state count).
    /// Letters of either case share a column.
    let columnStart: [Int]
    /// Column-major transitions, states numbered breadth first: entry `columnStart[byte] +
    /// state` is the next state, with the top bit set when that state reports targets. The
    /// shallow states a scan spends most of its time in lie together at the top of each column,
    /// and two-byte entries (`narrowTransitions`, when the states fit) halve the table's
    /// footprint; `wideTransitions` serve larger automata. One of the two is empty.
    let narrowTransitions: [UInt16]
    let wideTransitions: [UInt32]
    /// Per state: its report index, -1 for states that report nothing.
    let reportIndexOfState: [Int32]
    /// Per report index: where its targets start in `targets`.
    let reportStart: [Int32]
    let targets: [Int32]
    /// For reporting states: the length of the shortest literal ending there (`LiteralMatcher.hasDisjointOccurrences`).
    let shortestReport: [Int32]
    /// Per byte: whether it leaves the start state where it is (no literal starts with it). A
    /// scan passes over such bytes with one independent table load each, instead of the
    /// dependent class-then-transition loads of a DFA step.
    let staysAtStart: [Bool]

    /// See `LiteralMatcher.init(literals:targetCount:skipping:)`.
    init(literals: [(bytes: [UInt8], target: Int)], skipping: ((UInt8) -> Bool)?) {
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
            for byte in bytes.map(LiteralAutomaton.lower) where classOf[Int(byte)] == 0 && skipping?(byte) != true && nextClass < 256 {
                classOf[Int(byte)] = UInt8(nextClass)
                nextClass += 1
            }
        }
        for upper in UInt8(0x41)...UInt8(0x5A) { classOf[Int(upper)] = classOf[Int(upper | 0x20)] }
        let columns = nextClass

        // The trie: per state (in the order made), its parent and the column of the edge from it.
        let sequences = literals.map { $0.bytes.map { classOf[Int(LiteralAutomaton.lower($0))] } }
        var parentOf: [Int] = [-1]
        var columnOf: [UInt8] = [0]
        var ownTargets: [[Int32]] = [[]]
        var ownShortest: [Int] = [Int.max]
        var path = [0]
        var previous: [UInt8] = []
        let sorted = sequences.indices.filter { !sequences[$0].isEmpty }.sorted { sequences[$0].lexicographicallyPrecedes(sequences[$1]) }
        for index in sorted {
            let sequence = sequences[index]
            var shared = 0
            while shared < sequence.count && shared < previous.count && sequence[shared] == previous[shared] { shared += 1 }
            path.removeSubrange((shared + 1)...)
            for column in sequence[shared...] {
                parentOf.append(path[path.count - 1])
                columnOf.append(column)
                ownTargets.append([])
                ownShortest.append(Int.max)
                path.append(parentOf.count - 1)
            }
            let state = path[sequence.count]
            ownTargets[state].append(Int32(literals[index].target))
            ownShortest[state] = min(ownShortest[state], literals[index].bytes.count)
            previous = sequence
        }
        let stateTotal = parentOf.count

        // Each state's children, in column order (the order sorted literals made them).
        var childStart = [Int](repeating: 0, count: stateTotal + 1)
        for state in 1..<stateTotal { childStart[parentOf[state] + 1] += 1 }
        for state in 0..<stateTotal { childStart[state + 1] += childStart[state] }
        var children = [Int](repeating: 0, count: stateTotal)
        var nextChild = childStart
        for state in 1..<stateTotal {
            children[nextChild[parentOf[state]]] = state
            nextChild[parentOf[state]] += 1
        }

        // States numbered breadth first; from here on a state is its number.
        var order = [0]
        order.reserveCapacity(stateTotal)
        var head = 0
        while head < order.count {
            order += children[childStart[order[head]]..<childStart[order[head] + 1]]
            head += 1
        }
        var rank = [Int](repeating: 0, count: stateTotal)
        for (position, state) in order.enumerated() { rank[state] = position }
        var outputs = order.map { ownTargets[$0] }
        var shortest = order.map { ownShortest[$0] }
        var failure = [Int](repeating: 0, count: stateTotal)

        /// The table, row by row: a child's failure state is where its parent's failure state
        /// goes on the child's column, and it passes its outputs on.
        func transitions<Entry: FixedWidthInteger & UnsignedInteger>(reporting: Entry) -> [Entry] {
            [Entry](unsafeUninitializedCapacity: columns * stateTotal) { table, initialized in
                for position in 0..<stateTotal {
                    let state = order[position]
                    var child = childStart[state]
                    for column in 0..<columns {
                        let entry: Entry
                        if column == skipColumn {
                            entry = Entry(truncatingIfNeeded: position)
                        } else if child < childStart[state + 1] && Int(columnOf[children[child]]) == column {
                            let next = rank[children[child]]
                            let fallback = position == 0 ? 0 : Int(table[column * stateTotal + failure[position]] & ~reporting)
                            failure[next] = fallback
                            if !outputs[fallback].isEmpty { outputs[next] += outputs[fallback] }
                            shortest[next] = min(shortest[next], shortest[fallback])
                            entry = Entry(truncatingIfNeeded: next) | (outputs[next].isEmpty ? 0 : reporting)
                            child += 1
                        } else {
                            entry = position == 0 ? 0 : table[column * stateTotal + failure[position]]
                        }
                        table[column * stateTotal + position] = entry
                    }
                }
                initialized = columns * stateTotal
            }
        }
        if stateTotal <= Int(UInt16.max >> 1) + 1 {
            let table = transitions(reporting: UInt16(1) << 15)
            narrowTransitions = table
            wideTransitions = []
            staysAtStart = (0..<256).map { table[Int(classOf[$0]) * stateTotal] == 0 }
        } else {
            let table = transitions(reporting: UInt32(1) << 31)
            narrowTransitions = []
            wideTransitions = table
            staysAtStart = (0..<256).map { table[Int(classOf[$0]) * stateTotal] == 0 }
        }
        var reportIndex = [Int32](repeating: -1, count: stateTotal)
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        var shortestOfReport: [Int32] = []
        for position in 0..<stateTotal where !outputs[position].isEmpty {
            reportIndex[position] = Int32(starts.count - 1)
            shortestOfReport.append(Int32(shortest[position]))
            flat.append(contentsOf: Set(outputs[position]).sorted())
            starts.append(Int32(flat.count))
        }
        columnStart = (0..<256).map { Int(classOf[$0]) * stateTotal }
        reportIndexOfState = reportIndex
        reportStart = starts
        targets = flat
        shortestReport = shortestOfReport
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
