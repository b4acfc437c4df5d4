/// Puts a lookahead in front of a PCRE2 pattern (8-bit, non-UTF) that tests, at each position
/// where PCRE2 tries a match, whether the next bytes can begin one (`StartPrefixes`, up to three
/// bytes, as a trie): `R` becomes `(?=G)(?:R)`, or `A(?=G)(?:R')` when `R` is a group of
/// assertions `A` followed by `R'` (`LeadingAssertionGroup`).
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
        guarded(pattern, options: options, memo: nil)
    }

    /// `memo`: groups read before, for patterns guarded by the thousand.
    static func guarded(_ pattern: [UInt8], options: RegexOptions, memo: PatternGateParser.Memo?) -> [UInt8]? {
        guarded(pattern, options: options, onlyWhenWorthIt: true, around: pattern, memo: memo)
    }

    /// `onlyWhenWorthIt` false: any guard that tests at least one byte (for tests).
    static func guarded(_ pattern: [UInt8], options: RegexOptions, onlyWhenWorthIt: Bool) -> [UInt8]? {
        guarded(pattern, options: options, onlyWhenWorthIt: onlyWhenWorthIt, around: pattern, memo: nil)
    }

    /// The guard of `pattern` put around `body`, a pattern that matches exactly as `pattern` does
    /// (`PatternFactoring`'s form of it, which cannot be read for a guard itself).
    static func guarded(_ pattern: [UInt8], options: RegexOptions, around body: [UInt8], memo: PatternGateParser.Memo? = nil) -> [UInt8]? {
        guarded(pattern, options: options, onlyWhenWorthIt: true, around: body, memo: memo)
    }

    private static func guarded(_ pattern: [UInt8], options: RegexOptions, onlyWhenWorthIt: Bool, around body: [UInt8],
                                memo: PatternGateParser.Memo?) -> [UInt8]? {
        // Many paths need alternatives: a pattern without `|` is not worth reading.
        guard !options.contains(.extended), let first = pattern.first, first != UInt8(ascii: "^"),
              pattern.contains(UInt8(ascii: "|")),
              let paths = startPaths(of: pattern, options: options, memo: memo), onlyWhenWorthIt ? isWorthGuarding(paths) : !paths.isEmpty && !paths.contains(where: { $0.count == 0 }) else { return nil }
        let guardText = Array("(?=".utf8) + trie(paths) + [UInt8(ascii: ")")]
        // A leading group of assertions (`(?:^|(?<=\s))`) is tested first: it is cheaper.
        var lead = LeadingAssertionGroup.length(in: pattern) ?? 0
        if lead > 0, !body.starts(with: pattern[..<lead]) || LeadingAssertionGroup.length(in: body) != lead { lead = 0 }
        return Array(body[..<lead]) + guardText + Array("(?:".utf8) + body[lead...] + [UInt8(ascii: ")")]
    }

    /// The paths a match of `pattern` starts with, or nil when the pattern is not read with
    /// certainty or holds `(?x)` or `\Q` (which would change how text put after it reads).
    static func startPaths(of pattern: [UInt8], options: RegexOptions, memo: PatternGateParser.Memo? = nil) -> [StartPrefixes.Path]? {
        var parser = PatternGateParser(pattern: pattern, options: options, tracksPrefixes: true, memo: memo)
        guard let knowledge = try? parser.parseAll(), !parser.sawExtended, !parser.sawQuoting, let prefixes = knowledge.prefixes else { return nil }
        // A path with an empty set matches nothing.
        return Array(prefixes.paths.filter { path in (0..<path.count).allSatisfy { !path[$0].isEmpty } })
    }

    /// The share of text positions where some path starts (from `ByteRarity`).
    static func passingShare(of paths: [StartPrefixes.Path]) -> Double {
        var passing = 0.0
        for path in paths {
            var share = 1.0
            for position in 0..<path.count { share *= ByteRarity.share(of: path[position]) }
            passing += share
        }
        return passing
    }

    static func isWorthGuarding(_ paths: [StartPrefixes.Path]) -> Bool {
        guard paths.count >= minimumPaths, !paths.contains(where: { $0.count == 0 }) else { return false }
        let firstBytes = paths.reduce(ByteSet()) { $0.union($1.first) }
        return passingShare(of: paths) <= ByteRarity.share(of: firstBytes) * maximumPassRatio
    }

    /// The paths as one pattern, a trie whose branches at each level test disjoint byte sets:
    /// the bytes of the paths' sets at this position, grouped by which paths hold them (so bytes
    /// with the same continuations share a class), most frequent bytes first.
    ///
    /// After a branch's class matched, no sibling can match the same byte, so when the rest of
    /// the branch fails the whole guard fails: `(*PRUNE)` there ends the attempt at this start
    /// position at once instead of letting PCRE2 try every later sibling (and every later branch
    /// of each level above), which was most of the guard's cost on text. In a standalone positive
    /// lookahead a backtrack into `(*PRUNE)` fails the match at the current start and PCRE2 moves
    /// on to the next start as after any failure there, so the answers stay the same; it is only
    /// reached by backtracking inside the lookahead, which PCRE2 never re-enters once it holds.
    static func trie(_ paths: [StartPrefixes.Path], from position: Int = 0) -> [UInt8] {
        // A path ending here accepts whatever follows: nothing more to test on this branch.
        if paths.contains(where: { $0.count <= position }) { return [] }
        // Per byte, the paths whose set at this position holds it, as bits: `words` words from
        // `byte * words`, in one buffer (a trie node is built for thousands of patterns).
        let words = (paths.count + 63) / 64
        var holding = [UInt64](repeating: 0, count: 256 * words)
        var held = ByteSet()
        for (index, path) in paths.enumerated() {
            path[position].forEachMember { byte in holding[Int(byte) * words + index / 64] |= 1 &<< UInt64(index % 64) }
            held = held.union(path[position])
        }
        var holders: [[UInt64]: ByteSet] = [:]
        held.forEachMember { byte in
            let start = Int(byte) * words
            holders[Array(holding[start..<(start + words)]), default: ByteSet()].insert(byte)
        }
        let groups = holders.map { (set: $0.value, members: pathIndices($0.key)) }.sorted { left, right in
            let leftShare = ByteRarity.share(of: left.set), rightShare = ByteRarity.share(of: right.set)
            if leftShare != rightShare { return leftShare > rightShare }
            return (left.set.w0, left.set.w1, left.set.w2, left.set.w3) < (right.set.w0, right.set.w1, right.set.w2, right.set.w3)
        }
        let branches = groups.map { group -> [UInt8] in
            let rest = trie(group.members.map { paths[$0] }, from: position + 1)
            return classText(group.set) + (rest.isEmpty ? [] : prune + rest)
        }
        guard branches.count > 1 else { return branches.first ?? [] }
        return Array("(?:".utf8) + Array(branches.joined(separator: [UInt8(ascii: "|")])) + [UInt8(ascii: ")")]
    }

    /// The indices of the bits set in `bits`, in increasing order.
    private static func pathIndices(_ bits: [UInt64]) -> [Int] {
        var indices: [Int] = []
        for (offset, word) in bits.enumerated() { SetBits.forEach(in: word, from: 64 * offset) { indices.append($0) } }
        return indices
    }

    private static let prune = Array("(*PRUNE)".utf8)

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
