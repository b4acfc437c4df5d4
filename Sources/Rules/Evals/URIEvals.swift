/// URIEval: links whose text names an https address while pointing at a bare IP, URIs cut at
/// SpamAssassin's length limit, and redirectors.
enum URIEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        switch site.function {
        case "check_https_ip_mismatch":
            return .test { context in
                context.parts.contains { part in
                    (part.leaf?.html?.anchors ?? []).contains { anchor in
                        ipLink.matches(anchor.href) && !httpsIPText.matches(anchor.text) && httpsText.matches(anchor.text)
                    }
                }
            }
        case "check_uri_host_listed", "check_uri_host_in_blocklist", "check_uri_host_in_blacklist",
             "check_uri_host_in_welcomelist", "check_uri_host_in_whitelist":
            let name = site.function
            let listName = name == "check_uri_host_listed" ? site.text(0) : (name.contains("block") || name.contains("black") ? "BLOCK" : "WELCOME")
            guard let listName else { return .invalid(name, "needs a list name") }
            guard let list = site.configuration.uriHostLists[listName], !list.isEmpty else { return .test { _ in false } }
            let labels = lastLabels(of: list)
            return .test { context in
                let hostLabels = context.uriHostLastLabels
                return hostLabels.indices.contains { index in
                    mayBeListed(hostLabel: hostLabels[index], lastLabels: labels) && isListed(keys: context.uriHostListKeys(at: index), in: list)
                }
            }
        case "check_uri_truncated":
            return .test { $0.html.contains(where: \.uriTruncated) }
        case "check_for_http_redirector":
            return .test { context in
                context.views.uris.contains { uri in
                    var text = uri
                    while let groups = redirector.captureGroups(in: text), groups.count > 3, let redirect = groups[1],
                          let rest = groups[2], let destination = groups[3] {
                        let tlds = context.configuration.validTLDs
                        let from = RegistryDomains.trim(ASCII.string(text[redirect]), tlds: tlds)
                        let to = RegistryDomains.trim(ASCII.string(text[destination]), tlds: tlds)
                        if from != to { return true }
                        text = Array(text[rest])
                    }
                    return false
                }
            }
        default:
            return nil
        }
    }

    /// The host (given by its `listKeys`) or one of its parent domains is on the list, the most
    /// specific entry deciding.
    static func isListed(keys: [String], in list: [String: Bool]) -> Bool {
        for key in keys {
            if let verdict = list[key] { return verdict }
        }
        return false
    }

    /// The last labels of a host list's names (what follows the last "."), nil when a name is not
    /// ASCII (String equality then allows forms this shortcut does not think of).
    static func lastLabels(of list: [String: Bool]) -> Set<String>? {
        guard list.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return nil }
        return Set(list.keys.map { String(lastLabel($0[...])) })
    }

    /// Whether some `listKeys(of: host)` may be on a list whose names end in `lastLabels`: every
    /// key ends in the host's last label. Always true for a host that is not ASCII.
    static func mayBeListed(_ host: String, lastLabels: Set<String>?) -> Bool {
        guard let lastLabels, host.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        var base = host[...]
        if host.hasPrefix("["), host.hasSuffix("]") { base = host.dropFirst().dropLast() }
        return lastLabels.contains(String(lastLabel(base)))
    }

    /// `mayBeListed(host, lastLabels:)` from the host's `asciiLastLabel`.
    static func mayBeListed(hostLabel: String?, lastLabels: Set<String>?) -> Bool {
        guard let lastLabels, let hostLabel else { return true }
        return lastLabels.contains(hostLabel)
    }

    /// The label `mayBeListed` looks up for an ASCII host (the last of the name, or of the text
    /// inside "[…]"), nil for a host that is not ASCII.
    static func asciiLastLabel(_ host: String) -> String? {
        var host = host
        return host.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var base = bytes[...]
            if bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") { base = bytes.count >= 2 ? bytes[1..<(bytes.count - 1)] : bytes[0..<0] }
            if let dot = base.lastIndex(of: UInt8(ascii: ".")) { base = base[(dot + 1)...] }
            return String(decoding: UnsafeBufferPointer(rebasing: base), as: UTF8.self)
        }
    }

    /// What follows the last "." (all of it without one).
    static func lastLabel(_ name: Substring) -> Substring {
        guard let dot = name.lastIndex(of: ".") else { return name }
        return name[name.index(after: dot)...]
    }

    /// The names a host list is searched for, most specific first: the host and its parent
    /// domains (at most 11), or the address inside "[…]".
    static func listKeys(of host: String) -> [String] {
        var keys: [String] = []
        if host.hasPrefix("["), host.hasSuffix("]") {
            keys = [String(host.dropFirst().dropLast())]
        } else {
            var current = Substring(host)
            while true {
                keys.append(String(current))
                guard let dot = current.firstIndex(of: ".") else { break }
                current = current[current.index(after: dot)...]
            }
            if keys.count > 11 { keys = Array(keys.suffix(11)) }
        }
        return keys
    }

    /// The host of a URI with an authority (`scheme://[user@]host[:port]…`), lower-cased.
    static func host(of uri: [UInt8]) -> String? {
        guard let colon = uri.firstIndex(of: UInt8(ascii: ":")), uri.count > colon + 2,
              uri[colon + 1] == UInt8(ascii: "/"), uri[colon + 2] == UInt8(ascii: "/") else { return nil }
        var authority = uri[(colon + 3)...]
        if let end = authority.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            authority = authority[..<end]
        }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        if authority.first != UInt8(ascii: "["), let port = authority.lastIndex(of: UInt8(ascii: ":")) { authority = authority[..<port] }
        guard !authority.isEmpty else { return nil }
        guard authority.allSatisfy({ $0 < 0x80 }) else { return ASCII.string(ASCII.lowercased(authority)) }
        // ASCII is valid UTF-8: the String is written in place, without the lower-cased copy
        return String(unsafeUninitializedCapacity: authority.count) { buffer in
            for (offset, byte) in authority.enumerated() { buffer[offset] = ASCII.lower(byte) }
            return authority.count
        }
    }

    /// Whether the URI starts with "mailto:", in any case.
    static func isMailto(_ uri: [UInt8]) -> Bool {
        let mailto = "mailto:".utf8
        guard uri.count >= mailto.count else { return false }
        return zip(uri, mailto).allSatisfy { ASCII.lower($0) == $1 }
    }

    private static let ipLink = try! CompiledRegex(#"^https?:/*(?:[^\@/]+\@)?\d+\.\d+\.\d+\.\d+"#, options: .caseless)
    private static let httpsIPText = try! CompiledRegex(#"^https:/*(?:[^\@/]+\@)?\d+\.\d+\.\d+\.\d+"#, options: .caseless)
    private static let httpsText = try! CompiledRegex("https:", options: .caseless)
    private static let redirector = try! CompiledRegex(#"^https?://([^/:\?]+).+?(https?:/{0,2}?([^/:\?]+).*)$"#, options: .caseless)
}
