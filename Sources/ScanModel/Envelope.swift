/// What the door knows about a message besides its bytes: who sent it, from where, to whom.
/// The pipe filter and the command line know little; the SMTP and milter doors fill it all in.
public struct Envelope: Sendable, Hashable {
    public var clientAddress: String?
    public var clientName: String?
    public var helo: String?
    public var mailFrom: String?
    public var recipients: [String]
    public var tls: Bool
    public var authenticatedUser: String?

    public init(
        clientAddress: String? = nil, clientName: String? = nil, helo: String? = nil, mailFrom: String? = nil,
        recipients: [String] = [], tls: Bool = false, authenticatedUser: String? = nil
    ) {
        self.clientAddress = clientAddress
        self.clientName = clientName
        self.helo = helo
        self.mailFrom = mailFrom
        self.recipients = recipients
        self.tls = tls
        self.authenticatedUser = authenticatedUser
    }

    /// The domain of the first recipient, lower-cased: where per-domain policy comes from.
    public var recipientDomain: String? {
        guard let first = recipients.first, let at = first.lastIndex(of: "@") else { return nil }
        let domain = first[first.index(after: at)...].lowercased()
        return domain.hasSuffix(">") ? String(domain.dropLast()) : domain
    }
}
