/// A lexical token of an RFC 5322 address list.
struct AddressToken: Sendable {
    enum Kind: Sendable, Equatable {
        /// A run of atom text; may contain whole encoded words with specials inside.
        case atom
        /// The content of a quoted string, quotes removed and escapes resolved.
        case quotedString
        /// The content of a comment, parentheses removed; nested comments kept as written.
        case comment
        /// `[…]`, brackets kept, white space removed.
        case domainLiteral
        /// One of `< > @ , ; : .` or a stray `)` or `]`.
        case special
    }

    let kind: Kind
    let bytes: [UInt8]
    /// White space or a comment came between this token and the previous one.
    let spaceBefore: Bool

    func isSpecial(_ character: Unicode.Scalar) -> Bool {
        kind == .special && bytes.first == UInt8(ascii: character)
    }

    var isWord: Bool { kind == .atom || kind == .quotedString }
}
