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
        var text = text
        return text.withUTF8 { asciiIsPrivate($0) } ?? ReceivedRelay(ip: text).isPrivateAddress
    }

    /// `ReceivedRelay.isPrivateAddress` read from ASCII bytes without splitting the String; nil
    /// for other text (whose "." may be part of a larger Character).
    static func asciiIsPrivate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        let dot = UInt8(ascii: ".")
        guard let firstDot = bytes.firstIndex(of: dot) else { return false }
        let secondEnd = bytes[(firstDot + 1)...].firstIndex(of: dot) ?? bytes.count
        guard let first = integer(bytes[0..<firstDot]), let second = integer(bytes[(firstDot + 1)..<secondEnd]) else { return false }
        return ReceivedRelay.isPrivateRange(first: first, second: second)
    }

    /// `Int(text)` for ASCII bytes: an optional sign, then one or more digits, within Int's range.
    static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var index = bytes.startIndex
        var negative = false
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        guard index < bytes.endIndex else { return nil }
        var magnitude: UInt64 = 0
        while index < bytes.endIndex {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            let (scaled, scaleOverflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = scaled.addingReportingOverflow(UInt64(digit))
            guard !scaleOverflow, !sumOverflow else { return nil }
            magnitude = sum
            index += 1
        }
        let limit = UInt64(Int.max)
        if negative {
            guard magnitude <= limit + 1 else { return nil }
            return magnitude == limit + 1 ? Int.min : -Int(magnitude)
        }
        return magnitude <= limit ? Int(magnitude) : nil
    }

    /// `hostname_to_domain`: an address as it is; else the last two labels when the last one
    /// has three or more characters (or contains ie, fr, de), else the last three.
    static func domain(ofHost host: String) -> String {
        var text = host
        // the range of the domain in the host's bytes (read in place); nil: the host itself
        let range = text.withUTF8 { bytes -> Range<Int>?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .some(nil) }
            guard bytes.contains(where: ByteClass.isLetter) else { return nil }
            let dot = UInt8(ascii: ".")
            var end = bytes.count
            while end > 0, bytes[end - 1] == dot { end -= 1 }  // Perl's split drops trailing empties
            guard let lastDot = bytes[..<end].lastIndex(of: dot) else { return nil }
            let last = bytes[(lastDot + 1)..<end]
            let previousDot = bytes[..<lastDot].lastIndex(of: dot)
            if last.count >= 3 || containsPair(last, "ie") || containsPair(last, "fr") || containsPair(last, "de") {
                return (previousDot.map { $0 + 1 } ?? 0)..<end
            }
            guard let previousDot else { return nil }
            let thirdDot = bytes[..<previousDot].lastIndex(of: dot)
            return (thirdDot.map { $0 + 1 } ?? 0)..<end
        }
        switch range {
        case .some(nil): return unicodeDomain(ofHost: host)
        case nil: return host
        case .some(.some(let range)):
            if range.count == text.utf8.count { return host }
            return text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
    }

    /// `domain(ofHost:)` on characters, for hosts that are not ASCII.
    static func unicodeDomain(ofHost host: String) -> String {
        guard host.contains(where: { $0.isASCII && $0.isLetter }) else { return host }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        while labels.last?.isEmpty == true { labels.removeLast() }  // Perl's split drops trailing empties
        guard labels.count > 1 else { return host }
        let last = labels[labels.count - 1]
        if last.utf8.count >= 3 || containsPair(last, "ie") || containsPair(last, "fr") || containsPair(last, "de") {
            return labels.suffix(2).joined(separator: ".")
        }
        return labels.count > 2 ? labels.suffix(3).joined(separator: ".") : host
    }

    /// `label.contains(pair)` (two ASCII letters), by bytes when the label is ASCII.
    private static func containsPair(_ label: Substring, _ pair: StaticString) -> Bool {
        let utf8 = label.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return label.contains(String(describing: pair)) }
        return containsPair(utf8, pair)
    }

    /// Whether the two bytes of `pair` stand next to each other in `bytes`.
    private static func containsPair(_ bytes: some Sequence<UInt8>, _ pair: StaticString) -> Bool {
        let first = pair.utf8Start[0], second = pair.utf8Start[1]
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == first, byte == second { return true }
            previous = byte
        }
        return false
    }

    private static let domainShape = try! CompiledRegex(#"^\w+(?:[\w.-]+\.)+\w+$"#)

    /// `/^\w+(?:[\w.-]+\.)+\w+$/`: a dotted name RelayEval is willing to compare.
    static func looksLikeDomain(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { domainShape.isMatch(in: $0) }
    }
}
