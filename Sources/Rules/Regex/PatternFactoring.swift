import Foundation

/// Shrinks a pattern that PCRE2 refuses as too large (a compiled pattern is limited to 64 KiB
/// when PCRE2 is built with 2-byte links, as Debian's is). SpamAssassin's "fuzzy" rules spell
/// every letter as an alternation of dozens of look-alikes, and some rules repeat a large group
/// `{5}` times, which PCRE2 compiles as five copies. Each non-capturing group that occurs more
/// than once (or under a counted quantifier) is moved into a `(?(DEFINE)…)` block at the end and
/// called by name, so its code exists once.
///
/// Since PCRE2 10.30 a subroutine call backtracks like the group it calls, and takes the options
/// in force where the group is defined; so only patterns without inline option changes are
/// rewritten, and only groups that capture nothing, in patterns without back references,
/// recursion or verbs, so group numbers and matches stay the same.
enum PatternFactoring {
    /// Groups shorter than this are left in place.
    static let minimumFragmentLength = 24
    /// A group is factored only when that saves this many pattern bytes: each round rescans the
    /// pattern, and small groups do not matter.
    static let minimumSaving = 512
    /// Most subroutines made for one pattern.
    static let maximumFragments = 500
    /// The prefix of the names given to the subroutines.
    static let namePrefix = Array("swfilterFragment".utf8)

    /// The rewritten pattern, or nil when it has nothing to factor or must not be rewritten.
    static func factor(_ pattern: [UInt8], extended: Bool, minimumSaving: Int = minimumSaving,
                       minimumFragmentLength: Int = minimumFragmentLength) -> [UInt8]? {
        guard !pattern.starts(with: namePrefix), !contains(pattern, namePrefix) else { return nil }
        var texts = [pattern]
        // The factorable groups of each text, kept from round to round: a round rewrites only
        // the texts that hold the group it moves, and only those are scanned again.
        var scans: [[GroupScanner.Group]?] = [nil]
        var definitions: [[UInt8]] = []
        while definitions.count < maximumFragments {
            var groupsByText: [Fragment: Occurrences] = [:]
            for textIndex in texts.indices {
                if scans[textIndex] == nil {
                    guard let groups = GroupScanner.groups(in: texts[textIndex], extended: extended) else { return nil }
                    scans[textIndex] = groups.filter { $0.isFactorable && $0.range.count >= minimumFragmentLength }
                }
                for group in scans[textIndex] ?? [] {
                    groupsByText[Fragment(bytes: texts[textIndex][group.range]), default: Occurrences()]
                        .add(copies: group.copies, text: textIndex, range: group.range)
                }
            }
            // The largest saving; between equal savings the group seen first, so that the result
            // does not depend on the dictionary's order (which changes from run to run).
            func rank(_ entry: (key: Fragment, value: Occurrences)) -> (Int, Int, Int, Int) {
                let first = entry.value.spans[0]
                return (entry.key.bytes.count * (entry.value.weight - 1), -first.text, -first.range.lowerBound, entry.key.bytes.count)
            }
            let best = groupsByText.filter { $0.value.weight > 1 && $0.key.bytes.count * ($0.value.weight - 1) >= minimumSaving }
                .max { rank($0) < rank($1) }
            guard let (body, found) = best else { break }
            let name = namePrefix + Array(String(definitions.count + 1).utf8)
            let call = Array("(?&".utf8) + name + [UInt8(ascii: ")")]
            for textIndex in texts.indices {
                for span in found.spans.filter({ $0.text == textIndex }).sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                    texts[textIndex].replaceSubrange(span.range, with: call)
                    scans[textIndex] = nil
                }
            }
            definitions.append(name)
            texts.append(Array(body.bytes))
            scans.append(nil)
        }
        guard !definitions.isEmpty else { return nil }
        var result = texts[0]
        if extended { result.append(0x0A) }  // ends a trailing # comment
        result += Array("(?(DEFINE)".utf8)
        for (index, name) in definitions.enumerated() {
            result += Array("(?<".utf8) + name + [UInt8(ascii: ">")] + texts[index + 1] + [UInt8(ascii: ")")]
        }
        result.append(UInt8(ascii: ")"))
        return result
    }

    /// A group's bytes as a dictionary key, hashed on its length and its first and last bytes:
    /// the groups are many, nested and long, and hashing every byte of each would dominate.
    private struct Fragment: Hashable {
        let bytes: ArraySlice<UInt8>
        /// Bytes hashed at each end.
        private static let sampled = 16

        static func == (left: Fragment, right: Fragment) -> Bool {
            left.bytes.count == right.bytes.count && left.bytes.withUnsafeBytes { leftBytes in
                right.bytes.withUnsafeBytes { rightBytes in
                    memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
                }
            }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(bytes.count)
            bytes.withUnsafeBytes { raw in
                let sample = min(raw.count, Fragment.sampled)
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.prefix(sample)))
                hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.suffix(sample)))
            }
        }
    }

    private static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard text.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        while index + needle.count <= text.count {
            if text[index] == first, text[index..<(index + needle.count)].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
