/// Puts a `StartGuard` trie behind a pattern's leading `^` (and the blank-skipping items right
/// after it, such as SpamAssassin's `^(?>\s{0,50})` or `^\s?`): `^L R` becomes `^L(?=G)R`, where
/// `G` is the trie of the bytes a match of `R` can start with.
///
/// PCRE2 tries such a pattern at every line start (with `/m`), and there patterns like the form
/// rules walk dozens of alternatives behind optional items even on an empty line or an HTML tag.
/// `G` holds wherever `R` matches (a match of `R` begins with a path of `G`), so `^L(?=G)R`
/// matches at exactly the positions, with exactly the ends and captures, where `^L R` does (`G`
/// captures nothing): every answer is kept, hit counts of `tflags multiple` included. `R` is read
/// on its own, as the pattern text after `L`; should it hold a top-level `|`, `G` describes all
/// of its branches, a looser test than the first branch needs but never a wrong one.
public enum LineStartGuard {
    /// The guard must pass at most this share of text positions (`ByteRarity`).
    static let maximumPassShare = 0.05
    /// Most blank-skipping items read after the `^`.
    static let maximumLeadItems = 2

    /// The guarded pattern, or nil when the pattern does not start with `^`, is not read with
    /// certainty, or a guard would not pay.
    public static func guarded(_ pattern: [UInt8], options: RegexOptions = []) -> [UInt8]? {
        guarded(pattern, options: options, onlyWhenWorthIt: true)
    }

    /// `onlyWhenWorthIt` false: any guard that tests at least one byte (for tests).
    static func guarded(_ pattern: [UInt8], options: RegexOptions, onlyWhenWorthIt: Bool) -> [UInt8]? {
        guard !options.contains(.extended), pattern.first == UInt8(ascii: "^") else { return nil }
        var split = 1
        for _ in 0..<maximumLeadItems {
            guard let length = leadItemLength(pattern, at: split) else { break }
            split += length
        }
        let rest = Array(pattern[split...])
        // A quantifier first in `rest` would bind to `L`'s last item, not start `R`.
        guard let first = rest.first, !"?*+{".utf8.contains(first), !onlyWhenWorthIt || rest.contains(UInt8(ascii: "|")),
              let paths = StartGuard.startPaths(of: rest, options: options), !paths.isEmpty,
              !paths.contains(where: { $0.count == 0 }),
              !onlyWhenWorthIt || StartGuard.passingShare(of: paths) <= maximumPassShare else { return nil }
        return Array(pattern[..<split]) + Array("(?=".utf8) + StartGuard.trie(paths) + [UInt8(ascii: ")")] + rest
    }

    /// The length of a blank-skipping item at `start`: a byte-type escape with a quantifier,
    /// possibly inside an atomic group (`\s?`, `\s*+`, `(?>\s{0,50})`); nil for anything else.
    static func leadItemLength(_ pattern: [UInt8], at start: Int) -> Int? {
        let atomicOpener = Array("(?>".utf8)
        if pattern[start...].starts(with: atomicOpener) {
            let inner = start + atomicOpener.count
            guard let length = quantifiedEscapeLength(pattern, at: inner), inner + length < pattern.count,
                  pattern[inner + length] == UInt8(ascii: ")") else { return nil }
            return atomicOpener.count + length + 1
        }
        return quantifiedEscapeLength(pattern, at: start)
    }

    private static func quantifiedEscapeLength(_ pattern: [UInt8], at start: Int) -> Int? {
        guard start + 2 < pattern.count, pattern[start] == UInt8(ascii: "\\"), "sShHvVdDwW".utf8.contains(pattern[start + 1]) else { return nil }
        var index = start + 2
        switch pattern[index] {
        case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            index += 1
        case UInt8(ascii: "{"):
            index += 1
            var digits = 0, commas = 0
            while index < pattern.count, pattern[index] != UInt8(ascii: "}") {
                let byte = pattern[index]
                if byte == UInt8(ascii: ",") { commas += 1 } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { digits += 1 } else { return nil }
                index += 1
            }
            // `{n}`, `{n,}`, `{n,m}` only: other spellings read differently across PCRE2 versions.
            guard index < pattern.count, commas <= 1, digits > 0, pattern[start + 3] != UInt8(ascii: ",") else { return nil }
            index += 1
        default:
            return nil
        }
        if index < pattern.count, pattern[index] == UInt8(ascii: "+") || pattern[index] == UInt8(ascii: "?") { index += 1 }
        return index - start
    }
}
