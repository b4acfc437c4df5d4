import MailMessage
import Testing
@testable import Rules

/// The stock relay rules on messages whose hits `spamassassin -L -t` (4.0.1) reported.
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
struct StockRelayRulesTests {
    static let relayRules = ["ALL_TRUSTED", "NO_RELAYS", "__UNPARSEABLE_RELAY_COUNT", "RCVD_HELO_IP_MISMATCH", "__FORGED_RCVD_TRAIL",
                             "NO_RDNS_DOTCOM_HELO", "__RP_MATCHES_RCVD"]
    private static let tail = "From: alice@example.com\nTo: bob@example.org\nSubject: hi\nDate: Mon, 2 Sep 2002 10:00:00 +0000\n\nhello\n"
    private static func hop(_ from: String, by: String) -> String {
        "Received: from \(from)\n\tby \(by) (Postfix) with ESMTP id 4A1B2C3D; Mon, 2 Sep 2002 10:00:00 +0000\n"
    }

    static let cases: [(message: String, hits: Set<String>)] = [
        ("Return-Path: <bounce@sender.net>\n" + hop("a.one.net (a.one.net [203.0.113.1])", by: "mx.example.org")
            + hop("b.three.com (b.three.com [203.0.113.2])", by: "relay.two.com")
            + hop("mx01.hotmail.com (unknown [198.51.100.7])", by: "relay.four.com") + tail,
         ["NO_RDNS_DOTCOM_HELO", "__FORGED_RCVD_TRAIL"]),
        ("Return-Path: <bounce@sender.net>\n" + hop("out.sender.net (mail3.sender.net [203.0.113.7])", by: "mx.example.org")
            + hop("198.51.100.9 (unknown [203.0.113.8])", by: "out.sender.net")
            + "Received: from mail.example.com (weird stuff here) by mx.lan (Postfix) id 4A1B; Mon, 2 Sep 2002 10:00:00 +0000\n" + tail,
         ["RCVD_HELO_IP_MISMATCH", "__RP_MATCHES_RCVD", "__UNPARSEABLE_RELAY_COUNT"]),
        (hop("desk.lan (desk.lan [192.168.1.5])", by: "mx.lan") + tail, ["ALL_TRUSTED"]),
    ]

    @Test(arguments: 0..<cases.count) func relayRulesAgreeWithSpamAssassin(_ index: Int) throws {
        let ruleSet = StockRulesTests.ruleSet
        let (message, expected) = Self.cases[index]
        let evaluation = RuleEvaluator(rules: CompiledRuleSet(ruleSet), evaluatesAllSubRules: true).evaluate(MailMessage(parsing: Array(message.utf8)))
        var hits: Set<String> = []
        for name in Self.relayRules {
            let id = try #require(ruleSet.id(named: name), "\(name) is not a stock rule")
            if evaluation.counts[id.index] > 0 { hits.insert(name) }
        }
        #expect(hits == expected)
    }
}
