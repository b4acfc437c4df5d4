/// The bounds one match may use. A rule that reaches one gives `RegexOutcome.limitHit`, never a
/// crash or an unbounded scan. The defaults let every stock SpamAssassin rule run on ordinary
/// mail while stopping catastrophic backtracking in a few milliseconds.
public struct RegexLimits: Sendable, Hashable {
    /// PCRE2 match limit: how many times the matcher may call its internal match function (both
    /// the JIT and the interpreter count it). Bounds backtracking.
    public var matchLimit: UInt32
    /// PCRE2 depth limit: how deep the interpreter's backtracking may nest (the JIT ignores it and
    /// is bounded by `jitStackBytes` instead).
    public var depthLimit: UInt32
    /// PCRE2 heap limit in KiB for the interpreter's backtracking frames.
    public var heapLimitKiB: UInt32
    /// Largest JIT stack each thread may grow to.
    public var jitStackBytes: Int

    public init(matchLimit: UInt32, depthLimit: UInt32, heapLimitKiB: UInt32, jitStackBytes: Int) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackBytes = jitStackBytes
    }

    public static let `default` = RegexLimits(matchLimit: 1_000_000, depthLimit: 10_000, heapLimitKiB: 20_000, jitStackBytes: 1 << 20)
}
