/// A `:modifier` after a header name in a `header` rule (`From:addr`, `Subject:raw`).
public enum HeaderModifier: String, Sendable, Hashable, CaseIterable {
    /// Undecoded value, whitespace kept (for ALL: the pristine header section).
    case raw
    /// The addresses only.
    case addr
    /// The display names only.
    case name
    /// Host names found in the value.
    case host
    /// Registered domains of those hosts.
    case domain
    /// IP addresses found in the value.
    case ip
    /// Those IP addresses reversed (for DNS lookups).
    case revip
    /// Only the first (topmost) header of that name.
    case first
    /// Only the last header of that name.
    case last
}
