/// One regex of a `LiteralPrefilter` that needs `count` non-overlapping occurrences of some
/// literals in a line, with a matcher over those literals alone to count them.
struct RepeatedLiteralCheck: Sendable {
    let target: Int
    let count: Int
    let matcher: LiteralMatcher
}
