/// `policy.add_headers`: which messages get the X-Spam-* header fields.
public enum AddHeadersMode: String, Sendable, CaseIterable, ConfigChoice {
    case all
    /// Only messages judged spam.
    case spam
    case none
}
