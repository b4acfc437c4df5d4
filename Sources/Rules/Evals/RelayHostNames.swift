/// The host-name and address tests RelayEval applies to parsed relays: exact IPv4 syntax,
/// private ranges, and its rough `hostname_to_domain` (not the registry-boundary one).
enum RelayHostNames {
    /// `IS_IPV4_ADDRESS`: four dotted decimal octets 0–255, no leading zeros.
    static func isIPv4(_ text: String) -> Bool {
        let octets = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard octets.count == 4 else { return false }
        return octets.allSatisfy { octet in
            guard (1...3).contains(octet.count), octet.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            if octet.count > 1 && octet.first == UInt8(ascii: "0") { return false }
            return octet.reduce(0) { $0 * 10 + Int($1 - 0x30) } <= 255
        }
    }

    /// `IS_IP_PRIVATE` for an IPv4 text (private, loopback, link-local, CGN).
    static func isPrivate(_ text: String) -> Bool {
        ReceivedRelay(ip: text).isPrivateAddress
    }

    /// `hostname_to_domain`: an address as it is; else the last two labels when the last one
    /// has three or more characters (or contains ie, fr, de), else the last three.
    static func domain(ofHost host: String) -> String {
        guard host.contains(where: { $0.isASCII && $0.isLetter }) else { return host }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        while labels.last?.isEmpty == true { labels.removeLast() }  // Perl's split drops trailing empties
        guard labels.count > 1 else { return host }
        let last = labels[labels.count - 1]
        if last.utf8.count >= 3 || last.contains("ie") || last.contains("fr") || last.contains("de") {
            return labels.suffix(2).joined(separator: ".")
        }
        return labels.count > 2 ? labels.suffix(3).joined(separator: ".") : host
    }

    private static let domainShape = try! CompiledRegex(#"^\w+(?:[\w.-]+\.)+\w+$"#)

    /// `/^\w+(?:[\w.-]+\.)+\w+$/`: a dotted name RelayEval is willing to compare.
    static func looksLikeDomain(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { domainShape.isMatch(in: $0) }
    }
}
