/// For `LeadingOptionalRewrite`: a group first in a pattern whose branches are each one
/// zero-width assertion (`^`, `\A`, `\b`, `\B`) or one item matching exactly one byte (`\s`, a
/// class, a literal), as in SpamAssassin's `(?:^|\s)word` and `(?:\b|\s)word`, becomes a group of
/// assertions only: a one-byte item `C` becomes the lookbehind `(?<=C)`.
///
/// The pattern then matches somewhere exactly when it did: where the original matched `C` at p
/// and the rest at p + 1, the rewrite matches at p + 1 with `C` behind, and the other way round;
/// the assertions test the same positions. PCRE2 skips assertions when it computes the bytes a
/// match can start with, which a branch consuming a byte next to one that consumes none prevents.
enum LeadingByteAlternation {
    /// The group's new content for `inner`, the bytes between the group's opener and its `)`; nil
    /// when a branch is not of the accepted kinds or no branch consumes a byte.
    static func assertions(for inner: ArraySlice<UInt8>) -> [UInt8]? {
        var result: [UInt8] = []
        var consuming = 0
        for (offset, branch) in inner.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).enumerated() {
            if offset > 0 { result.append(UInt8(ascii: "|")) }
            if isZeroWidth(branch) {
                result.append(contentsOf: branch)
            } else if matchesOneByte(branch) {
                consuming += 1
                result.append(contentsOf: Array("(?<=".utf8) + branch + [UInt8(ascii: ")")])
            } else {
                return nil
            }
        }
        return consuming > 0 ? result : nil
    }

    private static func isZeroWidth(_ branch: ArraySlice<UInt8>) -> Bool {
        let text = Array(branch)
        return text == [UInt8(ascii: "^")] || [Array("\\A".utf8), Array("\\b".utf8), Array("\\B".utf8)].contains(text)
    }

    /// One item that always consumes exactly one byte when it matches (patterns are compiled
    /// for bytes, not UTF-8): a byte-set escape, a simple class, a letter, digit or space, an
    /// escaped punctuation byte.
    private static func matchesOneByte(_ branch: ArraySlice<UInt8>) -> Bool {
        let text = Array(branch)
        switch text.count {
        case 1:
            let byte = text[0]
            return isAlphanumeric(byte) || byte == UInt8(ascii: " ")
        case 2:
            guard text[0] == UInt8(ascii: "\\") else { return false }
            return "sSdDwWhHvV".utf8.contains(text[1]) || (text[1] < 0x80 && !isAlphanumeric(text[1]))
        default:
            return isSimpleClass(text)
        }
    }

    /// `[…]` with no nested `[`, no `|` and no escape other than a byte-set or punctuation escape,
    /// closing at its last byte.
    private static func isSimpleClass(_ text: [UInt8]) -> Bool {
        guard text.count >= 3, text.first == UInt8(ascii: "["), text.last == UInt8(ascii: "]") else { return false }
        var index = 1
        if text[index] == UInt8(ascii: "^") { index += 1 }
        guard index < text.count - 1, text[index] != UInt8(ascii: "]") else { return false }
        while index < text.count - 1 {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"):
                return false
            case UInt8(ascii: "\\"):
                guard index + 1 < text.count - 1 else { return false }
                let kind = text[index + 1]
                guard "sSdDwWhHvV".utf8.contains(kind) || (kind < 0x80 && !isAlphanumeric(kind)) else { return false }
                index += 2
            default:
                index += 1
            }
        }
        return true
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
