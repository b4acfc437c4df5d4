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

    /// `head`, then `middle`, then `tail` ("H:" + field name + ":"), hashed without building the
    /// text; the text is made only when `keepingText` (token texts are kept for explanations).
    init(_ head: TokenPrefix, _ middle: UnsafeBufferPointer<UInt8>, _ tail: UInt8, keepingText: Bool) {
        var hasher = head.seed
        hasher.combine(middle)
        hasher.combine(tail)
        seed = hasher
        text = keepingText ? head.text + String(decoding: middle, as: UTF8.self) + String(Unicode.Scalar(tail)) : ""
    }

    /// Body words carry no prefix.
    static let none = TokenPrefix("")
}
