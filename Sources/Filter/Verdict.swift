import ScanModel
/// What happens to a message, decided by `Policy` from a `ScanReport`. Each door applies it in
/// its own terms: an SMTP reply, milter actions, an exit code and a rewritten message.
public struct Verdict: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable, Codable {
        /// Deliver; not spam.
        case accept
        /// Deliver, marked as spam (headers, and the subject tag when configured).
        case tag
        /// Hold it where an admin can release it.
        case quarantine
        /// Refuse it for good (5xx).
        case reject
        /// Refuse it for now (4xx): the sender will retry.
        case tempfail
        /// Accept and drop it silently.
        case discard
    }

    public let action: Action
    public let isSpam: Bool
    public let score: Double
    public let requiredScore: Double
    /// The subject prefix to add, when the message is spam and a tag is configured.
    public let subjectTag: String?
    /// Why the message was refused, for reject and tempfail; nil otherwise.
    public let refusal: Refusal?

    public init(action: Action, isSpam: Bool, score: Double, requiredScore: Double, subjectTag: String? = nil, refusal: Refusal? = nil) {
        self.action = action
        self.isSpam = isSpam
        self.score = score
        self.requiredScore = requiredScore
        self.subjectTag = subjectTag
        self.refusal = refusal
    }
}

/// A refusal as an SMTP reply: basic code, enhanced status code (RFC 3463) and text that names
/// the reason and the trace id.
public struct Refusal: Sendable, Hashable, Codable, CustomStringConvertible {
    public let code: Int
    public let enhancedCode: String
    public let text: String

    public init(code: Int, enhancedCode: String, text: String) {
        self.code = code
        self.enhancedCode = enhancedCode
        self.text = text
    }

    public var description: String { "\(code) \(enhancedCode) \(text)" }
}
