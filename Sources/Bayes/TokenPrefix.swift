/// The part of a token before its value ("s:" for Subject words, "u:h:" for URL hosts), with
/// the hash state after it precomputed so each token only hashes its own bytes.
struct TokenPrefix: Sendable {
    let text: String
    let seed: TokenHasher

    init(_ text: String) {
        self.text = text
        var hasher = TokenHasher()
        hasher.combine(text)
        seed = hasher
    }

    /// Body words carry no prefix.
    static let none = TokenPrefix("")
}
