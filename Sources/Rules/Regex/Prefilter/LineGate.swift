/// Conditions, other than literals, that every text a regex matches meets (see
/// `LineGateExtractor`): at least `minLength` bytes, a byte of each of `classes`, and a run of
/// each of `runs`. A line failing one of them cannot match, so the regex need not run there.
public struct LineGate: Sendable, Hashable {
    public let minLength: Int
    public let classes: [ByteSet]
    public let runs: [RequiredRun]

    public init(minLength: Int = 0, classes: [ByteSet] = [], runs: [RequiredRun] = []) {
        self.minLength = minLength
        self.classes = classes
        self.runs = runs
    }

    /// Whether the gate lets every text through.
    public var isTrivial: Bool { minLength <= 1 && classes.isEmpty && runs.isEmpty }

    /// Whether `text` meets every condition (the reference check; the prefilter checks the same
    /// conditions against a line's precomputed `LineFeatures`).
    public func admits(_ text: [UInt8]) -> Bool {
        guard text.count >= minLength else { return false }
        let present = ByteSet(text)
        for set in classes where !set.intersects(present) { return false }
        for run in runs where LineFeatures.longestRun(of: run.bytes, in: text) < run.length { return false }
        return true
    }
}
