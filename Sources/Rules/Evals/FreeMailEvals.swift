/// SpamAssassin's FreeMail functions: senders, Reply-To and other header addresses, and
/// addresses written in the body, at the `freemail_domains` providers.
enum FreeMailEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        guard name.hasPrefix("check_freemail_") else { return nil }
        guard !site.configuration.freemailDomains.isEmpty || !site.configuration.freemailWildcards.isEmpty else {
            return .test { _ in false }
        }
        switch name {
        case "check_freemail_header":
            guard let header = site.text(0) else { return .invalid(name, "needs a header") }
            guard let filter = optionalRegex(site.text(1)) else { return .invalid(name, "invalid regex") }
            let request = EvalHeaderRequest("\(header):addr")
            return .test { context in
                context.list(request).contains { address in
                    let email = address.lowercased()
                    return context.isFreemail(email) && (filter.value?.matches(email) ?? true)
                }
            }
        case "check_freemail_from":
            guard let filter = optionalRegex(site.text(0)) else { return .invalid(name, "invalid regex") }
            return .test { context in
                // isFreemail("") is false: no need to drop empty addresses or repeats first
                context.allFromAddressesLowercased.contains { bytes in
                    let email = ASCII.string(bytes)
                    return context.isFreemail(email) && (filter.value?.matches(bytes: bytes) ?? true)
                }
            }
        case "check_freemail_body":
            guard let filter = optionalRegex(site.text(0)) else { return .invalid(name, "invalid regex") }
            return .test { context in
                guard let emails = context.bodyFreemails else { return false }
                guard let regex = filter.value else { return !emails.isEmpty }
                return emails.contains { regex.matches($0) }
            }
        case "check_freemail_replyto":
            let what = site.text(0) ?? "replyto"
            guard what == "replyto" || what == "reply" else { return .invalid(name, "option must be 'replyto' or 'reply'") }
            return .test { replyTo($0, what: what) }
        default:
            return .unsupported("\(name): not a FreeMail function swfilter knows")
        }
    }

    /// A regex given as an optional argument: `.some(nil)` when absent, nil when invalid.
    private static func optionalRegex(_ source: String?) -> Box<CompiledRegex?>? {
        guard let source else { return Box(nil) }
        guard let regex = try? CompiledRegex(source) else { return nil }
        return Box(regex)
    }

    static func replyTo(_ context: EvalContext, what: String) -> Bool {
        let configuration = context.configuration
        if configuration.freemailSkipBulkEnvelopeFrom, let envelope = context.list(.envelopeFrom).first,
           FreemailPatterns.isBulkEnvelopeFrom(envelope) {
            return false
        }
        let from = context.list(.fromAddress).map { $0.lowercased() }
        let replyTo = context.list(.replyToAddress).map { $0.lowercased() }
        let fromIsFree = from.contains(where: context.isFreemail)
        let replyToIsFree = replyTo.contains(where: context.isFreemail)
        let fromNotInReplyTo = !from.contains { replyTo.contains($0) }
        if fromIsFree, replyToIsFree, fromNotInReplyTo { return true }
        if what == "replyto" {
            if !replyToIsFree { return false }
        } else {
            if !replyTo.isEmpty, !replyToIsFree { return false }
            if !fromIsFree { return false }
        }
        guard let bodyEmails = context.bodyFreemails, !bodyEmails.isEmpty else { return false }
        let replyAddresses = what == "replyto" ? replyTo : (replyToIsFree ? replyTo : from)
        return bodyEmails.contains { body in replyAddresses.contains { $0 != body } }
    }

    private static let emailCore = #"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*\@(?:[a-z0-9](?:[a-z0-9-]{0,59}[a-z0-9])?\.){1,4}([a-z]{2,63})\b"#
    private static let email = try! CompiledRegex(#"(?=.{0,64}\@)(?<![a-z0-9!#$%&'*+/=?^_`{|}~-])("# + emailCore + ")", options: .caseless)
    private static let urlWithAt = try! CompiledRegex(#"<?https?://\S{0,255}(?:\@|%40)\S{0,255}"#, options: .caseless)
    private static let quotedEmail = try! CompiledRegex(
        #"<?(?<!mailto:)(?=.{0,64}\@)(?<![a-z0-9!#$%&'*+/=?^_`{|}~-])"# + emailCore
            + #"(?:>|\s{1,10}(?!(?:fa(?:x|csi)|tel|phone|e?-?mail))[a-z]{2,11}:)"#, options: .caseless)
    private static let mailtoHref = try! CompiledRegex("^mailto:(?=.{0,64}\\@)(" + emailCore + ")", options: .caseless)

    /// The freemail addresses of the body (mailto links, then addresses in the text), nil when
    /// there are so many that FreeMail gives up.
    static func bodyFreemails(_ context: EvalContext) -> [String]? {
        let configuration = context.configuration
        var emails: [String] = []
        var seen = Set<String>()
        for part in context.parts {
            for anchor in part.leaf?.html?.anchors ?? [] {
                guard let address = mailtoHref.firstGroup(in: Array(anchor.href.utf8)) else { continue }
                let lowered = ASCII.string(address).lowercased()
                if seen.insert(lowered).inserted { emails.append(lowered) }
                if emails.count >= 20 { break }
            }
        }
        scan: for line in context.views.body.dropFirst() {
            // every address pattern needs an "@"
            guard line.contains(UInt8(ascii: "@")) else { continue }
            var text = replacingMatches(of: urlWithAt, in: line)
            text = replacingMatches(of: quotedEmail, in: text)
            var start = 0
            while let groups = text.withUnsafeBufferPointer({ email.captures(in: $0, from: start) }), let whole = groups[0], let address = groups[1] {
                start = max(whole.upperBound, start + 1)
                if let tld = groups[2], !configuration.validTLDs.isEmpty, !configuration.validTLDs.contains(ASCII.string(text[tld]).lowercased()) { continue }
                let lowered = ASCII.string(text[address]).lowercased()
                if seen.insert(lowered).inserted { emails.append(lowered) }
                if emails.count >= 40 { break scan }
            }
        }
        var result: [String] = []
        var all = 0, free = 0
        for email in emails {
            all += 1
            if all == configuration.freemailMaxBodyEmails, configuration.freemailSkipWhenOverMax { return nil }
            guard configuration.isFreemail(email) else { continue }
            free += 1
            if free == configuration.freemailMaxBodyFreemails, configuration.freemailSkipWhenOverMax { return nil }
            result.append(email)
        }
        return result
    }

    private static func replacingMatches(of regex: CompiledRegex, in text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var start = 0
        while start <= text.count, let range = text.withUnsafeBufferPointer({ regex.captures(in: $0, from: start) })?.first ?? nil {
            result += text[start..<range.lowerBound]
            result.append(0x20)
            start = range.isEmpty ? range.upperBound + 1 : range.upperBound
            if range.isEmpty, range.lowerBound < text.count { result.append(text[range.lowerBound]) }
        }
        if start < text.count { result += text[start...] }
        return result
    }
}
