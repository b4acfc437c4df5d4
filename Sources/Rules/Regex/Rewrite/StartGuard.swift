/// Puts a lookahead in front of a PCRE2 pattern (8-bit, non-UTF) that tests, at each position
/// where PCRE2 tries a match, whether the next bytes can begin one (`StartPrefixes`, up to three
/// bytes, as a trie): `R` becomes `(?=G)(?:R)`.
///
/// A match of `R` at a position begins with a path of `G`, so `G` holds wherever `R` matches, and
/// `(?=G)(?:R)` matches at exactly the positions, with exactly the ends and captures (`G` captures
/// nothing and leaves the group numbers alone), where `R` does: the rewrite keeps every answer,
/// hit counts of `tflags multiple` included. It pays for patterns such as SpamAssassin's form
/// rules, big alternations of words behind optional items, where PCRE2 otherwise walks every
/// alternative at every letter of a line: the trie turns most letters away in a few compares.
public enum StartGuard {
    /// Fewer paths than this: PCRE2's own start bytes already do about as well.
    static let minimumPaths = 8
    /// The guard must pass at most this share of the positions PCRE2 would try on its own.
    static let maximumPassRatio = 0.25

    /// The guarded pattern, or nil when the pattern is not read with certainty or a guard would
    /// not pay (a match may start with any byte, few paths, a pattern anchored at `^`).
    public static func guarded(_ pattern: [UInt8], options: RegexOptions = []) -> [UInt8]? {
        guarded(pattern, options: options, onlyWhenWorthIt: true)
    }

    /// `onlyWhenWorthIt` false: any guard that tests at least one byte (for tests).
    static func guarded(_ pattern: [UInt8], options: RegexOptions, onlyWhenWorthIt: Bool) -> [UInt8]? {
        // Many paths need alternatives: a pattern without `|` is not worth reading.
        guard !options.contains(.extended), let first = pattern.first, first != UInt8(ascii: "^"),
              pattern.contains(UInt8(ascii: "|")) else { return nil }
        var parser = PatternGateParser(pattern: pattern, options: options, tracksPrefixes: true)
        // `(?x)` or an open `\Q` would change how the closing `)` after the pattern reads.
        guard let knowledge = try? parser.parseAll(), !parser.sawExtended, !parser.sawQuoting, let prefixes = knowledge.prefixes else { return nil }
        // A path with an empty set matches nothing.
        let paths = Array(prefixes.paths.filter { path in (0..<path.count).allSatisfy { !path[$0].isEmpty } })
        guard onlyWhenWorthIt ? isWorthGuarding(paths) : !paths.isEmpty && !paths.contains(where: { $0.count == 0 }) else { return nil }
        return Array("(?=".utf8) + trie(paths) + Array(")(?:".utf8) + pattern + [UInt8(ascii: ")")]
    }

    static func isWorthGuarding(_ paths: [StartPrefixes.Path]) -> Bool {
        guard paths.count >= minimumPaths, !paths.contains(where: { $0.count == 0 }) else { return false }
        var firstBytes = ByteSet()
        var passing = 0.0
        for path in paths {
            firstBytes = firstBytes.union(path.first)
            var share = 1.0
            for position in 0..<path.count { share *= ByteRarity.share(of: path[position]) }
            passing += share
        }
        return passing <= ByteRarity.share(of: firstBytes) * maximumPassRatio
    }

    /// The paths as one pattern: grouped by their first set, then by the next, so that a position
    /// failing the guard costs a compare per distinct first set.
    static func trie(_ paths: [StartPrefixes.Path], from position: Int = 0) -> [UInt8] {
        var groups: [ByteSet: [StartPrefixes.Path]] = [:]
        for path in paths {
            // A path ending here accepts whatever follows: nothing more to test on this branch.
            if path.count <= position { return [] }
            groups[path[position], default: []].append(path)
        }
        let branches = groups.sorted { ($0.key.w0, $0.key.w1, $0.key.w2, $0.key.w3) < ($1.key.w0, $1.key.w1, $1.key.w2, $1.key.w3) }
            .map { set, members in classText(set) + trie(members, from: position + 1) }
        guard branches.count > 1 else { return branches.first ?? [] }
        return Array("(?:".utf8) + Array(branches.joined(separator: [UInt8(ascii: "|")])) + [UInt8(ascii: ")")]
    }

    /// A set as a pattern item that reads the same under any options: hex escapes only.
    static func classText(_ set: ByteSet) -> [UInt8] {
        if set.isAll { return Array("[\\x00-\\xff]".utf8) }
        let members = set.members
        if members.count == 1 { return hex(members[0]) }
        let negated = members.count > 128
        var text = Array((negated ? "[^" : "[").utf8)
        var ranges: [ClosedRange<UInt8>] = []
        for byte in (negated ? set.complement : set).members {
            if let last = ranges.last, last.upperBound &+ 1 == byte, last.upperBound != 255 {
                ranges[ranges.count - 1] = last.lowerBound...byte
            } else {
                ranges.append(byte...byte)
            }
        }
        for range in ranges {
            text += hex(range.lowerBound)
            if range.upperBound != range.lowerBound { text += [UInt8(ascii: "-")] + hex(range.upperBound) }
        }
        return text + [UInt8(ascii: "]")]
    }

    private static func hex(_ byte: UInt8) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), UInt8(ascii: "x"), digits[Int(byte >> 4)], digits[Int(byte & 15)]]
    }
}
