/// The `LineGate`s of a prefilter's regexes, laid out for checking many lines. Runs are measured
/// against a few shared byte sets (`runLanes`, at most `RunLanes.laneCount`), all in one pass over
/// a line and only when a gate gets that far; a regex's run counts as a run of the narrowest
/// shared set holding its bytes (a weaker, still necessary condition), and is dropped when no
/// shared set holds them.
struct LineGateChecks: Sendable {
    private struct Entry: Sendable {
        let minLength: Int
        let classes: Range<Int>
        /// Per lane, the shortest run the regex needs (0: none).
        let runs: RunLanes.Lengths
    }

    /// Entry of each gated target (`entries` index), -1 for others.
    private let entryOfTarget: [Int32]
    private let entries: [Entry]
    /// The targets that have a gate.
    private let gated: TargetSet
    private let classes: [ByteSet]
    let runLanes: RunLanes

    var isEmpty: Bool { entries.isEmpty }

    static let alwaysRunWeight = 20.0

    /// `alwaysRun`: the regexes without literals, candidates on every line; the lanes favour
    /// their runs (`alwaysRunWeight` times those of other regexes).
    init(gates: [LineGate?], alwaysRun: TargetSet? = nil) {
        // Shared run sets: the ones whose runs are expected to turn away the most lines.
        var benefit: [ByteSet: Double] = [:]
        for (target, gate) in gates.enumerated() {
            guard let gate else { continue }
            let weight = alwaysRun?.contains(target) == true ? LineGateChecks.alwaysRunWeight : 1
            for run in gate.runs { benefit[run.bytes, default: 0] += weight * (1 - ByteRarity.score(of: run)) }
        }
        func precedes(_ a: (key: ByteSet, value: Double), _ b: (key: ByteSet, value: Double)) -> Bool {
            if a.value != b.value { return a.value > b.value }
            return (a.key.w0, a.key.w1, a.key.w2, a.key.w3) < (b.key.w0, b.key.w1, b.key.w2, b.key.w3)
        }
        let chosen = benefit.filter { $0.value > 0.05 }.sorted(by: precedes).prefix(RunLanes.laneCount).map(\.key)
        let shared = RunLanes(sets: chosen)
        runLanes = shared

        var entryOfTarget = [Int32](repeating: -1, count: gates.count)
        var entries: [Entry] = [], classes: [ByteSet] = []
        var gated = TargetSet(capacity: gates.count)
        for (target, gate) in gates.enumerated() {
            guard let gate, !gate.isTrivial else { continue }
            var runs = RunLanes.Lengths()
            for run in gate.runs {
                // The narrowest shared set holding the run's bytes.
                let lanes = shared.sets.indices.filter { run.bytes.isSubset(of: shared.sets[$0]) }
                guard let lane = lanes.min(by: { shared.sets[$0].count < shared.sets[$1].count }) else { continue }
                runs[lane] = max(runs[lane], UInt64(min(run.length, RunLanes.maxLength)))
            }
            guard gate.minLength > 1 || !gate.classes.isEmpty || !runs.isZero else { continue }
            let start = classes.count
            classes += gate.classes
            entryOfTarget[target] = Int32(entries.count)
            entries.append(Entry(minLength: gate.minLength, classes: start..<classes.count, runs: runs))
            gated.insert(target)
        }
        self.entryOfTarget = entryOfTarget
        self.entries = entries
        self.gated = gated
        self.classes = classes
    }

    /// What the checks ask of lines for `target`, for reports: "len>=N", each class's bytes, and
    /// each run as lane:length; nil when it has no gate.
    func summary(of target: Int) -> String? {
        guard target >= 0, target < entryOfTarget.count, entryOfTarget[target] >= 0 else { return nil }
        let entry = entries[Int(entryOfTarget[target])]
        var parts = ["len>=\(entry.minLength)"]
        for index in entry.classes { parts.append("c:" + LineGateChecks.show(classes[index])) }
        for lane in 0..<RunLanes.laneCount where entry.runs[lane] != 0 {
            parts.append("r\(lane):\(entry.runs[lane])")
        }
        return parts.joined(separator: " ")
    }

    /// A byte set as a short readable list (its complement when that is shorter).
    static func show(_ set: ByteSet) -> String {
        let negated = set.count > 128
        let members = (negated ? set.complement : set).members
        let text = members.prefix(24).map { $0 >= 0x21 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
        return (negated ? "^" : "") + "[" + text + (members.count > 24 ? "…" : "") + "]"
    }

    /// Removes from `found` the regexes whose gate `text` (holding the bytes `present`) fails.
    func filter(_ found: inout TargetSet, text: UnsafeBufferPointer<UInt8>, present: ByteSet) {
        var longest: RunLanes.Lengths?
        for wordIndex in gated.words.indices {
            var remaining = found.words[wordIndex] & gated.words[wordIndex]
            while remaining != 0 {
                let target = wordIndex &* 64 &+ remaining.trailingZeroBitCount
                remaining &= remaining &- 1
                let entry = entries[Int(entryOfTarget[target])]
                if admits(entry, text: text, present: present, longest: &longest) { continue }
                found.remove(target)
            }
        }
    }

    private func admits(_ entry: Entry, text: UnsafeBufferPointer<UInt8>, present: ByteSet, longest: inout RunLanes.Lengths?) -> Bool {
        guard text.count >= entry.minLength else { return false }
        for index in entry.classes where !classes[index].intersects(present) { return false }
        guard !entry.runs.isZero else { return true }
        let runs = longest ?? runLanes.longestRuns(in: text)
        longest = runs
        return RunLanes.meets(runs, entry.runs)
    }
}
