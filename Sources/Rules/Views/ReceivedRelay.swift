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
        let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count >= 2, let first = Int(octets[0]), let second = Int(octets[1]) else { return false }
        switch first {
        case 10, 127: return true
        case 169: return second == 254
        case 172: return (16...31).contains(second)
        case 192: return second == 168
        case 100: return (64...127).contains(second)
        default: return false
        }
    }

    func text(isInternal: Bool) -> String {
        "[ ip=\(ip) rdns=\(rdns) helo=\(helo) by=\(by) ident=\(ident) envfrom=\(envelopeFrom) intl=\(isInternal ? 1 : 0) id=\(id) auth=\(auth) msa=0 ]"
    }
}
