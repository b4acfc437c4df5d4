/// The relays of a message, split where trust ends, as the texts of SpamAssassin's
/// `X-Spam-Relays-Trusted`, `-Untrusted`, `-Internal` and `-External` pseudo-headers.
///
/// With no trusted_networks configured (swfilter has none), a relay is trusted while every relay
/// above it, and itself, came from a private address or authenticated; the first other relay and
/// all below it are untrusted. Internal is the same as trusted then. A mail-fetcher hand-over
/// (`with POP3`/`IMAP`) seen while still trusted starts the trusted list again.
struct RelayPath: Sendable {
    let trusted: String
    let untrusted: String
    let `internal`: String
    let external: String
    /// SpamAssassin's `last_trusted_relay_index` (the same as the internal one here): how many
    /// Received fields, counted from the top and less one, lie in the trusted part.
    let lastTrustedIndex: Int
    /// The parsed relays behind `trusted` and `untrusted`, top (newest) first.
    let trustedRelays: [ReceivedRelay]
    let untrustedRelays: [ReceivedRelay]
    /// Received fields whose sending address could not be found (`num_relays_unparseable`).
    let unparseableCount: Int

    /// `received`: the Received field values top (newest) first; `originatingIPs`: addresses
    /// from the `originating_ip_headers` fields, read as relays below the last Received.
    init(received: [String], originatingIPs: [String] = []) {
        var trusted: [String] = [], untrusted: [String] = [], external: [String] = []
        var trustedRelays: [ReceivedRelay] = [], untrustedRelays: [ReceivedRelay] = []
        var unparseableCount = 0
        var inTrusted = true
        var fetcherResetAllowed = true
        var lastTrustedIndex = -1
        let outcomes = received.map(ReceivedLineParser.parse) + originatingIPs.map { ReceivedLineParser.Outcome.relay(ReceivedRelay(ip: $0)) }
        for outcome in outcomes {
            let relay: ReceivedRelay
            switch outcome {
            case .relay(let parsed): relay = parsed
            case .fetcherHandover:
                if fetcherResetAllowed {
                    trusted = []
                    trustedRelays = []
                }
                if inTrusted { lastTrustedIndex += 1 }
                continue
            case .ignored, .unparseable:
                if outcome == .unparseable { unparseableCount += 1 }
                if inTrusted { lastTrustedIndex += 1 }
                continue
            }
            if inTrusted, !relay.isPrivateAddress, relay.auth.isEmpty { inTrusted = false }
            let text = relay.text(isInternal: inTrusted)
            if inTrusted {
                lastTrustedIndex += 1
                trusted.append(text)
                trustedRelays.append(relay)
            } else {
                untrustedRelays.append(relay)
                untrusted.append(text)
                external.append(text)
            }
            fetcherResetAllowed = inTrusted
        }
        self.trusted = trusted.joined(separator: " ")
        self.untrusted = untrusted.joined(separator: " ")
        self.internal = self.trusted
        self.external = external.joined(separator: " ")
        self.lastTrustedIndex = lastTrustedIndex
        self.trustedRelays = trustedRelays
        self.untrustedRelays = untrustedRelays
        self.unparseableCount = unparseableCount
    }

    /// From a message's header fields: its Received fields, then the first IPv4 address in the
    /// last field of each of `originatingIPHeaders` (SpamAssassin's `originating_ip_headers`).
    init(fields: [SpamAssassinHeaderField], originatingIPHeaders: [String]) {
        let received = fields.filter { $0.lowercasedName == "received" }.map(\.decoded)
        let originating = originatingIPHeaders.compactMap { name -> String? in
            let lowered = name.lowercased()
            guard let field = fields.last(where: { $0.lowercasedName == lowered }) else { return nil }
            return RelayPath.firstIPv4(in: field.decoded)
        }
        self.init(received: received, originatingIPs: originating)
    }

    private static let ipv4 = try! CompiledRegex(#"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"#)

    static func firstIPv4(in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard let groups = bytes.withUnsafeBufferPointer({ ipv4.captures(in: $0) }), let whole = groups.first ?? nil else { return nil }
        return String(decoding: bytes[whole], as: UTF8.self)
    }

    /// The pseudo-header `lowercasedName` names, or nil for any other name.
    func text(forLowercasedName lowercasedName: String) -> String? {
        switch lowercasedName {
        case "x-spam-relays-trusted": trusted
        case "x-spam-relays-untrusted": untrusted
        case "x-spam-relays-internal": `internal`
        case "x-spam-relays-external": external
        default: nil
        }
    }

    static func isRelayPseudoHeader(_ lowercasedName: String) -> Bool {
        lowercasedName.hasPrefix("x-spam-relays-")
    }
}
