/// What a tag puts between the text before and after it.
enum HTMLTextBreak: UInt8, Comparable {
    case none = 0, space, line, paragraph

    static func < (lhs: HTMLTextBreak, rhs: HTMLTextBreak) -> Bool { lhs.rawValue < rhs.rawValue }
}
