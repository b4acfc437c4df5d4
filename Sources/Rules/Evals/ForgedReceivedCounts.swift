/// RelayEval's `_check_for_forged_received` over the untrusted relays, top (newest) first:
/// `trail` counts relays received `by` a domain other than the one the relay above was sent
/// `from` (its reverse DNS name; msn.com/hotmail.com aside), `ipHelo` relays whose IPv4 HELO is
/// in another /16 than their address.
struct ForgedReceivedCounts {
    private(set) var trail = 0
    private(set) var ipHelo = 0

    init(_ relays: [ReceivedRelay]) {
        var from: [String?] = relays.map { RelayHostNames.domain(ofHost: $0.rdns.lowercased()) }
        // the fields read in place: a copy of each relay costs more than the tests
        for index in relays.indices {
            let by = RelayHostNames.domain(ofHost: relays[index].by.lowercased())
            guard RelayHostNames.looksLikeDomain(by) else { continue }
            let ip = relays[index].ip
            if let name = from[index], name == "localhost" || name == "localhost.localdomain", ip == "127.0.0.1" {
                from[index] = nil
            }
            let helo = RelayHostNames.domain(ofHost: relays[index].helo.lowercased())
            if let heloNetwork = Self.classB(helo), let ipNetwork = Self.classB(ip), helo != ip,
               heloNetwork != ipNetwork, !RelayHostNames.isPrivate(helo) {
                ipHelo += 1
            }
            guard index > 0, let previous = from[index - 1], RelayHostNames.looksLikeDomain(previous) else { continue }
            if by != previous && !(by == "msn.com" && previous == "hotmail.com") { trail += 1 }
        }
    }

    /// The first two numbers of a `^\d+\.\d+\.\d+\.\d+$` text (ASCII digits), nil for anything
    /// else. Read by bytes: any byte but an ASCII digit or "." already means nil.
    static func classB(_ text: String) -> String? {
        var dots = 0, secondDot = 0, index = 0
        var afterDot = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard !afterDot else { return nil }
                dots += 1
                if dots == 2 { secondDot = index }
                afterDot = true
            } else {
                guard byte &- 0x30 < 10 else { return nil }
                afterDot = false
            }
            index += 1
        }
        guard dots == 3, !afterDot else { return nil }
        return String(decoding: text.utf8.prefix(secondDot), as: UTF8.self)
    }
}
