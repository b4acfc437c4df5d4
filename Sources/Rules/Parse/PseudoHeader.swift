/// Header names that SpamAssassin computes instead of reading one header field.
public enum PseudoHeader: String, Sendable, Hashable, CaseIterable {
    /// `ALL`: every header, unfolded (`ALL:raw`: the pristine header section).
    case all = "ALL"
    /// `ALL-TRUSTED`, `ALL-INTERNAL`, `ALL-UNTRUSTED`, `ALL-EXTERNAL`: headers added by the
    /// trusted / internal relays or the others.
    case allTrusted = "ALL-TRUSTED"
    case allInternal = "ALL-INTERNAL"
    case allUntrusted = "ALL-UNTRUSTED"
    case allExternal = "ALL-EXTERNAL"
    /// `MESSAGEID`: X-Message-Id, Resent-Message-Id, X-Original-Message-ID and Message-Id.
    case messageID = "MESSAGEID"
    /// `ToCc`: the To and Cc headers together.
    case toCc = "ToCc"
    /// `EnvelopeFrom`: the SMTP MAIL FROM address.
    case envelopeFrom = "EnvelopeFrom"
    /// `X-Spam-Relays-*`: SpamAssassin's summary of the Received chain.
    case relaysTrusted = "X-Spam-Relays-Trusted"
    case relaysUntrusted = "X-Spam-Relays-Untrusted"
    case relaysInternal = "X-Spam-Relays-Internal"
    case relaysExternal = "X-Spam-Relays-External"

    /// Upper-case names match exactly; the others, like real headers, ignore case.
    public init?(headerName: String) {
        if let exact = PseudoHeader(rawValue: headerName), exact.isCaseSensitive {
            self = exact
            return
        }
        let lowered = headerName.lowercased()
        guard let match = PseudoHeader.allCases.first(where: { !$0.isCaseSensitive && $0.rawValue.lowercased() == lowered }) else {
            return nil
        }
        self = match
    }

    var isCaseSensitive: Bool {
        switch self {
        case .all, .allTrusted, .allInternal, .allUntrusted, .allExternal, .messageID: true
        default: false
        }
    }
}
