/// One hop of a message's path, read from a Received field the way SpamAssassin's
/// `X-Spam-Relays-*` pseudo-headers show it: `[ ip=… rdns=… helo=… by=… ident=… envfrom=… intl=…
/// id=… auth=… msa=0 ]`. An empty `rdns` means the receiving MTA recorded no reverse DNS name.
struct ReceivedRelay: Sendable, Equatable {
    var ip = ""
    var rdns = ""
    var helo = ""
    var by = ""
    var ident = ""
    var envelopeFrom = ""
    var id = ""
    var auth = ""
    /// SpamAssassin's `no_reverse_dns`: the receiving MTA looks names up and recorded none.
    var noReverseDNS = false

    /// Whether the sending address is in a private, loopback, link-local or shared (CGN) range,
    /// which SpamAssassin trusts when no trusted_networks are configured.
    var isPrivateAddress: Bool {
        guard let (first, second) = firstTwoNumbers else { return false }
        return Self.isPrivateRange(first: first, second: second)
    }

    /// Whether an IPv4 address starting `first.second.` is private, loopback, link-local or CGN.
    static func isPrivateRange(first: Int, second: Int) -> Bool {
        switch first {
        case 10, 127: return true
        case 169: return second == 254
        case 172: return (16...31).contains(second)
        case 192: return second == 168
        case 100: return (64...127).contains(second)
        default: return false
        }
    }

    /// The first two dot-separated fields of `ip` read as integers (as `Int` reads text). An
    /// ASCII address is cut at its dot bytes without splitting it into an array of substrings.
    private var firstTwoNumbers: (Int, Int)? {
        let utf8 = ip.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else {
            let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
            guard octets.count >= 2, let first = Int(octets[0]), let second = Int(octets[1]) else { return nil }
            return (first, second)
        }
        guard let firstDot = utf8.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let secondStart = utf8.index(after: firstDot)
        let secondEnd = utf8[secondStart...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        guard let first = Int(ip[..<firstDot]), let second = Int(ip[secondStart..<secondEnd]) else { return nil }
        return (first, second)
    }

    func text(isInternal: Bool) -> String {
        // appended into one buffer sized up front (interpolation grows its buffer as it goes)
        var text = "[ ip="
        text.reserveCapacity(80 + ip.utf8.count + rdns.utf8.count + helo.utf8.count + by.utf8.count + ident.utf8.count
                             + envelopeFrom.utf8.count + id.utf8.count + auth.utf8.count)
        text += ip
        text += " rdns="
        text += rdns
        text += " helo="
        text += helo
        text += " by="
        text += by
        text += " ident="
        text += ident
        text += " envfrom="
        text += envelopeFrom
        text += isInternal ? " intl=1 id=" : " intl=0 id="
        text += id
        text += " auth="
        text += auth
        text += " msa=0 ]"
        return text
    }
}
