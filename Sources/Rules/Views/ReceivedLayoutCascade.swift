/// SpamAssassin's walk over the Received layouts it knows (`parse_received_line`, the part after
/// "from "), in its order, told what `ReceivedLineParser` does not find on its own: whether the
/// receiving MTA's layout is one that always looks the sender's name up (`mta_looked_up_dns`),
/// the name it recorded, the HELO name and the address the layout names, and (nil) that
/// SpamAssassin knows no layout for the field. The first
/// layout that matches decides, so a name missing from, say, a Microsoft SMTPSVC field (which
/// never records one) says nothing, while one missing from a sendmail field means there is none.
enum ReceivedLayoutCascade {
    /// What the deciding layout says.
    struct Reading: Equatable, Sendable {
        var lookedUp: Bool
        /// The sender's address, nil when the layout has none.
        var ip: String?
        var name: String
        /// The HELO name the layout captures, nil when it names none.
        var helo: String?

        /// SpamAssassin's `no_reverse_dns`: looked up, and nothing (or "unknown") recorded.
        var noReverseDNS: Bool {
            guard lookedUp else { return false }
            if let ascii = Self.noReverseDNSByBytes(name) { return ascii }
            var trimmed = Substring(name)
            while trimmed.last == "." { trimmed.removeLast() }
            return trimmed.isEmpty || trimmed.lowercased() == "unknown" || trimmed.hasPrefix("[")
        }

        /// The same test on an ASCII name's bytes (each character one byte); nil for other names.
        static func noReverseDNSByBytes(_ name: String) -> Bool? {
            var utf8 = name.utf8[...]
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            while utf8.last == UInt8(ascii: ".") { utf8 = utf8.dropLast() }
            guard let first = utf8.first else { return true }
            return first == UInt8(ascii: "[") || (utf8.count == 7 && utf8.map(ASCII.lower).elementsEqual("unknown".utf8))
        }
    }

    private struct Layout: Sendable {
        let pattern: CompiledRegex
        let lookedUp: Bool
        let ipGroup: Int?
        let nameGroup: Int?
        let heloGroup: Int?

        init(_ source: String, lookedUp: Bool, ip: Int? = nil, name: Int? = nil, helo: Int? = nil) {
            // The patterns are constants written here; one that failed to compile is a programming error.
            pattern = try! CompiledRegex(source.replacing("<IP>", with: ReceivedLayoutCascade.address))
            self.lookedUp = lookedUp
            ipGroup = ip
            nameGroup = name
            heloGroup = helo
        }

        func read(_ text: UnsafeBufferPointer<UInt8>) -> Reading? {
            var groups: [Range<Int>?] = []
            return read(text, groups: &groups)
        }

        /// `read(_:)` with `groups` as room for the match's groups.
        func read(_ text: UnsafeBufferPointer<UInt8>, groups: inout [Range<Int>?]) -> Reading? {
            guard pattern.captures(in: text, into: &groups) else { return nil }
            func group(_ index: Int?) -> String? {
                guard let index, index < groups.count, let range = groups[index] else { return nil }
                return String(decoding: text[range], as: UTF8.self)
            }
            return Reading(lookedUp: lookedUp, ip: group(ipGroup), name: group(nameGroup) ?? "", helo: heloGroup == nil ? nil : group(heloGroup) ?? "")
        }
    }

    /// SpamAssassin's IP_ADDRESS, IPv4 exactly, IPv6 loosely. Written "<IP>" in the layouts.
    private static let address = #"(?:\b(?<!:)(?:(?:1\d\d|2[0-4]\d|25[0-5]|[1-9]\d|\d)\.){3}(?:1\d\d|2[0-4]\d|25[0-5]|[1-9]\d|\d)\b|(?:IPv6:|(?<![a-f0-9:]))(?:[a-f0-9]{0,4}:){2,7}(?:[a-f0-9]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?)"#

    private static func marker(_ source: String) -> CompiledRegex { try! CompiledRegex(source) }

    /// Webmail layouts tried first (SquirrelMail, AOL), each behind its marker.
    private static let webmail: [(marker: CompiledRegex, layout: Layout)] = [
        (marker(#" \((?:SquirrelMail|NaSMail) authenticated user "#), Layout(#"(<IP>)\b(?![.-]).{10,80}by (\S+) with HTTP"#, lookedUp: false, ip: 1)),
        (marker(#"^(?=.*aol\.com).*with HTTP \(WebMailUI\)"#), Layout(#"(<IP>) by (\S+) \(<IP>\) with HTTP \(WebMailUI\)"#, lookedUp: false, ip: 1)),
    ]

    /// MTA-specific layouts, each tried only when its marker is in the field (first marker wins).
    private static let branches: [(marker: CompiledRegex, layouts: [Layout])] = [
        (marker(" SMTPSVC"), [Layout(#"^(\S*) \(\[(<IP>)\][^)]{0,40}\) by (\S+) with Microsoft SMTPSVC"#, lookedUp: false, ip: 2, helo: 1)]),
        (marker(#" with (?:Microsoft SMTP Server|mapi id) (?:\([^)]+\) )?\d+\.\d+\.\d+\.\d+(?:$| )"#),
         [Layout(#"^(\S+) \(\[?(<IP>)(?:%[A-Z0-9._~-]*)?\]?\) by (\S+) "#, lookedUp: false, ip: 2, helo: 1)]),
        (marker(#"\[XMail "#), [Layout(#"^(\S+) \((\[?<IP>\]?)(?::\d+)\) by (\S+)(?: \(\S+\))? with \[XMail"#, lookedUp: false, ip: 2, helo: 1)]),
        (marker(#"\(ecelerity\b"#), [Layout(#"^\(\[(<IP>):\d+\] helo=(\S+)\) by (\S+) "#, lookedUp: false, ip: 1, helo: 2),
                                     Layout(#"^\S+ \(\[(<IP>):\d+\]\) by (\S+) "#, lookedUp: false, ip: 1)]),
        (marker("Exim"), [Layout(#"^\[(<IP>)\] \((.*?)\) by (\S+) "#, lookedUp: false, ip: 1),
                          Layout(#"^(\S+) \(\[(<IP>)\](.*?)\) by (\S+) "#, lookedUp: false, ip: 2, name: 1),
                          Layout(#"^(\S+) \[(<IP>)\](:\d+)? by (\S+) "#, lookedUp: false, ip: 2, name: 1, helo: 1),
                          // anything else with a bracketed address and a receiver
                          Layout(#"^(\S+) (?=.* \[(<IP>)(?:\.\d+)?\] )(?=.*by \S+ )"#, lookedUp: false, ip: 2, name: 1)]),
        (marker(#" \(Postfix\) with"#), [Layout(#"^(\S+) \((\S+) \[(<IP>)\]\) by (\S+) "#, lookedUp: true, ip: 3, name: 2, helo: 1),
                                         Layout(#"^(\S+) \((\S+)\[(<IP>)\]\) by (\S+) "#, lookedUp: true, ip: 3, name: 2, helo: 1)]),
        (marker(#"\(Scalix SMTP Relay"#), [Layout(#"^(\S+) \( ?(<IP>)\) by (\S+)"#, lookedUp: false, ip: 2, helo: 1)]),
        (marker(#" \(Lotus Domino "#), [Layout(#"^(\S+) \(\[(<IP>)\]\) by (\S+) \(Lotus"#, lookedUp: false, ip: 2, helo: 1)]),
    ]

    private static let withHTTP = marker(#"\bwith HTTP\b"#)
    private static let numericHeloHTTP = Layout(#"^(<IP>) \(\[<IP>\]\) by (\S+)"#, lookedUp: false, ip: 1)
    private static let qmailLDAP = marker(#" by \S+ \(qmail-\S+\) with "#)
    private static let sendmail = Layout(#"^(\S+) \((\S+) \[(<IP>)\].*\) by (\S+) \("#, lookedUp: true, ip: 3, name: 2, helo: 1)
    private static let afterSendmail = [
        Layout(#"^(\S+) \((\S+) \[(<IP>)\]\) by (\S+) with \S+ \("#, lookedUp: true, ip: 3, name: 2, helo: 1),
        Layout(#"^(\S+) \(\[(<IP>)\] helo=(\S+)\) by (\S+) with "#, lookedUp: false, ip: 2, name: 1, helo: 3),
        Layout(#"^(\S+) \(<unknown\S*>\[(<IP>)\]\) by (\S+) "#, lookedUp: false, ip: 2, helo: 1),
        Layout(#"^(\S+) \((\S+\.\S+)\[(<IP>)\]\) by (\S+) "#, lookedUp: true, ip: 3, name: 2, helo: 1),
        Layout(#"^(\S+) \((\S*)@\[(<IP>)\].*\) by (\S+) \("#, lookedUp: true, ip: 3, helo: 1),
        Layout(#"^(?:(<IP>) )?(?=.*by \S+\.hotmail\.msn\.com )"#, lookedUp: false, ip: 1),
        Layout(#"^(\S+) \((?:HELO|EHLO) (\S*)\) \((<IP>)\) by (\S+) \(qpsmtpd/\S+\) with (?:ESMTP|SMTP)"#, lookedUp: false, ip: 3, name: 1, helo: 2),
        Layout(#"^(\S+) \(LHLO (\S*)\) \((<IP>)\) by (\S+) with LMTP"#, lookedUp: false, ip: 3, name: 1, helo: 2),
        Layout(#"^(\S+) \((?:HELO|EHLO) (\S*)\) \[(<IP>)\] by (\S+) \([^)]+\) with (?:ESMTP|SMTP)"#, lookedUp: false, ip: 3, name: 1, helo: 2),
        Layout(#"^(\S+) \(\[(<IP>)\]\) by (\S+) via smtpd \(for \S+\) with SMTP\("#, lookedUp: false, ip: 2, helo: 1),
    ]
    private static let qmail = marker(#"^\S+( \((?:HELO|EHLO) \S*\))? \((\S+@)?\[?<IP>\]?\)( \(envelope-sender <\S+>\))? by \S+( \(.+\))* with (.* )?(SMTP|QMQP)(?! id )"#.replacing("<IP>", with: address))
    private static let qmailNames = [
        Layout(#"^(\S+) \((?:HELO|EHLO) ([^ ()]*)\) \((\S*)@\[?(<IP>)\]?\)( \(envelope-sender <\S+>\))? by (\S+)"#, lookedUp: true, ip: 4, name: 1, helo: 2),
        Layout(#"^(\S+) \((?:HELO|EHLO) ([^ ()]*)\) \(\[?(<IP>)\]?\)( \(envelope-sender <\S+>\))? by (\S+)"#, lookedUp: true, ip: 3, name: 1, helo: 2),
        Layout(#"^(\S+) \((\S*)@\[?(<IP>)\]?\)( \(envelope-sender <\S+>\))? by (\S+)"#, lookedUp: true, ip: 3, name: 1, helo: 1),
        Layout(#"^(\S+) \(\[?(<IP>)\]?\)( \(envelope-sender <\S+>\))? by (\S+)"#, lookedUp: true, ip: 2, name: 1, helo: 1),
    ]
    private static let afterQmail = [
        Layout(#"^\[(<IP>)\] by (\S+) via HTTP$"#, lookedUp: false, ip: 1),
        Layout(#"^(\S+) \( \[(<IP>)\]\).*? by (\S+) "#, lookedUp: false, ip: 2),
        Layout(#"^\((\S+) \[(<IP>)\]\) by (\S+) "#, lookedUp: false, ip: 2, helo: 1),
        Layout(#"^\[(<IP>)\] by (\S+) "#, lookedUp: false, ip: 1),
        Layout(#"^\(\[?(<IP>)\]?\) by (\S+) "#, lookedUp: false, ip: 1),
        Layout(#"^(\S+) \[(<IP>)\] by (\S+) \[<IP>\] with "#, lookedUp: true, ip: 2, helo: 1),
        Layout(#"^(\S+) \[\((<IP>)\)\] by (\S+) \(<IP>\) "#, lookedUp: false, ip: 2, helo: 1),
        Layout(#"^(\S+) \(\[(<IP>)\]\) by (\S+) \("#, lookedUp: true, ip: 2, helo: 1),
    ]
    private static let softDNSError = Layout(#"^(\S+) \((\S+) \[(<IP>)\]\).*? by (\S+)\b"#, lookedUp: true, ip: 3, name: 2, helo: 1)
    private static let afterSoftDNSError = [
        Layout(#"^(\S+) \(\[(<IP>)(?:[.:]\d+)?\]\).*? by (\S+) "#, lookedUp: true, ip: 2, helo: 1),
        Layout(#"^(\S+) \((\S+) \[(<IP>)\]\)(?: \(authenticated bits=\d+\))? by (\S+) \("#, lookedUp: true, ip: 3, name: 2, helo: 1),
    ]
    private static let fetcher = marker("with (?:POP3|IMAP)")
    private static let afterFetcher = [
        Layout(#"^(\S+) \((?:HELO|EHLO) ([^)]*)\) \((\S*@)?\[?(<IP>)\]?\).* by (\S+) "#, lookedUp: true, ip: 4, name: 1, helo: 2),
        Layout(#"^(\S+) \((\S*@)?\[?(<IP>)\]?\).* by (\S+) "#, lookedUp: true, ip: 3, name: 1, helo: 1),
        Layout(#"^\[(<IP>)\] by (\S+) with http for "#, lookedUp: false, ip: 1),
        Layout(#"^(\S+)\((<IP>)\) by (\S+) via smap "#, lookedUp: true, ip: 2, name: 1),
        Layout(#"^(\S+)\((<IP>), (?:HELO|EHLO) (\S*)\) by (\S+) via smap "#, lookedUp: true, ip: 2, name: 1, helo: 3),
        Layout(#"^\[(<IP>)\] by (\S+) \(Post"#, lookedUp: false, ip: 1),
        Layout(#"^\[(<IP>)\] by (\S+) \(ArGoSoft"#, lookedUp: false, ip: 1),
        Layout(#"^(<IP>) by (\S+) \((?:SMTPL|InterScan)\b"#, lookedUp: false, ip: 1),
        Layout(#"^(\S+) \((\S+) \[(<IP>)\]\) by (\S+) with "#, lookedUp: true, ip: 3, name: 2, helo: 1),
        Layout(#"^(\S+) \((?:HELO|EHLO) (\S*)\) \((?:(\S+)@)?(<IP>).*?\) by (\S+) with "#, lookedUp: true, ip: 4, name: 1, helo: 2),
        Layout(#"^\[(<IP>)\] \((?:account \S+ )?(?:HELO|EHLO) (\S*)\) by (\S+) \("#, lookedUp: false, ip: 1, helo: 2),
        Layout(#"^(?=.* \(CommuniGate Pro)(\S+) \(\[(<IP>)\] verified\) by (\S+) \("#, lookedUp: true, ip: 2, name: 1, helo: 1),
        Layout(#"^\(\[(<IP>)\]\) by (\S+) with "#, lookedUp: false, ip: 1),
        Layout(#"^([^\d]\S+) \((<IP>)\) by (\S+) "#, lookedUp: false, ip: 2, helo: 1),
        Layout(#"^(\S+) \(\[(<IP>)\] \[(\S+)\]\) by (\S+) with "#, lookedUp: false, ip: 2, helo: 1),
        Layout(#"^(<IP>) by (\S+) with "#, lookedUp: false, ip: 1),
        Layout(#"^(\S+) \((\S+)\[(<IP>)\]\) by (\S+) "#, lookedUp: true, ip: 3, name: 2, helo: 1),
        Layout(#"^\[(<IP>)\]\S+ \((?:HELO|EHLO) (\S*)\) by (\S+) "#, lookedUp: false, ip: 1, helo: 2),
        Layout(#"^(<IP>) \((?:HELO|EHLO) (\S*)\) by (\S+) "#, lookedUp: false, ip: 1, helo: 2),
        Layout(#"^(\S+) \[(<IP>)\] by (\S+) "#, lookedUp: false, ip: 2, helo: 1),
        Layout(#"^(\S+)\((<IP>)\) by (\S+) "#, lookedUp: false, ip: 2, name: 1),
        Layout(#"^\[(<IP>)\] by (\S+) \(MailGate "#, lookedUp: false, ip: 1),
        Layout(#"^(\S+) \(unverified \[(<IP>)\]\) by (\S+) "#, lookedUp: false, ip: 2, helo: 1),
        Layout(#"^(<IP>) \([A-Za-z][^)]+\) by (\S+) with "#, lookedUp: false, ip: 1),
        Layout(#"^\[(<IP>)\] \(([^)]+)\) by (\S+) "#, lookedUp: false, ip: 1),
        Layout(#"^(\S+) \((?:\S+@)?(<IP>)\) by (\S+) with "#, lookedUp: false, ip: 2, name: 1),
    ]
    private static let smapClaiming = Layout(#"^(\S+)\((<IP>)\)(?:, claiming to be "(\S+)")? via \S+ by (\S+),"#, lookedUp: true, ip: 2, name: 1, helo: 3)
    private static let yahooLogin = Layout(#"^(\S+) \((\S+)@(<IP>) with login\) by (\S+\.yahoo\.com) with SMTP"#, lookedUp: false, ip: 3, helo: 1)

    /// `fromPart`: the field after "from ", white space collapsed and the trailing date removed,
    /// as SpamAssassin's parser has it then. Nil when no layout matches.
    static func read(fromPart: String) -> Reading? {
        Array(fromPart.utf8).withUnsafeBufferPointer { read($0) }
    }

    /// The patterns as one alternation, each in a group of its own (they name no groups by
    /// number and hold no comments): it matches where one of them does. When it finds nothing,
    /// none of them is tried. Nil if PCRE2 refused it (then they are tried one by one).
    private static func union(_ patterns: [CompiledRegex]) -> CompiledRegex? {
        try? CompiledRegex(patterns.map { "(?:\($0.pattern))" }.joined(separator: "|"))
    }

    /// Whether `union` may match: false only when it searched and found nothing.
    private static func mayMatch(_ union: CompiledRegex?, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let union else { return true }
        if case .noMatch = union.firstMatch(in: text) { return false }
        return true
    }

    private static let anyAfterSendmail = union(afterSendmail.map(\.pattern))
    private static let anyQmailName = union(qmailNames.map(\.pattern))
    private static let anyAfterQmail = union(afterQmail.map(\.pattern))
    private static let anyAfterFetcher = union(afterFetcher.map(\.pattern))

    /// `read(fromPart:)` on the field's bytes after "from ". `uniting` (false only to test that
    /// it changes nothing): the unions rule out whole lists of markers and layouts in one search.
    static func read(_ text: UnsafeBufferPointer<UInt8>, uniting: Bool = true) -> Reading? {
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(8)
        func first(_ layouts: [Layout], _ union: CompiledRegex?) -> Reading? {
            if uniting, !mayMatch(union, text) { return nil }
            for layout in layouts {
                if let reading = layout.read(text, groups: &groups) { return reading }
            }
            return nil
        }
        for (marker, layout) in webmail where marker.isMatch(in: text) {
            if let reading = layout.read(text, groups: &groups) { return reading }
        }
        // (a union of the markers is slower than these literal searches)
        if let branch = branches.first(where: { $0.marker.isMatch(in: text) }), let reading = first(branch.layouts, nil) {
            return reading
        }
        if withHTTP.isMatch(in: text), let reading = numericHeloHTTP.read(text, groups: &groups) { return reading }
        if !qmailLDAP.isMatch(in: text), var reading = sendmail.read(text, groups: &groups) {
            reading.name = strippingIdent(reading.name)
            return reading
        }
        if let reading = first(afterSendmail, anyAfterSendmail) { return reading }
        if qmail.isMatch(in: text) {
            var reading = first(qmailNames, anyQmailName) ?? Reading(lookedUp: true, ip: nil, name: "", helo: nil)
            reading.lookedUp = reading.name != "unknown"
            return reading
        }
        if let reading = first(afterQmail, anyAfterQmail) { return reading }
        if var reading = softDNSError.read(text, groups: &groups) {
            if reading.name == "softdnserr" {
                reading.lookedUp = false
                reading.name = ""
            }
            return reading
        }
        if let reading = first(afterSoftDNSError, nil) { return reading }
        if fetcher.isMatch(in: text) { return nil }
        if let reading = first(afterFetcher, anyAfterFetcher) { return reading }
        if var reading = smapClaiming.read(text, groups: &groups) {
            reading.lookedUp = reading.name != "UNKNOWN"
            return reading
        }
        return yahooLogin.read(text, groups: &groups)
    }

    /// The sendmail layout's name without an `IDENT:user@` or `user@` prefix.
    private static func strippingIdent(_ name: String) -> String {
        var name = Substring(name)
        if name.hasPrefix("IDENT:"), let at = name.firstIndex(of: "@") { name = name[name.index(after: at)...] }
        if let at = name.firstIndex(of: "@") { name = name[name.index(after: at)...] }
        return String(name)
    }
}
