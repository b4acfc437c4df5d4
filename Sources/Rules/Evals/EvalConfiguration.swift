/// The settings of the loaded rule files that eval functions read: freemail domains, address
/// lists (`welcomelist_from`, `blocklist_to`, `enlist_addrlist (NAME)`…), `ok_locales` and the
/// valid TLDs. Built once per `CompiledRuleSet`.
struct EvalConfiguration: Sendable {
    var freemailDomains: Set<String> = []
    /// `freemail_domains` entries with `*` or `?`, matched against the domain.
    var freemailWildcards: [[UInt8]] = []
    var freemailWelcomelist: Set<String> = []
    var freemailMaxBodyEmails = 5
    var freemailMaxBodyFreemails = 3
    var freemailSkipWhenOverMax = true
    var freemailSkipBulkEnvelopeFrom = true
    /// Address lists by SpamAssassin's name for them (`welcomelist_from`, `PAYPAL`…).
    var addressLists: [String: AddressList] = [:]
    /// `welcomelist_subject` / `blocklist_subject` patterns.
    var subjectLists: [String: AddressList] = [:]
    /// `enlist_uri_host (NAME) host !host…` lists: host → listed (false for a `!` exception).
    var uriHostLists: [String: [String: Bool]] = [:]
    var okLocales: [String] = ["all"]
    var validTLDs: Set<String> = []

    init() {}

    init(_ ruleSet: RuleSet, validTLDs: Set<String>) {
        self.validTLDs = validTLDs
        for setting in ruleSet.settings {
            let words = setting.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            switch setting.name {
            case "freemail_domains":
                for word in words where word.utf8.allSatisfy({ ByteClass.isLetter($0) || ByteClass.isDigit($0) || ".*?-".utf8.contains($0) }) {
                    let domain = word.lowercased()
                    if domain.contains("*") || domain.contains("?") {
                        freemailWildcards.append(Array(domain.utf8))
                    } else {
                        freemailDomains.insert(domain)
                    }
                }
            case "freemail_welcomelist", "freemail_whitelist":
                freemailWelcomelist.formUnion(words.map { $0.lowercased() })
            case "freemail_max_body_emails": freemailMaxBodyEmails = PerlNumber.integer(PerlNumber.value(setting.value))
            case "freemail_max_body_freemails": freemailMaxBodyFreemails = PerlNumber.integer(PerlNumber.value(setting.value))
            case "freemail_skip_when_over_max": freemailSkipWhenOverMax = PerlNumber.value(setting.value) != 0
            case "freemail_skip_bulk_envfrom": freemailSkipBulkEnvelopeFrom = PerlNumber.value(setting.value) != 0
            case "ok_locales": okLocales = words
            case "enlist_addrlist":
                guard let name = words.first, name.hasPrefix("("), name.hasSuffix(")"), name.count > 2 else { continue }
                let list = String(name.dropFirst().dropLast())
                for address in words.dropFirst() { addressLists[list, default: AddressList()].add(address) }
            case "enlist_uri_host", "blocklist_uri_host", "blacklist_uri_host", "welcomelist_uri_host", "whitelist_uri_host":
                var hosts = words.map { $0.lowercased() }
                var list = setting.name.hasPrefix("block") || setting.name.hasPrefix("black") ? "BLOCK" : "WELCOME"
                if setting.name == "enlist_uri_host" {
                    guard let name = words.first, name.hasPrefix("("), name.hasSuffix(")"), name.count > 2 else { continue }
                    list = String(name.dropFirst().dropLast())
                    hosts.removeFirst()
                }
                for host in hosts {
                    let excluded = host.hasPrefix("!")
                    uriHostLists[list, default: [:]][excluded ? String(host.dropFirst()) : host] = !excluded
                }
            case "delist_uri_host":
                var hosts = words.map { $0.lowercased() }
                var lists = Array(uriHostLists.keys)
                if let name = words.first, name.hasPrefix("("), name.hasSuffix(")"), name.count > 2 {
                    lists = [String(name.dropFirst().dropLast())]
                    hosts.removeFirst()
                }
                for list in lists {
                    for host in hosts { uriHostLists[list]?[host.hasPrefix("!") ? String(host.dropFirst()) : host] = nil }
                }
            case "welcomelist_subject", "whitelist_subject", "blocklist_subject", "blacklist_subject":
                let list = setting.name.contains("welcome") || setting.name.contains("white") ? "welcomelist_subject" : "blocklist_subject"
                for word in words { subjectLists[list, default: AddressList()].add(word) }
            default:
                if let list = Self.addressListDirectives[setting.name] {
                    for address in words { addressLists[list, default: AddressList()].add(address) }
                } else if let list = Self.addressListRemovals[setting.name] {
                    for address in words { addressLists[list]?.remove(address) }
                }
            }
        }
    }

    /// Directives that add to an address list, with the list's name.
    static let addressListDirectives: [String: String] = [
        "welcomelist_from": "welcomelist_from", "whitelist_from": "welcomelist_from",
        "blocklist_from": "blocklist_from", "blacklist_from": "blocklist_from",
        "welcomelist_to": "welcomelist_to", "whitelist_to": "welcomelist_to",
        "blocklist_to": "blocklist_to", "blacklist_to": "blocklist_to",
        "more_spam_to": "more_spam_to", "all_spam_to": "all_spam_to",
        "welcomelist_bounce_relays": "welcomelist_bounce_relays", "whitelist_bounce_relays": "welcomelist_bounce_relays",
    ]

    static let addressListRemovals: [String: String] = [
        "unwelcomelist_from": "welcomelist_from", "unwhitelist_from": "welcomelist_from",
        "unblocklist_from": "blocklist_from", "unblacklist_from": "blocklist_from",
    ]

    func list(_ name: String) -> AddressList? { addressLists[name] }

    /// FreeMail's test: a freemail domain, not welcomelisted, not a role or bounce address.
    func isFreemail(_ email: String) -> Bool {
        // every test is a pure yes/no: the cheap domain lookups go first, the role regex last
        guard !email.isEmpty, let at = email.lastIndex(of: "@") else { return false }
        let domain = String(email[email.index(after: at)...])
        guard freemailDomains.contains(domain) || matchesFreemailWildcard(domain) else { return false }
        if !freemailWelcomelist.isEmpty, freemailWelcomelist.contains(email) || freemailWelcomelist.contains(domain) { return false }
        return !FreemailPatterns.isRoleAddress(email)
    }

    private func matchesFreemailWildcard(_ domain: String) -> Bool {
        guard !freemailWildcards.isEmpty else { return false }
        let domainBytes = Array(domain.utf8)[...]
        guard let firstByte = domainBytes.first, let lastByte = domainBytes.last else {
            return freemailWildcards.contains { Self.wildcard($0[...], matches: domainBytes) }
        }
        // a literal first (last) pattern byte must be the domain's first (last) byte: one
        // comparison each rules out most patterns before the walk
        return freemailWildcards.contains { pattern in
            if let first = pattern.first, !Self.isWildcardByte(first), first != firstByte { return false }
            if let last = pattern.last, !Self.isWildcardByte(last), last != lastByte { return false }
            return Self.wildcard(pattern[...], matches: domainBytes)
        }
    }

    private static func isWildcardByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?")
    }

    /// A `freemail_domains` wildcard: `*` is any run without a dot, `?` any one byte.
    static func wildcard(_ pattern: ArraySlice<UInt8>, matches text: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return text.isEmpty }
        let rest = pattern.dropFirst()
        if first == UInt8(ascii: "*") {
            var index = text.startIndex
            while true {
                if wildcard(rest, matches: text[index...]) { return true }
                guard index < text.endIndex, text[index] != UInt8(ascii: ".") else { return false }
                index += 1
            }
        }
        guard let byte = text.first, first == UInt8(ascii: "?") || first == byte else { return false }
        return wildcard(rest, matches: text.dropFirst())
    }

    /// Whether a charset suits the `ok_locales` (always, when they include "all").
    func charsetIsOK(_ charset: String) -> Bool {
        if okLocales.contains("all") { return true }
        return Locales.isCharsetOK(charset, locales: okLocales)
    }
}
