import MailMessage
import Testing
@testable import Rules

/// The one-pass and byte-level paths of the eval phase give what the line loops, String
/// operations and regexes they replaced gave, on generated input with non-ASCII text and
/// invalid UTF-8.
@Suite struct EvalFastPathsTests {
    private static let unicodeEntity = try! CompiledRegex("&#x[0-9A-F]{4};")

    /// The line loop `MIMEStatistics` ran before `PlainTextCensus`.
    private func censusByLines(_ body: ArraySlice<UInt8>) -> (lineBytes: Int, illegalLines: Int, entities: Int) {
        var lineBytes = 0, illegal = 0, entities = 0
        MIMEStatistics.forEachLine(body) { line, count in
            lineBytes += count
            if line.contains(where: { $0 == 0x00 || $0 == 0x0D || $0 >= 0x80 }) { illegal += 1 }
            entities += Array(line).withUnsafeBufferPointer { Self.unicodeEntity.count(in: $0).count }
        }
        return (lineBytes, illegal, entities)
    }

    @Test func plainTextCensusMatchesTheLineLoop() {
        let pieces: [[UInt8]] = ["a", "&#x00E9;", "&#xABCD;", "&#x12g4;", "&#xabcd;", "&#x", "&", ";", "\r", "\n", "\r\n", "\r\r\n", " ",
                                 "caf\u{E9}"].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE9, 0x0A]]
        var generator = SplitMix(seed: 0x5EED_0401)
        var bodies: [[UInt8]] = [[], Array("\r".utf8), Array("\n".utf8), Array("x\r".utf8), Array("&#x0041;".utf8)]
        for _ in 0..<400 {
            bodies.append((0..<generator.next(below: 14)).flatMap { _ in pieces[generator.next(below: pieces.count)] })
        }
        for body in bodies {
            // a slice that does not start at 0, as a part's raw body is
            let framed = [0x41] + body + [0x42]
            let slice = framed[1..<(framed.count - 1)]
            let census = PlainTextCensus(slice)
            let expected = censusByLines(slice)
            let text = String(decoding: body, as: UTF8.self).debugDescription
            #expect(census.lineBytes == expected.lineBytes, "\(text)")
            #expect(census.illegalLines == expected.illegalLines, "\(text)")
            #expect(census.unicodeEntities == expected.entities, "\(text)")
        }
    }

    @Test func lowercasedAndTrimmedMatchesTheStringPath() {
        let pieces: [[UInt8]] = [" ", "\t", "\r\n", "\r", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "A", "z", "Base64", "-", "\u{C9}", "\u{A0}", "\u{85}",
                                 "\u{2003}", "e\u{301}"].map { Array($0.utf8) } + [[0xFF], [0xC3]]
        var generator = SplitMix(seed: 0x7121)
        for _ in 0..<300 {
            let bytes = (0..<generator.next(below: 7)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(MIMEStatistics.lowercasedAndTrimmed(text) == text.lowercased().trimmingCharacters(), "\(text.debugDescription)")
        }
    }

    @Test func charsetTestsMatchTheCharacterPaths() {
        let pieces = ["a", "Z", "-", "8", "\u{301}", "\u{E9}", "iso", "ISO-", "base64", "attachment", " ", "\u{FFFD}"]
        var generator = SplitMix(seed: 0xC4A5)
        for _ in 0..<300 {
            let text = (0..<generator.next(below: 6)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            #expect(MIMEStatistics.hasASCIILetterCharacter(text) == text.contains(where: { $0.isASCII && $0.isLetter }), "\(text.debugDescription)")
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(MIMEStatistics.contains(text, "attachment") == ASCII.contains(Array(text.utf8), Array("attachment".utf8)))
                #expect(MIMEStatistics.contains(text, "base64") == ASCII.contains(Array(text.utf8), Array("base64".utf8)))
            }
        }
    }

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
        let list: [String: Bool] = ["icu": true, "example.com": true, "good.example.com": false, "1.2.3.4": true, "caf\u{E9}": true]
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
        let message = MailMessage(parsing: Array(EvalHarness.message(headers: "Received: from a by b; Mon, 2 Sep 2002 10:00:00 +0000").utf8))
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

    /// `ReceivedEvals.squeezed` as it was: appended byte by byte, looking back at the last one.
    private func squeezedByAppending(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        for byte in text {
            if ASCII.isPerlSpace(byte) {
                if result.last != 0x20 { result.append(0x20) }
            } else {
                result.append(byte)
            }
        }
        return result
    }

    @Test func squeezedReceivedMatchesAppending() {
        let pieces: [[UInt8]] = [[0x20], [0x09], [0x0A], [0x0D], [0x0B], [0x0C], [0x41], [0xFF], [0xA0], [0x85], [0x1C]]
        var generator = SplitMix(seed: 0x5A5A)
        for _ in 0..<300 {
            let text = (0..<generator.next(below: 12)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            #expect(ReceivedEvals.squeezed(text) == squeezedByAppending(text), "\(text)")
        }
    }

    /// Mostly printable ASCII, as header sections are, so that whole eight-byte words skip the
    /// byte-by-byte count.
    @Test func headerByteCensusWordSkipMatchesByteCounts() {
        var generator = SplitMix(seed: 0xCE4505)
        let rare: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x0B, 0x1F, 0x7F, 0x80, 0xA2, 0xAE, 0xC3, 0xFF, 0x20]
        let isControl: (UInt8) -> Bool = { $0 <= 0x08 || $0 == 0x0B || $0 == 0x0C || (0x0E...0x1F).contains($0) }
        for round in 0..<300 {
            let text: [UInt8] = (0..<generator.next(below: 90)).map { _ in
                if round % 3 == 0 { return 0x20 }
                return generator.next(below: 12) == 0 ? rare[generator.next(below: rare.count)] : UInt8(0x20 + generator.next(below: 0x5F))
            }
            let census = HeaderEvals.ByteCensus(text)
            #expect(census.hasNonSpace == text.contains(where: { !ASCII.isPerlSpace($0) }))
            #expect(census.hasHighBit == text.contains(where: { $0 >= 0x80 }))
            #expect(census.controls == text.reduce(0) { $0 + (isControl($1) ? 1 : 0) })
            #expect(census.deleteOrHighBit == text.reduce(0) { $0 + ($1 >= 0x7F ? 1 : 0) })
            #expect(census.exemptSymbols == text.reduce(0) { $0 + ($1 == 0xA2 || $1 == 0xA3 || $1 == 0xAE ? 1 : 0) })
        }
    }

    /// `BodyEvals.verticalWords` as it was: characters and spaces counted in two passes.
    private func verticalWordsInTwoPasses(_ texts: [[UInt8]]) -> Double {
        var result = -1
        for text in texts {
            let length = MIMEStatistics.characterCount(text)
            guard length > 5 else { continue }
            let spaces = text.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) }
            let others = length - spaces
            result = max(result, spaces > others || others == 0 ? 100 : 100 * spaces / others)
        }
        return Double(result)
    }

    @Test func verticalWordsMatchesTwoPasses() {
        let pieces: [[UInt8]] = [[0x20], [0x20, 0x20], [0x41], [0xC3, 0xA9], [0xE2, 0x80, 0x83], [0x80], [0xFF], [0x09]]
        var generator = SplitMix(seed: 0x7E27)
        for _ in 0..<300 {
            let texts = (0..<generator.next(below: 4)).map { _ in
                (0..<generator.next(below: 14)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            }
            #expect(BodyEvals.verticalWords(texts) == verticalWordsInTwoPasses(texts), "\(texts)")
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
}
