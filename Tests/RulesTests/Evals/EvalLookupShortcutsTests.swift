import MailMessage
import Testing
@testable import Rules

/// The lookup shortcuts of the eval phase (freemail and address lists, URI host lists, header
/// requests, registry domains, private addresses) answer as the String paths they replaced, on
/// generated input with non-ASCII text.
@Suite struct EvalLookupShortcutsTests {
    /// `isFreemail` as it was: welcomelists and the role pattern before the domain lookups.
    private func freemailInOldOrder(_ configuration: EvalConfiguration, _ email: String) -> Bool {
        guard !email.isEmpty, !configuration.freemailWelcomelist.contains(email) else { return false }
        guard let at = email.lastIndex(of: "@") else { return false }
        let domain = String(email[email.index(after: at)...])
        if configuration.freemailWelcomelist.contains(domain) || FreemailPatterns.isRoleAddress(email) { return false }
        if configuration.freemailDomains.contains(domain) { return true }
        return configuration.freemailWildcards.contains { EvalConfiguration.wildcard($0[...], matches: Array(domain.utf8)[...]) }
    }

    @Test func freemailTestMatchesTheOldOrder() {
        var configuration = EvalConfiguration()
        configuration.freemailDomains = ["hotmail.com", "yahoo.co.uk", "caf\u{E9}.fr"]
        configuration.freemailWildcards = [Array("*.mail.ru".utf8), Array("gmx.?e".utf8)]
        var welcomelisted = configuration
        welcomelisted.freemailWelcomelist = ["bob@hotmail.com", "yahoo.co.uk"]
        let users = ["bob", "abuse", "a=b=c", "info", "Bob", "x", "", "undisclosed-recipients", "e\u{301}"]
        let domains = ["hotmail.com", "yahoo.co.uk", "a.mail.ru", "mail.ru", "gmx.de", "gmx.net", "example.com", "caf\u{E9}.fr", ""]
        for user in users {
            for domain in domains {
                for email in ["\(user)@\(domain)", "\(user)@x@\(domain)", user] {
                    #expect(configuration.isFreemail(email) == freemailInOldOrder(configuration, email), "\(email)")
                    #expect(welcomelisted.isFreemail(email) == freemailInOldOrder(welcomelisted, email), "\(email)")
                }
            }
        }
        #expect(configuration.isFreemail("bob@hotmail.com"))
        #expect(!welcomelisted.isFreemail("bob@hotmail.com"))
    }

    @Test func addressGlobsMatchWithTheirEndTest() {
        let pieces = ["*", "?", "a", "b", "@", ".", "com", "*@", "*.", "\u{E9}"]
        var generator = SplitMix(seed: 0x6106)
        for _ in 0..<400 {
            let pattern = Array((0..<(1 + generator.next(below: 5))).map { _ in pieces[generator.next(below: pieces.count)] }.joined().utf8)
            let text = Array((0..<generator.next(below: 6)).map { _ in pieces[generator.next(below: pieces.count - 2) + 2] }.joined().utf8)
            let expected = AddressList.glob(pattern[...], matches: text[...])
            #expect(AddressList.Pattern(pattern).matches(text) == expected,
                    "\(String(decoding: pattern, as: UTF8.self)) \(String(decoding: text, as: UTF8.self))")
        }
    }

    @Test func addressListRemovalKeepsTheOtherPatterns() {
        var list = AddressList()
        for pattern in ["*@*.gov", "*@paypal.com", "a?c@x.org", "*@*.icu", "bob@example.com"] { list.add(pattern) }
        list.remove("*@*.gov")
        list.add("*@*.icu")
        #expect(!list.contains("clerk@city.gov"))
        #expect(list.contains("me@paypal.com"))
        #expect(list.contains("abc@x.org"))
        #expect(list.contains("spam@shop.ICU"))
        #expect(list.contains("bob@example.com"))
        list.remove("a?c@x.org")
        #expect(!list.contains("abc@x.org"))
        #expect(list.contains("spam@shop.icu"))
    }

    /// `URIEvals.host(of:)` as it was: the lower-cased authority copied, then decoded.
    private func hostTheOldWay(_ uri: [UInt8]) -> String? {
        guard let colon = uri.firstIndex(of: UInt8(ascii: ":")), uri.count > colon + 2,
              uri[colon + 1] == UInt8(ascii: "/"), uri[colon + 2] == UInt8(ascii: "/") else { return nil }
        var authority = uri[(colon + 3)...]
        if let end = authority.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            authority = authority[..<end]
        }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        if authority.first != UInt8(ascii: "["), let port = authority.lastIndex(of: UInt8(ascii: ":")) { authority = authority[..<port] }
        let host = ASCII.string(ASCII.lowercased(authority))
        return host.isEmpty ? nil : host
    }

    @Test func uriHostsAndListShortcutMatchTheFullLookup() {
        let pieces: [[UInt8]] = ["http://", "MAILTO:", "mailto", "HTTPS://", "WWW", ".", "Example", "icu", "COM", "@", ":80", "/", "?", "[1.2.3.4]",
                                 "caf\u{E9}", "x"].map { Array($0.utf8) } + [[0xFF]]
        let list: [String: Bool] = ["icu": true, "example.com": true, "good.example.com": false, "1.2.3.4": true, "xn--caf-dma": true]
        let labels = URIEvals.lastLabels(of: list)
        #expect(labels != nil)
        #expect(URIEvals.lastLabels(of: ["caf\u{E9}": true]) == nil)
        var generator = SplitMix(seed: 0x0421)
        for _ in 0..<400 {
            let uri = (0..<(1 + generator.next(below: 7))).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            let text = String(decoding: uri, as: UTF8.self).debugDescription
            #expect(URIEvals.isMailto(uri) == ASCII.lowercased(uri.prefix(7)).elementsEqual("mailto:".utf8), "\(text)")
            let host = URIEvals.host(of: uri)
            #expect(host == hostTheOldWay(uri), "\(text)")
            guard let host else { continue }
            let listed = URIEvals.isListed(keys: URIEvals.listKeys(of: host), in: list)
            if listed { #expect(URIEvals.mayBeListed(host, lastLabels: labels), "\(text)") }
        }
        #expect(!URIEvals.mayBeListed("www.example.org", lastLabels: labels))
        #expect(URIEvals.mayBeListed("shop.icu", lastLabels: labels))
        #expect(URIEvals.mayBeListed("[1.2.3.4]", lastLabels: labels))
    }

    @Test func plainFieldShortcutOnlyAnswersWhatTheViewAnswersEmpty() {
        let message = MailMessage(parsing: Array(EvalHarness.message(headers: "Received: from a by b; Mon, 2 Sep 2002 10:00:00 +0000", body: "hello\n").utf8))
        let views = SpamAssassinViews(message: message, envelopeFrom: "sender@example.net")
        let names = ["ALL", "ALL-TRUSTED", "ALL-UNTRUSTED", "EnvelopeFrom", "envelopefrom", "ToCc", "tocc", "MESSAGEID", "X-Spam-Relays-Untrusted",
                     "x-spam-relays-trusted", "Resent-From", "X-Envelope-From", "From", "Subj\u{E9}ct", "K\u{212A}", ""]
        for name in names {
            for modifiers in ["", ":addr", ":raw", ":first:addr", ":name"] {
                let request = HeaderRequest(parsing: name + modifiers)
                guard EvalContext.namesPlainField(request.name), !views.headers.contains(request.name) else { continue }
                #expect(views.headers.values(for: request, envelopeFrom: views.envelopeFrom).isEmpty, "\(name + modifiers)")
            }
        }
        #expect(!EvalContext.namesPlainField("EnvelopeFrom"))
        #expect(!EvalContext.namesPlainField("MESSAGEID"))
        #expect(EvalContext.namesPlainField("Resent-From"))
    }

    @Test func byteSearchInStringsMatchesTheUTF8View() {
        for text in ["", "%", "a%b", "caf\u{E9}%", "abcdefghijklmnopqrstuvwxyz", "e\u{301}", String(repeating: "x", count: 40) + "%"] {
            #expect(ASCII.contains(UInt8(ascii: "%"), in: text) == text.utf8.contains(UInt8(ascii: "%")))
            #expect(ASCII.contains(0xCC, in: text) == text.utf8.contains(0xCC))
        }
    }

    @Test func wordKeysCompareAsTheirBytes() {
        var counts: [WordKey: Int] = [:]
        for word in [[0x61], [0x61], [0x61, 0x00], [], [0xFF], [0x61]] as [[UInt8]] { counts[WordKey(word), default: 0] += 1 }
        #expect(counts[WordKey([0x61])] == 3)
        #expect(counts[WordKey([0x61, 0x00])] == 1)
        #expect(counts[WordKey([])] == 1)
        #expect(counts.count == 4)
    }

    /// `RegistryDomains.trim` as it was: by Characters.
    private func trimByCharacters(_ host: String) -> String {
        let labels = host.lowercased().split(separator: ".").map(String.init)
        guard labels.count > 2 else { return labels.joined(separator: ".") }
        let common: Set<String> = ["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil", "nom"]
        let count = labels[labels.count - 1].count == 2 && common.contains(labels[labels.count - 2]) ? 3 : 2
        return labels.suffix(count).joined(separator: ".")
    }

    @Test func registryTrimMatchesTheCharacterPath() {
        let pieces = [".", "..", "www", "Mail", "CO", "com", "uk", "u", "org", "\r\n", "\r", "\u{E9}", "e\u{301}", "\u{212A}", "x y"]
        var generator = SplitMix(seed: 0x7D1)
        var hosts = ["", ".", "a.b.c.d.e", "mail.example.co.uk", "EXAMPLE.COM", "a..co.uk.", "x.ne.jp"]
        for _ in 0..<400 { hosts.append((0..<generator.next(below: 8)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()) }
        for host in hosts {
            #expect(RegistryDomains.trim(host, tlds: []) == trimByCharacters(host), "\(host.debugDescription)")
        }
    }

    @Test func firstValueRequestsMatchTheSplit() {
        let pieces = ["From", ":", "addr", "name", "raw", "first", "EnvelopeFrom", "Addr", "\u{E9}", " "]
        var generator = SplitMix(seed: 0xF125)
        var requests = ["EnvelopeFrom", ":addr", "::addr", "From::addr", "From:addr:", "addr:addr", "From:first:name", "EnvelopeFrom:raw"]
        for _ in 0..<300 { requests.append((0..<generator.next(below: 6)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()) }
        for request in requests {
            let modifiers = request.utf8.split(separator: UInt8(ascii: ":")).dropFirst()
            let expected = modifiers.contains(where: { $0.elementsEqual("addr".utf8) || $0.elementsEqual("name".utf8) }) || request == "EnvelopeFrom"
            #expect(EvalContext.takesFirstValue(request) == expected, "\(request.debugDescription)")
        }
    }

    @Test func privateAddressBytesMatchTheSplitAndIntParse() {
        let pieces = ["10", "127", "169", "254", "172", "16", "31", "32", "192", "168", "100", "64", "128", ".", ".", "+", "-", "0", "00",
                      "99999999999999999999", "9223372036854775807", "9223372036854775808", "x", " ", "\u{E9}", ".\u{301}", "\r\n"]
        var generator = SplitMix(seed: 0x1919)
        var texts = ["10.0.0.1", "10.", "10.+5", "10.-5", "-0.1", "127.x", "172.-16", "192.168", "+192.+168.1.1", "10.99999999999999999999",
                     "169.-9223372036854775808", "", "."]
        for _ in 0..<400 { texts.append((0..<generator.next(below: 6)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()) }
        for text in texts {
            #expect(RelayHostNames.isPrivate(text) == ReceivedRelay(ip: text).isPrivateAddress, "\(text.debugDescription)")
        }
    }

    @Test func imageTypePrefilterKeepsEveryImageType() {
        let types = ["image", "IMAGE", "imag", "images", "text", "i\u{307}mage", "\u{130}MAGE", "image/gif", ""]
        let subtypes = ["gif", "png", "jpeg", "jpg", "GIF", "", "/gif"]
        for type in types {
            for subtype in subtypes where ["image/gif", "image/png", "image/jpeg", "image/jpg"].contains(ContentType(type: type, subtype: subtype).mimeType.lowercased()) {
                #expect(ImageSummary.typeMayBeImage(type), "\(type) \(subtype)")
            }
        }
        #expect(!ImageSummary.typeMayBeImage("text"))
    }
}
