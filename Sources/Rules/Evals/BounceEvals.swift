/// VBounce: whether `welcomelist_bounce_relays` are configured, and whether a bounce quotes a
/// Received header naming one of them (so the bounce answers mail this site really sent).
enum BounceEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        switch site.function {
        case "have_any_bounce_relays":
            let configured = !(site.configuration.list("welcomelist_bounce_relays")?.isEmpty ?? true)
            return .test { _ in configured }
        case "check_welcomelist_bounce_relays", "check_whitelist_bounce_relays":
            guard let relays = site.configuration.list("welcomelist_bounce_relays"), !relays.isEmpty else { return .test { _ in false } }
            return .test { quotesRelay($0, relays) }
        default:
            return nil
        }
    }

    private static let quotedReceived = try! CompiledRegex(#"^[> ]*Received:"#, options: .caseless)
    private static let spacedHost = try! CompiledRegex(#" (\S+\.\S+) "#)
    private static let whitespaceHost = try! CompiledRegex(#"\s(\S+\.\S+)\s"#)

    static func quotesRelay(_ context: EvalContext, _ relays: AddressList) -> Bool {
        for line in context.views.body.dropFirst() where quotedReceived.firstMatch(in: line).isMatch {
            if hosts(in: line, pattern: spacedHost).contains(where: relays.contains) { return true }
        }
        let raw = context.message.raw
        let body = Array(raw[(raw.count - min(context.parseFlags.bodyLength, raw.count))...])
        guard ASCII.containsCaseless(body, "received:") else { return false }
        var foundReceived = false
        var header: [UInt8] = []
        for line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if !foundReceived {
                guard quotedReceived.firstMatch(in: Array(line)).isMatch else { continue }
                foundReceived = true
            }
            if let first = line.first, ASCII.isPerlSpace(first) { header += line } else { header = Array(line) }
            guard quotedReceived.firstMatch(in: header).isMatch else { continue }
            if hosts(in: header, pattern: whitespaceHost).contains(where: relays.contains) { return true }
        }
        return false
    }

    private static func hosts(in line: [UInt8], pattern: CompiledRegex) -> [String] {
        var found: [String] = []
        var start = 0
        while let groups = line.withUnsafeBufferPointer({ pattern.captures(in: $0, from: start) }), let whole = groups[0], let host = groups[1] {
            found.append(ASCII.string(line[host]))
            start = max(whole.upperBound, start + 1)
        }
        return found
    }
}
