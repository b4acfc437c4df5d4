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
            return .test { forgedTrailMismatches($0.relays.untrustedRelays) > 1 }
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

    /// How many untrusted relays say they were received `by` a domain other than the one the
    /// relay above them was sent `from` (its reverse DNS name), msn.com/hotmail.com aside.
    static func forgedTrailMismatches(_ relays: [ReceivedRelay]) -> Int {
        var from: [String?] = relays.map { RelayHostNames.domain(ofHost: $0.rdns.lowercased()) }
        var mismatches = 0
        for (index, relay) in relays.enumerated() {
            let by = RelayHostNames.domain(ofHost: relay.by.lowercased())
            guard RelayHostNames.looksLikeDomain(by) else { continue }
            if let name = from[index], name == "localhost" || name == "localhost.localdomain", relay.ip == "127.0.0.1" {
                from[index] = nil
            }
            guard index > 0, let previous = from[index - 1], RelayHostNames.looksLikeDomain(previous) else { continue }
            if by != previous && !(by == "msn.com" && previous == "hotmail.com") { mismatches += 1 }
        }
        return mismatches
    }

    private static let dotcomHelo = try! CompiledRegex(
        #"(?i)(?:\.|^)(?:lycos\.com|lycos\.co\.uk|hotmail\.com|localhost\.com|excite\.com|caramail\.com|cs\.com|aol\.com|msn\.com|yahoo\.com|drizzle\.com)$"#)

    /// A big-dotcom HELO from an address without reverse DNS. As in SpamAssassin, only the last
    /// public untrusted relay decides (each one overwrites the answer).
    static func noReverseDNSDotcomHelo(_ relays: [ReceivedRelay]) -> Bool {
        var answer = false
        for relay in relays where !relay.isPrivateAddress {
            answer = relay.rdns.isEmpty && Array(relay.helo.utf8).withUnsafeBufferPointer { dotcomHelo.isMatch(in: $0) }
        }
        return answer
    }

    /// The envelope sender's registered domain is that of the first untrusted relay's reverse
    /// DNS name, or of any trusted relay's when there is no untrusted one.
    static func mailFromMatchesRelay(_ context: EvalContext) -> Bool {
        let sender = context.scalar("EnvelopeFrom:addr")
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
