/// What `PatternProjection` made of a pattern for texts restricted to some bytes.
public enum ProjectionOutcome: Equatable, Sendable {
    /// Every part of the pattern can still match such a text: use the pattern itself.
    case unchanged
    /// A smaller pattern, matching exactly where the original does on such texts.
    case projected([UInt8])
    /// The pattern cannot match any such text.
    case neverMatches
    /// The pattern holds a construct the projection does not handle (backreferences, `\Q…\E`,
    /// `/x`, verbs, …): use the pattern itself.
    case unsupported
}
