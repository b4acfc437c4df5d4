/// The pattern holds something the literal finder does not read; the regex always runs.
struct UnsupportedPattern: Error {}
