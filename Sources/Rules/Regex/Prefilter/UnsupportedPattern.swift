/// The pattern holds something a pattern reader (literals, gates, projections) does not read
/// for certain: the regex always runs, as written.
struct UnsupportedPattern: Error {}
