/// RelayEval and the relay half of WLBLEval: tests on the message's relays as SpamAssassin's
/// Received parser splits them into trusted and untrusted (`RelayPath`), top (newest) first.
enum RelayEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        switch site.function {
        case "check_all_trusted":
            return .test { context in
                let relays = context.relays
                return !relays.trustedRelays.isEmpty && relays.untrustedRelays.isEmpty && relays.unparseableCount == 0
            }
        case "check_no_relays":
            return .test { context in
                let relays = context.relays
                return relays.trustedRelays.isEmpty && relays.untrustedRelays.isEmpty && relays.unparseableCount == 0
            }
        case "check_relays_unparseable":
            return .test { $0.relays.unparseableCount > 0 }
        case "helo_ip_mismatch":
            return .test { $0.relays.untrustedRelays.contains(where: heloMismatchesIP) }
        case "check_for_forged_received_trail":
            return .test { $0.forgedReceivedCounts.trail > 1 }
        case "check_for_forged_received_ip_helo":
            return .test { $0.forgedReceivedCounts.ipHelo > 0 }
        case "check_for_numeric_helo":
            return .test { numericHelo($0.relays.untrusted) }
        case "check_for_sender_no_reverse":
            // SpamAssassin's test as written: the sender has a dotted reverse name and a public address
            return .test { context in
                guard let sender = context.relays.untrustedRelays.last else { return false }
                return sender.rdns.contains(".") && !RelayHostNames.isPrivate(sender.ip)
            }
        case "check_for_illegal_ip":
            // retired in SpamAssassin (bug 6295): never hits
            return .test { _ in false }
        case "check_for_from_domain_in_received_headers":
            return fromDomainInReceived(site)
        case "check_for_no_rdns_dotcom_helo":
            return .test { noReverseDNSDotcomHelo($0.relays.untrustedRelays) }
        case "check_mailfrom_matches_rcvd":
            return .test(mailFromMatchesRelay)
        default:
            return nil
        }
    }

    /// A public IPv4 HELO that is not the relay's public IPv4 address, nor in its /24.
    static func heloMismatchesIP(_ relay: ReceivedRelay) -> Bool {
        let helo = relay.helo, ip = relay.ip
        guard RelayHostNames.isIPv4(helo), !RelayHostNames.isPrivate(helo) else { return false }
        guard RelayHostNames.isIPv4(ip), !RelayHostNames.isPrivate(ip), helo != ip else { return false }
        let network = helo.split(separator: ".").prefix(3).joined(separator: ".") + "."
        return !ip.hasPrefix(network)
    }

    private static let numericHeloPattern: CompiledRegex = {
        let octet = #"(?:1\d\d|2[0-4]\d|25[0-5]|[1-9]\d|\d)"#
        return try! CompiledRegex(#"(?i)\bhelo=(\b"# + [octet, octet, octet, octet].joined(separator: #"\."#) + #"\b)(?=[\x00-\x20,;\[()<>]|\z)"#)
    }()

    /// The first `helo=` IPv4 address in the untrusted relays' text is a public one.
    static func numericHelo(_ untrusted: String) -> Bool {
        guard let helo = numericHeloPattern.firstGroup(in: Array(untrusted.utf8)) else { return false }
        return !RelayHostNames.isPrivate(ASCII.string(helo))
    }

    /// `(domain, desired)`: whether the From address mentions the domain and some relay was
    /// both sent from and received by a host under it (`desired` 'true'), or not ('false').
    static func fromDomainInReceived(_ site: EvalCallSite) -> EvalImplementation {
        let name = site.function
        guard let domain = site.text(0), let desired = site.text(1) else { return .invalid(name, "needs a domain and 'true' or 'false'") }
        // SpamAssassin puts the domain into the relay pattern unquoted
        guard let inFrom = try? CompiledRegex(#"(?i)\b"# + RegexEscaping.quote(domain)),
              let inRelays = try? CompiledRegex(#" rdns=\S*\b"# + domain + #" [^\]]*by=\S*\b"# + domain + " ")
        else { return .invalid(name, "domain \(domain) does not make a valid pattern") }
        let wanted = desired == "true"
        return .test { context in
            guard inFrom.matches(context.scalar(.fromAddress)) else { return false }
            let relays = context.relays
            return inRelays.matches(relays.trusted + "\n" + relays.untrusted) == wanted
        }
    }

    private static let dotcomHelo = try! CompiledRegex(
        #"(?i)(?:\.|^)(?:lycos\.com|lycos\.co\.uk|hotmail\.com|localhost\.com|excite\.com|caramail\.com|cs\.com|aol\.com|msn\.com|yahoo\.com|drizzle\.com)$"#)

    /// A big-dotcom HELO from an address without reverse DNS (as far as the Received layout tells:
    /// `ReceivedLayoutCascade`). As in SpamAssassin, only the last
    /// public untrusted relay decides (each one overwrites the answer).
    static func noReverseDNSDotcomHelo(_ relays: [ReceivedRelay]) -> Bool {
        var answer = false
        for relay in relays where !RelayHostNames.isPrivate(relay.ip) {
            answer = relay.noReverseDNS && Array(relay.helo.utf8).withUnsafeBufferPointer { dotcomHelo.isMatch(in: $0) }
        }
        return answer
    }

    /// The envelope sender's registered domain is that of the first untrusted relay's reverse
    /// DNS name, or of any trusted relay's when there is no untrusted one.
    static func mailFromMatchesRelay(_ context: EvalContext) -> Bool {
        let sender = context.scalar(.envelopeFromAddress)
        guard let at = sender.lastIndex(of: "@") else { return false }
        let domain = sender[sender.index(after: at)...].lowercased()
        let bytes = Array(domain.utf8)
        guard bytes.indices.dropFirst().dropLast().contains(where: { bytes[$0] == UInt8(ascii: ".") }) else { return false }
        let path = context.relays
        let relays = path.untrustedRelays.first.map { [$0] } ?? path.trustedRelays
        let tlds = context.configuration.validTLDs
        let senderDomain = RegistryDomains.trim(domain, tlds: tlds)
        return relays.contains { relay in
            !relay.rdns.isEmpty && RegistryDomains.trim(relay.rdns.lowercased(), tlds: tlds) == senderDomain
        }
    }
}
