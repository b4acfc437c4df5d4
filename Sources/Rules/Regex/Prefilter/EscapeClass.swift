/// The byte classes of PCRE2's escapes (`\d`, `\w`, `\s`, `\h`, `\v` and their negations) for
/// 8-bit subjects with the default character tables, as two bounds: every byte of `subset`
/// matches and no byte outside `superset` does. A positive use of a class takes the superset, a
/// negated one the complement of the subset, so both stay supersets of the truth.
enum EscapeClass {
    case digit, word, space, horizontalSpace, verticalSpace
    case notDigit, notWord, notSpace, notHorizontalSpace, notVerticalSpace

    init?(_ letter: UInt8) {
        switch letter {
        case UInt8(ascii: "d"): self = .digit
        case UInt8(ascii: "D"): self = .notDigit
        case UInt8(ascii: "w"): self = .word
        case UInt8(ascii: "W"): self = .notWord
        case UInt8(ascii: "s"): self = .space
        case UInt8(ascii: "S"): self = .notSpace
        case UInt8(ascii: "h"): self = .horizontalSpace
        case UInt8(ascii: "H"): self = .notHorizontalSpace
        case UInt8(ascii: "v"): self = .verticalSpace
        case UInt8(ascii: "V"): self = .notVerticalSpace
        default: return nil
        }
    }

    static let digits = ByteSet(range: 0x30...0x39)
    static let wordBytes = ByteSet(range: 0x30...0x39).union(ByteSet(range: 0x41...0x5A)).union(ByteSet(range: 0x61...0x7A))
        .union(ByteSet([0x5F]))
    static let asciiSpace = ByteSet(range: 0x09...0x0D).union(ByteSet([0x20]))

    var subset: ByteSet {
        switch self {
        case .digit: EscapeClass.digits
        case .word: EscapeClass.wordBytes
        case .space: EscapeClass.asciiSpace
        case .horizontalSpace: ByteSet([0x09, 0x20, 0xA0])
        case .verticalSpace: ByteSet(range: 0x0A...0x0D).union(ByteSet([0x85]))
        case .notDigit: EscapeClass.digit.superset.complement
        case .notWord: EscapeClass.word.superset.complement
        case .notSpace: EscapeClass.space.superset.complement
        case .notHorizontalSpace: EscapeClass.horizontalSpace.superset.complement
        case .notVerticalSpace: EscapeClass.verticalSpace.superset.complement
        }
    }

    var superset: ByteSet {
        switch self {
        // Locale tables could add 8-bit letters and spaces; the default ones do not, but the
        // bounds leave room for them.
        case .word: EscapeClass.wordBytes.union(ByteSet(range: 0x80...0xFF))
        case .space: EscapeClass.asciiSpace.union(ByteSet([0x85, 0xA0]))
        case .notDigit: EscapeClass.digit.subset.complement
        case .notWord: EscapeClass.word.subset.complement
        case .notSpace: EscapeClass.space.subset.complement
        case .notHorizontalSpace: EscapeClass.horizontalSpace.subset.complement
        case .notVerticalSpace: EscapeClass.verticalSpace.subset.complement
        default: subset
        }
    }

    /// A POSIX class name (`alpha` of `[:alpha:]`), as the default tables define it.
    static func posix(_ name: [UInt8]) -> (subset: ByteSet, superset: ByteSet)? {
        let upper = ByteSet(range: 0x41...0x5A), lower = ByteSet(range: 0x61...0x7A)
        let exact: ByteSet
        switch String(decoding: name, as: UTF8.self) {
        case "alpha": exact = upper.union(lower)
        case "digit": exact = digits
        case "alnum": exact = upper.union(lower).union(digits)
        case "upper": exact = upper
        case "lower": exact = lower
        case "xdigit": exact = digits.union(ByteSet(range: 0x41...0x46)).union(ByteSet(range: 0x61...0x66))
        case "word": return (EscapeClass.word.subset, EscapeClass.word.superset)
        case "space": return (EscapeClass.space.subset, EscapeClass.space.superset)
        case "blank": return (ByteSet([0x09, 0x20]), ByteSet([0x09, 0x20, 0xA0]))
        case "cntrl": exact = ByteSet(range: 0x00...0x1F).union(ByteSet([0x7F]))
        case "punct": exact = ByteSet(range: 0x21...0x7E).subtracting(upper.union(lower).union(digits))
        case "graph": exact = ByteSet(range: 0x21...0x7E)
        case "print": exact = ByteSet(range: 0x20...0x7E)
        case "ascii": exact = ByteSet(range: 0x00...0x7F)
        default: return nil
        }
        // 8-bit bytes are left out of the subset and let into the superset of every class but
        // `ascii`, `digit` and `xdigit`, in case of tables other than the default ones.
        let unsure = name == Array("ascii".utf8) || name == Array("digit".utf8) || name == Array("xdigit".utf8)
            ? ByteSet() : ByteSet(range: 0x80...0xFF)
        return (exact.subtracting(ByteSet(range: 0x80...0xFF)), exact.union(unsure))
    }
}
