/// What a rule looks at, after the directive that defined it.
public enum RuleKind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// `header`: a message header (or a pseudo-header such as ALL or ToCc), a header eval, or a
    /// DNS blocklist eval (`check_rbl…`).
    case header
    /// `mimeheader`: the headers of each MIME part.
    case mimeheader
    /// `body`: the decoded, rendered text parts, one paragraph per line, Subject first.
    case body
    /// `rawbody`: the decoded text parts with HTML and line breaks kept.
    case rawbody
    /// `full`: the whole message as received.
    case full
    /// `uri`: each URI found in the message.
    case uri
    /// `meta`: an expression over other rules' hit counts.
    case meta
    /// `askdns`: a DNS query built from message data (AskDNS plugin).
    case askdns
    /// Declared by `reuse` only: a name that has a score and can be used in metas, never tested here.
    case placeholder

    public var description: String { rawValue }
}
