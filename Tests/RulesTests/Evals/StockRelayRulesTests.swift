import MailMessage
import Testing
@testable import Rules

/// The stock relay rules on a message whose hits `spamassassin -t` (4.0.1) reported:
/// NO_RDNS_DOTCOM_HELO and __FORGED_RCVD_TRAIL hit; ALL_TRUSTED, NO_RELAYS,
/// __UNPARSEABLE_RELAY_COUNT, RCVD_HELO_IP_MISMATCH and __RP_MATCHES_RCVD do not.
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
struct StockRelayRulesTests {
    private let message = """
        Return-Path: <bounce@sender.net>
        Received: from a.one.net (a.one.net [203.0.113.1])
        \tby mx.example.org (Postfix) with ESMTP id 4A1B2C3D; Mon, 2 Sep 2002 10:00:00 +0000
        Received: from b.three.com (b.three.com [203.0.113.2])
        \tby relay.two.com (Postfix) with ESMTP id 4A1B2C3E; Mon, 2 Sep 2002 10:00:00 +0000
        Received: from mx01.hotmail.com (unknown [198.51.100.7])
        \tby relay.four.com (Postfix) with ESMTP id 4A1B2C3F; Mon, 2 Sep 2002 10:00:00 +0000
        From: alice@example.com
        To: bob@example.org
        Subject: hi
        Date: Mon, 2 Sep 2002 10:00:00 +0000
        Message-ID: <1@example.com>

        hello

        """

    @Test func relayRulesAgreeWithSpamAssassin() throws {
        let ruleSet = StockRulesTests.ruleSet
        let evaluation = RuleEvaluator(rules: CompiledRuleSet(ruleSet)).evaluate(MailMessage(parsing: Array(message.utf8)))
        func hit(_ name: String) throws -> Bool {
            let id = try #require(ruleSet.id(named: name), "\(name) is not a stock rule")
            return evaluation.counts[id.index] > 0
        }
        #expect(try hit("NO_RDNS_DOTCOM_HELO"))
        #expect(try hit("__FORGED_RCVD_TRAIL"))
        for name in ["ALL_TRUSTED", "NO_RELAYS", "__UNPARSEABLE_RELAY_COUNT", "RCVD_HELO_IP_MISMATCH", "__RP_MATCHES_RCVD"] {
            #expect(try !hit(name), "\(name)")
        }
    }
}
