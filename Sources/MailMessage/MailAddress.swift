/// One mailbox from an address header.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public let displayName: String?
    public let localPart: String
    /// The domain as written (lower-cased); empty for a bare local part.
    public let domain: String
    /// The group the address was listed in ("undisclosed-recipients: ;" style), if any.
    public let group: String?

    public init(displayName: String?, localPart: String, domain: String, group: String? = nil) {
        self.displayName = displayName
        self.localPart = localPart
        self.domain = domain
        self.group = group
    }

    /// local@domain, or the local part alone when there is no domain.
    public var address: String { domain.isEmpty ? localPart : "\(localPart)@\(domain)" }
    public var description: String { address }
}
