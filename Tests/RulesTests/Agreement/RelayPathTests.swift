import Foundation
import MailMessage
import Testing
@testable import Rules

/// The `X-Spam-Relays-*` pseudo-headers, which about half of the corpus' ham hit RDNS_NONE
/// through before swfilter had them. Expected texts are SpamAssassin 4.0.1's for the same
/// messages (`relays_untrusted_str` and friends), byte for byte.
@Suite struct RelayPathTests {
    static let fetchedMessage = """
        Received: from localhost (localhost [127.0.0.1])
        \tby mail.example.org (Postfix) with ESMTP id 4F2A1123
        \tfor <me@example.org>; Mon, 2 Sep 2002 11:34:56 +0100 (IST)
        Received: from imap.example.org [192.168.1.5]
        \tby localhost with IMAP (fetchmail-5.9.0)
        \tfor me@localhost (single-drop); Mon, 02 Sep 2002 11:35:01 +0100 (IST)
        Received: from relay.example.net (unknown [203.0.113.9])
        \tby mx.example.org (Postfix) with ESMTP id 99EDA341DD;
        \tMon,  2 Sep 2002 11:34:50 +0100 (IST)
        Received: from sender.example.com (host.example.com [198.51.100.7])
        \tby relay.example.net (8.11.6/8.11.6) with ESMTP id g82AaFZ28780;
        \tMon, 2 Sep 2002 11:34:40 +0100
        Received: from unknown (HELO pc17) (198.51.100.20)
          by sender.example.com with SMTP; 2 Sep 2002 10:34:30 -0000
        From: a@example.com
        Subject: relays

        body

        """

    static let eximMessage = """
        Received: from [198.51.100.66] (helo=desktop)
        \tby mx.example.org with esmtp (Exim 3.35 #1 (Debian))
        \tid 17hskl-0002W7-00; Thu, 22 Aug 2002 07:18:03 -0700
        Received: from mail.example.com ([198.51.100.5])
        \tby desktop (8.11.6/8.11.6) with SMTP id LAA30670;
        \tMon, 2 Sep 2002 11:34:56 +0100
        X-Originating-IP: [203.0.113.77]
        From: a@example.com
        Subject: relays 2

        body

        """

    private func makeViews(_ text: String, originating: [String] = ["X-Originating-IP"]) throws -> SpamAssassinViews {
        var options = ViewOptions()
        options.originatingIPHeaders = originating
        return SpamAssassinViews(message: MailMessage(parsing: Array(text.utf8)), environment: try ViewEnvironment(options: options))
    }

    private func text(_ views: SpamAssassinViews, _ name: String) -> String? {
        views.headerText(name).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func postfixSendmailAndQmailHopsAfterAFetcher() throws {
        let views = try makeViews(Self.fetchedMessage)
        let expected = "[ ip=203.0.113.9 rdns= helo=relay.example.net by=mx.example.org ident= envfrom= intl=0 id=99EDA341DD auth= msa=0 ] "
            + "[ ip=198.51.100.7 rdns=host.example.com helo=sender.example.com by=relay.example.net ident= envfrom= intl=0 id=g82AaFZ28780 auth= msa=0 ] "
            + "[ ip=198.51.100.20 rdns= helo=pc17 by=sender.example.com ident= envfrom= intl=0 id= auth= msa=0 ]"
        #expect(text(views, "X-Spam-Relays-Untrusted") == expected)
        #expect(text(views, "X-Spam-Relays-External") == expected)
        // The fetcher's hand-over, seen while still trusted, starts the trusted list again.
        #expect(text(views, "X-Spam-Relays-Trusted") == "")
    }

    @Test func eximSendmailAndAnOriginatingAddress() throws {
        let views = try makeViews(Self.eximMessage)
        #expect(text(views, "X-Spam-Relays-Untrusted") ==
            "[ ip=198.51.100.66 rdns= helo=desktop by=mx.example.org ident= envfrom= intl=0 id=17hskl-0002W7-00 auth= msa=0 ] "
            + "[ ip=198.51.100.5 rdns= helo=mail.example.com by=desktop ident= envfrom= intl=0 id=LAA30670 auth= msa=0 ] "
            + "[ ip=203.0.113.77 rdns= helo= by= ident= envfrom= intl=0 id= auth= msa=0 ]")
        let withoutOriginating = try makeViews(Self.eximMessage, originating: [])
        #expect(text(withoutOriginating, "X-Spam-Relays-Untrusted")?.contains("203.0.113.77") == false)
    }

    @Test func privateHopsAreTrustedAndInternal() throws {
        let message = """
            Received: from gw.example.org (gw.example.org [10.0.0.1]) by mx.example.org (8.12.5/8.12.5) with ESMTP id g7MDcOZ08504; Thu, 22 Aug 2002 14:38:24 +0100
            Received: from out.example.com (out.example.com [198.51.100.2]) by gw.example.org (8.12.5/8.12.5) with ESMTP id g7MDcNi28645; Thu, 22 Aug 2002 14:38:23 +0100
            Subject: x

            body

            """
        let views = try makeViews(message)
        #expect(text(views, "X-Spam-Relays-Trusted") == "[ ip=10.0.0.1 rdns=gw.example.org helo=gw.example.org by=mx.example.org ident= envfrom= intl=1 id=g7MDcOZ08504 auth= msa=0 ]")
        #expect(text(views, "X-Spam-Relays-Internal") == text(views, "X-Spam-Relays-Trusted"))
        #expect(text(views, "X-Spam-Relays-Untrusted") == "[ ip=198.51.100.2 rdns=out.example.com helo=out.example.com by=gw.example.org ident= envfrom= intl=0 id=g7MDcNi28645 auth= msa=0 ]")
    }

    @Test func allExternalStartsAtTheFirstUntrustedReceived() throws {
        let views = try makeViews(Self.fetchedMessage)
        let external = try #require(text(views, "ALL-EXTERNAL"))
        #expect(external.hasPrefix("Received: from relay.example.net (unknown [203.0.113.9]) by mx.example.org (Postfix) with ESMTP id 99EDA341DD; Mon,  2 Sep 2002 11:34:50 +0100 (IST)\nReceived: from sender.example.com"))
        #expect(external.hasSuffix("From: a@example.com\nSubject: relays\n"))
        #expect(text(views, "ALL-UNTRUSTED") == external)
        // The trusted part runs down to that Received field, which it includes.
        let trusted = try #require(text(views, "ALL-TRUSTED"))
        #expect(trusted.hasPrefix("Received: from localhost (localhost [127.0.0.1])"))
        #expect(trusted.hasSuffix("Received: from relay.example.net (unknown [203.0.113.9]) by mx.example.org (Postfix) with ESMTP id 99EDA341DD; Mon,  2 Sep 2002 11:34:50 +0100 (IST)\n"))
        #expect(trusted.components(separatedBy: "Received:").count == 4)
    }

    @Test func directToMXNeedsASingleExternalReceived() throws {
        // SpamAssassin's __DOS_RELAYED_EXT: two Received fields in the external part.
        let rules = """
            header __RELAYED_EXT ALL-EXTERNAL =~ /(?:^|\\n)[Rr][eE][cC][eE][iI][vV][eE][dD]:\\s.+\\n[Rr][eE][cC][eE][iI][vV][eE][dD]:\\s/s
            meta RELAYED_EXT __RELAYED_EXT
            score RELAYED_EXT 0.1
            """
        let evaluator = RuleEvaluator(rules: CompiledRuleSet(RuleLoader().load(text: rules)))
        #expect(evaluator.evaluate(MailMessage(parsing: Array(Self.fetchedMessage.utf8))).match(named: "RELAYED_EXT") != nil)
        let single = """
            Received: from out.example.com (out.example.com [198.51.100.2]) by mx.example.org (8.12.5/8.12.5) with ESMTP id g7MDcNi28645; Thu, 22 Aug 2002 14:38:23 +0100
            Subject: x

            body

            """
        #expect(evaluator.evaluate(MailMessage(parsing: Array(single.utf8))).match(named: "RELAYED_EXT") == nil)
    }

    @Test func fieldsOfThatNameInTheMessageAreNotRead() throws {
        let message = "X-Spam-Relays-Untrusted: [ ip=1.2.3.4 rdns= ]\nSubject: x\n\nbody\n"
        #expect(text(try makeViews(message), "X-Spam-Relays-Untrusted") == "")
    }

    @Test func rdnsNoneHitsOnlyWhenTheFirstUntrustedHopHasNoName() throws {
        let rules = """
            header __RDNS_NONE X-Spam-Relays-Untrusted =~ /^[^\\]]+ rdns= /
            meta RDNS_NONE __RDNS_NONE
            score RDNS_NONE 0.8
            """
        let evaluator = RuleEvaluator(rules: CompiledRuleSet(RuleLoader().load(text: rules)))
        let unnamed = evaluator.evaluate(MailMessage(parsing: Array(Self.fetchedMessage.utf8)))
        #expect(unnamed.match(named: "RDNS_NONE") != nil)
        let named = Self.fetchedMessage.replacingOccurrences(of: "(unknown [203.0.113.9])", with: "(relay.example.net [203.0.113.9])")
        #expect(evaluator.evaluate(MailMessage(parsing: Array(named.utf8))).match(named: "RDNS_NONE") == nil)
    }
}
