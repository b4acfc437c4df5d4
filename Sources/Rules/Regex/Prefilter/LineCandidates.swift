/// What a `LiteralPrefilter` found in the lines of one view: per line, the regexes that may match
/// in it, and their union.
public struct LineCandidates: Sendable {
    public let lines: [TargetSet]
    public let anyLine: TargetSet
}
