import MailMessage
import Testing
@testable import Rules

/// The shortcuts that let an eval skip work (literal tests before the squeezed Received text,
/// first/last-byte tests before freemail wildcards, header dates read from the field bytes,
/// relay domains read in place) answer as the full paths, on generated input.
@Suite struct EvalPrefilterPathsTests {
    @Test func headerDateFromBytesMatchesTheUnfoldedText() throws {
        let pieces = ["Mon", ",", " ", "  ", "\t", "\n ", "\n\t", "\r\n ", "\r", "2", "13", "Sep", "sep", "2002", "02", "10:00:00",
                      "1:2", "+0000", "-0330", "EST", "GMT", "(x)", "caf\u{E9}", "x", "Date"]
        var generator = SplitMix(seed: 0xDA7E_0420)
        var values = ["", " ", "\n ", "Mon, 2 Sep 2002 10:00:00 +0000", " 2 Sep 2002 10:00:00 -0330\n ", "Mon,\n 2 Sep 2002\r\n 10:00:00 EST"]
        for _ in 0..<300 {
            values.append((0..<generator.next(below: 9)).map { _ in pieces[generator.next(below: pieces.count)] }.joined())
        }
        for value in values {
            let message = MailMessage(parsing: Array("Date:\(value)\nSubject: x\n\nbody\n".utf8))
            let field = try #require(message.headers.first("Date"))
            let unfolded = field.unfolded
            let expected = unfolded.isEmpty ? nil : RFC822Date.parse(unfolded)
            #expect(DateSummary.headerDate(field) == expected, "\(value.debugDescription)")
        }
    }

    /// `RelayHostNames.domain(ofHost:)` as it was: the bytes copied, the domain decoded from them.
    private func domainTheOldWay(_ host: String) -> String {
        let bytes = Array(host.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return RelayHostNames.unicodeDomain(ofHost: host) }
        guard bytes.contains(where: ByteClass.isLetter) else { return host }
        let dot = UInt8(ascii: ".")
        var end = bytes.count
        while end > 0, bytes[end - 1] == dot { end -= 1 }
        guard let lastDot = bytes[..<end].lastIndex(of: dot) else { return host }
        let last = Array(bytes[(lastDot + 1)..<end])
        let previousDot = bytes[..<lastDot].lastIndex(of: dot)
        let lastText = String(decoding: last, as: UTF8.self)
        if last.count >= 3 || lastText.contains("ie") || lastText.contains("fr") || lastText.contains("de") {
            return String(decoding: bytes[(previousDot.map { $0 + 1 } ?? 0)..<end], as: UTF8.self)
        }
        guard let previousDot else { return host }
        let thirdDot = bytes[..<previousDot].lastIndex(of: dot)
        return String(decoding: bytes[(thirdDot.map { $0 + 1 } ?? 0)..<end], as: UTF8.self)
    }

    @Test func relayDomainReadInPlaceMatchesTheCopy() {
        let pieces = ["mail", ".", "..", "example", "com", "co", "uk", "ie", "fr", "de", "d", "1", "127", "x", "caf\u{E9}", "-"]
        var generator = SplitMix(seed: 0x0D0_3A1F)
        var hosts = ["", ".", "localhost", "mx.example.com", "a.b.co.uk", "a.b.c.de", "mail.example.com..", "1.2.3.4", "caf\u{E9}.fr"]
        for _ in 0..<300 {
            hosts.append((0..<generator.next(below: 7)).map { _ in pieces[generator.next(below: pieces.count)] }.joined())
        }
        for host in hosts {
            #expect(RelayHostNames.domain(ofHost: host) == domainTheOldWay(host), "\(host.debugDescription)")
        }
    }

    @Test func freemailWildcardByteTestsMatchTheWalk() {
        let patternPieces = ["*", "?", "aol", ".", "co", "mail", "2", "net", "x"]
        let domainPieces = ["aol", ".", "co", "com", "mail", "2", "net", "x", "m", "caf\u{E9}"]
        var generator = SplitMix(seed: 0xF4EE_3A11)
        for _ in 0..<40 {
            var configuration = EvalConfiguration()
            configuration.freemailWildcards = (0..<(1 + generator.next(below: 4))).map { _ in
                Array((0..<(1 + generator.next(below: 4))).map { _ in patternPieces[generator.next(below: patternPieces.count)] }.joined().utf8)
            }
            for _ in 0..<8 {
                let domain = (0..<generator.next(below: 5)).map { _ in domainPieces[generator.next(below: domainPieces.count)] }.joined()
                let expected = configuration.freemailWildcards.contains { EvalConfiguration.wildcard($0[...], matches: Array(domain.utf8)[...]) }
                #expect(configuration.isFreemail("bob@" + domain) == expected,
                        "\(configuration.freemailWildcards.map { String(decoding: $0, as: UTF8.self) }) \(domain)")
            }
        }
    }

    @Test func fakeAOLRelayFoundAcrossWhiteSpaceAndCase() {
        let rule = "header TEST eval:check_for_fake_aol_relay_in_rcvd()"
        #expect(EvalHarness.hits(rule, EvalHarness.message(headers: "Received: from\n\tRLY-xa01.mx.aol.com by x", body: "hi\n")))
        #expect(!EvalHarness.hits(rule, EvalHarness.message(headers: "Received: from rlyxa01.mx.aol.com by x", body: "hi\n")))
        #expect(!EvalHarness.hits(rule, EvalHarness.message(headers: "Received: from mx.example.com by x", body: "hi\n")))
    }

    @Test func forgedHotmailNeedsTheHotmailHELO() {
        let rule = "header TEST eval:check_for_forged_hotmail_received_headers()"
        #expect(EvalHarness.hits(rule, EvalHarness.message(headers: "Received: from\n  relay.hotmail.com (x [1.2.3.4]) by mx.example.org", body: "hi\n")))
        #expect(!EvalHarness.hits(rule, EvalHarness.message(headers: "Received: from relay.HOTMAIL.COM (x [1.2.3.4]) by mx.example.org", body: "hi\n")))
    }
}
