import Testing
@testable import Rules

@Suite struct RelayEvalsTests {
    private let date = "Mon, 2 Sep 2002 10:00:00 +0000"

    /// A Postfix-style Received field: `from HELO (RDNS [IP]) by BY`.
    private func received(helo: String, rdns: String, ip: String, by: String) -> String {
        "Received: from \(helo) (\(rdns) [\(ip)])\n\tby \(by) (Postfix) with ESMTP id 4A1B2C3D; \(date)"
    }

    private func message(_ headers: [String]) -> String {
        headers.joined(separator: "\n") + "\nFrom: alice@example.com\nTo: bob@example.org\nSubject: hi\n\nhello\n"
    }

    private func hits(_ function: String, _ headers: [String]) -> Bool {
        EvalHarness.hits("header TEST eval:\(function)()", message(headers))
    }

    private var internalHop: String { received(helo: "desk.lan", rdns: "desk.lan", ip: "192.168.1.5", by: "mx.lan") }
    private var externalHop: String { received(helo: "out.sender.net", rdns: "out.sender.net", ip: "203.0.113.7", by: "mx.lan") }
    private let unparseableHop = "Received: from mail.example.com (weird stuff here) by mx.lan (Postfix) id 4A1B; Mon, 2 Sep 2002 10:00:00 +0000"

    @Test func allTrustedNeedsOnlyPrivateRelays() {
        #expect(hits("check_all_trusted", [internalHop]))
        #expect(!hits("check_all_trusted", [internalHop, externalHop]))
        #expect(!hits("check_all_trusted", [externalHop]))
        #expect(!hits("check_all_trusted", [internalHop, unparseableHop]))
        #expect(!hits("check_all_trusted", []))
    }

    @Test func noRelaysAndUnparseableRelays() {
        #expect(hits("check_no_relays", []))
        #expect(!hits("check_no_relays", [internalHop]))
        #expect(!hits("check_no_relays", [unparseableHop]))
        #expect(hits("check_relays_unparseable", [unparseableHop]))
        #expect(hits("check_relays_unparseable", [externalHop, unparseableHop]))
        #expect(!hits("check_relays_unparseable", [externalHop]))
        // a local hand-over is ignored, not unparseable
        #expect(!hits("check_relays_unparseable", ["Received: by mx.lan (Postfix, from userid 1000) id 1; \(date)"]))
    }

    @Test func heloAddressOutsideTheRelaysSlash24() {
        let mismatch = received(helo: "198.51.100.9", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(hits("helo_ip_mismatch", [mismatch]))
        let sameNetwork = received(helo: "203.0.113.99", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(!hits("helo_ip_mismatch", [sameNetwork]))
        let privateHelo = received(helo: "192.168.0.1", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(!hits("helo_ip_mismatch", [privateHelo]))
        // only untrusted relays count: a private sender is trusted
        let trusted = received(helo: "198.51.100.9", rdns: "unknown", ip: "10.0.0.7", by: "mx.lan")
        #expect(!hits("helo_ip_mismatch", [trusted]))
    }

    @Test func forgedReceivedTrailNeedsTwoBreaks() {
        let top = received(helo: "a.one.net", rdns: "a.one.net", ip: "203.0.113.1", by: "mx.example.org")
        func hop(_ name: String, _ ip: String, by: String) -> String { received(helo: name, rdns: name, ip: ip, by: by) }
        let forged = [top, hop("b.three.com", "203.0.113.2", by: "relay.two.com"), hop("c.five.net", "203.0.113.3", by: "relay.four.com")]
        #expect(hits("check_for_forged_received_trail", forged))
        let chained = [top, hop("b.three.com", "203.0.113.2", by: "x.one.net"), hop("c.five.net", "203.0.113.3", by: "y.three.com")]
        #expect(!hits("check_for_forged_received_trail", chained))
        let oneBreak = [top, hop("b.three.com", "203.0.113.2", by: "relay.two.com"), hop("c.five.net", "203.0.113.3", by: "y.three.com")]
        #expect(!hits("check_for_forged_received_trail", oneBreak))
        #expect(ForgedReceivedCounts([]).trail == 0)
    }

    @Test func hostnameToDomainKeepsTwoOrThreeLabels() {
        #expect(RelayHostNames.domain(ofHost: "mx1.mail.example.com") == "example.com")
        #expect(RelayHostNames.domain(ofHost: "mail.example.co.uk") == "example.co.uk")
        #expect(RelayHostNames.domain(ofHost: "smtp.example.ie") == "example.ie")
        #expect(RelayHostNames.domain(ofHost: "203.0.113.7") == "203.0.113.7")
        #expect(RelayHostNames.domain(ofHost: "localhost") == "localhost")
        #expect(RelayHostNames.isIPv4("203.0.113.7") && !RelayHostNames.isIPv4("203.0.113.07") && !RelayHostNames.isIPv4("256.1.1.1"))
    }

    @Test func dotcomHeloWithoutReverseDNS() {
        let forged = received(helo: "mx01.hotmail.com", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(hits("check_for_no_rdns_dotcom_helo", [forged]))
        let named = received(helo: "mx01.hotmail.com", rdns: "host.spam.net", ip: "203.0.113.7", by: "mx.example.org")
        #expect(!hits("check_for_no_rdns_dotcom_helo", [named]))
        let otherHelo = received(helo: "mail.example.net", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(!hits("check_for_no_rdns_dotcom_helo", [otherHelo]))
        // SpamAssassin's answer is the last public untrusted relay's
        #expect(!hits("check_for_no_rdns_dotcom_helo", [forged, named]))
        #expect(hits("check_for_no_rdns_dotcom_helo", [named, forged]))
    }

    @Test func dotcomHeloNeedsALayoutThatLooksNamesUp() {
        // Microsoft SMTPSVC records no reverse name at all: SpamAssassin cannot tell it is missing
        let smtpsvc = "Received: from mx09.hotmail.com ([61.241.154.250]) by relay.example.net with Microsoft SMTPSVC(5.0.2195.2966); \(date)"
        #expect(!hits("check_for_no_rdns_dotcom_helo", [smtpsvc]))
        let sendmail = "Received: from mx09.hotmail.com ([61.241.154.250]) by relay.example.net (8.11.6/8.11.6) with ESMTP id g8416VZ13642; \(date)"
        #expect(hits("check_for_no_rdns_dotcom_helo", [sendmail]))
    }

    @Test func envelopeSenderDomainMatchesFirstUntrustedRelay() {
        let hop = received(helo: "out.sender.net", rdns: "mail3.sender.net", ip: "203.0.113.7", by: "mx.example.org")
        #expect(hits("check_mailfrom_matches_rcvd", ["Return-Path: <bounce@news.sender.net>", hop]))
        #expect(!hits("check_mailfrom_matches_rcvd", ["Return-Path: <bounce@other.org>", hop]))
        #expect(!hits("check_mailfrom_matches_rcvd", [hop]))
        // only the first untrusted relay counts, not one further down
        let lower = received(helo: "x", rdns: "mx.other.org", ip: "198.51.100.2", by: "mail3.sender.net")
        #expect(!hits("check_mailfrom_matches_rcvd", ["Return-Path: <bounce@other.org>", hop, lower]))
        // with no untrusted relay, any trusted one may match
        let inside = received(helo: "desk", rdns: "desk.sender.net", ip: "10.1.1.1", by: "mx.sender.net")
        #expect(hits("check_mailfrom_matches_rcvd", ["Return-Path: <a@sender.net>", internalHop, inside]))
        // no reverse DNS name: nothing to compare
        let bare = received(helo: "out.sender.net", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(!hits("check_mailfrom_matches_rcvd", ["Return-Path: <bounce@sender.net>", bare]))
    }

    @Test func forgedIPHeloOutsideTheRelaysSlash16() {
        let forged = received(helo: "198.51.100.9", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(hits("check_for_forged_received_ip_helo", [forged]))
        let sameNetwork = received(helo: "203.0.9.9", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")
        #expect(!hits("check_for_forged_received_ip_helo", [sameNetwork]))
        // a receiver that is not a dotted name is skipped
        let localReceiver = received(helo: "198.51.100.9", rdns: "unknown", ip: "203.0.113.7", by: "localhost")
        #expect(!hits("check_for_forged_received_ip_helo", [localReceiver]))
    }

    @Test func numericHeloOnlyWhenPublic() {
        #expect(hits("check_for_numeric_helo", [received(helo: "198.51.100.9", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")]))
        #expect(!hits("check_for_numeric_helo", [received(helo: "192.168.0.9", rdns: "unknown", ip: "203.0.113.7", by: "mx.example.org")]))
        #expect(!hits("check_for_numeric_helo", [externalHop]))
        #expect(!hits("check_for_illegal_ip", [externalHop]))
    }

    @Test func senderNoReverseAsSpamAssassinWritesIt() {
        // SpamAssassin's code hits when the bottom untrusted relay has a dotted reverse name
        #expect(hits("check_for_sender_no_reverse", [externalHop]))
        #expect(!hits("check_for_sender_no_reverse", [received(helo: "x.example.net", rdns: "unknown", ip: "203.0.113.7", by: "mx.lan")]))
        #expect(!hits("check_for_sender_no_reverse", [internalHop]))
    }

    @Test func fromDomainInReceivedHeaders() {
        let ebay = received(helo: "dragnet.sjc.ebay.com", rdns: "dragnet.sjc.ebay.com", ip: "203.0.113.7", by: "bashir.ebay.com")
        let other = received(helo: "mail.spam.net", rdns: "mail.spam.net", ip: "203.0.113.7", by: "mx.example.org")
        func check(_ desired: String, from: String, _ hop: String) -> Bool {
            EvalHarness.hits("header TEST eval:check_for_from_domain_in_received_headers('ebay.com', '\(desired)')",
                             hop + "\nFrom: \(from)\nSubject: hi\n\nhello\n")
        }
        #expect(check("true", from: "aw@ebay.com", ebay))
        #expect(!check("false", from: "aw@ebay.com", ebay))
        #expect(check("false", from: "aw@ebay.com", other))
        #expect(!check("true", from: "aw@ebay.com", other))
        // a From address outside the domain answers false either way
        #expect(!check("true", from: "a@example.com", ebay) && !check("false", from: "a@example.com", other))
    }

    /// The byte reading of `hostname_to_domain` gives the character reading's answers.
    @Test func hostDomainsByBytesAgreeWithCharacters() {
        let hosts = ["mail.example.com", "a.b.example.co.uk", "x.y.mail.ie", "smtp.gmx.de", "a.b.c.fr", "a.b.c.jp", "b.jp", "localhost",
                     "192.0.2.1", "mail.example.com.", "a..b", "..", "", "a.", "WWW.Example.DE", "x.y.z.nt", "x.y.ni.e"]
        for host in hosts {
            #expect(RelayHostNames.domain(ofHost: host) == RelayHostNames.unicodeDomain(ofHost: host), "\(host)")
        }
        #expect(RelayHostNames.domain(ofHost: "a.b.c.jp") == "b.c.jp")
        #expect(RelayHostNames.domain(ofHost: "mail.example.com") == "example.com")
    }
}

