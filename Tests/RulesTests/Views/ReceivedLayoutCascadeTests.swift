import Testing
@testable import Rules

/// SpamAssassin 4.0's `no_reverse_dns` relay flag: only layouts whose MTA always looks the
/// sender's name up say a missing name means there is none.
@Suite struct ReceivedLayoutCascadeTests {
    private func noReverseDNS(_ field: String) -> Bool {
        guard case .relay(let relay) = ReceivedLineParser.parse(field) else { return false }
        return relay.noReverseDNS
    }

    @Test func microsoftSMTPSVCNeverLooksNamesUp() {
        #expect(!noReverseDNS("from mx09.hotmail.com ([61.241.154.250]) by relay.example.net with Microsoft SMTPSVC(5.0.2195.2966); Tue, 3 Sep 2002 17:26:22 -0400"))
    }

    @Test func sendmailWithoutANameHasNoReverseDNS() {
        #expect(noReverseDNS("from mx09.hotmail.com ([61.241.154.250]) by relay.example.net (8.11.6/8.11.6) with ESMTP id g8416VZ13642; Wed, 4 Sep 2002 02:06:32 +0100"))
        #expect(!noReverseDNS("from mx09.hotmail.com (host.example.com [61.241.154.250]) by relay.example.net (8.11.6/8.11.6) with ESMTP id g8416VZ13642; Wed, 4 Sep 2002 02:06:32 +0100"))
    }

    @Test func postfixUnknownHasNoReverseDNS() {
        #expect(noReverseDNS("from mail.example.com (unknown [63.97.226.68]) by mx.example.net (Postfix) with ESMTP id AC0BD11410E; Sat, 28 Jul 2001 19:47:13 +0000"))
    }

    @Test func bareBracketedAddressLayoutTellsNothing() {
        // SMTPD32: `from HELO [IP] by HOST`
        #expect(!noReverseDNS("from jenyb.aol.com [65.160.252.196] by mail.example.com (SMTPD32-6.06) id AE70F2002C; Sun, 22 Jul 2001 16:58:24 -0400"))
    }

    @Test func qmailNamesTheHostOrSaysUnknown() {
        // qmail writes the looked-up name first: a name there means there is one
        #expect(!noReverseDNS("from n7.groups.yahoo.com ([61.119.126.210]) by relay.example.net with SMTP; Wed, 15 May 2002 01:28:40 +1200"))
        // "unknown" there: SpamAssassin takes it as not looked up
        #expect(!noReverseDNS("from unknown (HELO web13708.mail.yahoo.com) (141.52.163.69) by smtp4.example.com with SMTP; 26 May 2002 21:53:02 -0300"))
    }

    @Test func qmailRecordsTheNameEvenWhenItIsAnAddress() {
        // `from NAME ([IP]) by HOST with SMTP`: SpamAssassin's qmail layout takes NAME for the rDNS
        func rdns(_ field: String) -> String? {
            guard case .relay(let relay) = ReceivedLineParser.parse(field) else { return nil }
            return relay.rdns
        }
        #expect(rdns("from 198.51.100.23 ([198.51.100.23]) by smtp.example.com with SMTP; 28 Aug 2002 14:16:34 -0100") == "198.51.100.23")
        #expect(rdns("from n7.groups.example.com ([203.0.113.21]) by relay.example.net with SMTP; Wed, 15 May 2002 01:28:40 +1200")
            == "n7.groups.example.com")
        // lower-case "smtp" is not qmail's: no name recorded
        #expect(rdns("from host.example.org ([203.0.113.22]) by relay.example.net with smtp; Wed, 15 May 2002 01:28:40 +1200") == "")
    }

    @Test func eximRecordsNoLookup() {
        #expect(!noReverseDNS("from [61.174.163.26] (helo=mx.aol.com) by mx.example.net with smtp (Exim 3.31-VA-mm2 #1 (Debian)) id 18t2z0-0001NX-00; Wed, 12 Mar 2003 01:57:10 -0800"))
    }

    @Test func bareAddressBeforeTheBracketsIsTheHelo() {
        // sendmail: `from HELO ([IP]) by HOST (`; the HELO may be an address
        let field = "from 64.105.237.170 ([218.14.180.52]) by relay.example.net (8.9.3/8.9.3) with SMTP id VAA27894 for <a@example.net>; Mon, 26 Aug 2002 21:38:54 +0100"
        guard case .relay(let relay) = ReceivedLineParser.parse(field) else {
            Issue.record("not parsed")
            return
        }
        #expect(relay.helo == "64.105.237.170")
        #expect(relay.ip == "218.14.180.52")
        #expect(RelayEvals.heloMismatchesIP(relay))
    }

    @Test func yahooLoginLayoutGivesTheAddress() {
        // SpamAssassin's `from RDNS (HELO x) (user@IP with login) by HOST with` layout
        let field = "from unknown (HELO mfrenchw2k) (mfrench42@62.254.163.42 with login) by smtp.mail.vip.sc5.yahoo.com with SMTP; 9 Aug 2002 09:08:07 -0000"
        guard case .relay(let relay) = ReceivedLineParser.parse(field) else {
            Issue.record("not parsed")
            return
        }
        #expect(relay.ip == "62.254.163.42")
        #expect(relay.helo == "mfrenchw2k")
    }

    @Test func leadingAddressOutsideAnyKnownLayoutIsUnparseable() {
        // no layout SpamAssassin knows, and no bracketed address: it finds no sender
        #expect(ReceivedLineParser.parse("from 208.187.15.9 - 208.187.15.9 by mailer.example.com with Microsoft SMTPSVC(5.5.1775.675.6); Sat, 30 Jun 2001 13:29:28 +0200") == .unparseable)
        // its last resort: a bracketed address and a receiver
        guard case .relay(let relay) = ReceivedLineParser.parse("from odd stuff [198.51.100.4] by mailer.example.com with Microsoft SMTPSVC(5.5.1775.675.6); Sat, 30 Jun 2001 13:29:28 +0200") else {
            Issue.record("not parsed")
            return
        }
        #expect(relay.ip == "198.51.100.4")
    }

    /// Received fields (after "from ") of many MTAs' layouts, then pieces of them put together at random.
    static func sampleFromParts() -> [String] {
        let fixed = [
            "mx09.hotmail.com ([61.241.154.250]) by relay.example.net with Microsoft SMTPSVC(5.0.2195.2966)",
            "mx09.hotmail.com ([61.241.154.250]) by relay.example.net (8.11.6/8.11.6) with ESMTP id g8416VZ13642",
            "mail.example.com (unknown [63.97.226.68]) by mx.example.net (Postfix) with ESMTP id AC0BD11410E",
            "jenyb.aol.com [65.160.252.196] by mail.example.com (SMTPD32-6.06) id AE70F2002C",
            "n7.groups.yahoo.com ([61.119.126.210]) by relay.example.net with SMTP",
            "unknown (HELO web13708.mail.yahoo.com) (141.52.163.69) by smtp4.example.com with SMTP",
            "[61.174.163.26] (helo=mx.aol.com) by mx.example.net with smtp (Exim 3.31-VA-mm2 #1 (Debian)) id 18t2z0-0001NX-00",
            "unknown (HELO mfrenchw2k) (mfrench42@62.254.163.42 with login) by smtp.mail.vip.sc5.yahoo.com with SMTP",
            "host.example.org (host.example.org [10.0.0.1]) by mx.example.com (8.12.5/8.12.5) with ESMTP id x",
            "[192.0.2.1] by mail.example.com with HTTP; Sun",
            "192.0.2.1 (SquirrelMail authenticated user bob) by webmail.example.com with HTTP",
            "localhost (localhost [127.0.0.1]) by x.example.com (Postfix) with ESMTP id 1",
            "x.example.com ([192.0.2.7]) by y.example.com with POP3 (fetchmail-5.9.0)",
            "ns.example.com (ns.example.com [192.0.2.9]) by mx.example.com (8.9.3/8.9.3) with ESMTP id AAA1 for <a@b.c>",
            "[192.0.2.3] by x.example.com (ArGoSoft Mail Server)",
            "203.0.113.5 by mx.example.net with ESMTP",
            "pc (HELO pc) (203.0.113.6) by qmail.example.com (qpsmtpd/0.28) with ESMTP",
            "smtp.example.com (203.0.113.7) by relay.example.com with SMTP",
        ]
        let pieces = ["from ", "by ", "x.example.com ", "(", ")", " ", "[192.0.2.4]", "192.0.2.5", "(HELO h) ", "(EHLO h) ", "helo=h ",
                      "with ESMTP ", "with SMTP ", "with HTTP ", "id 1ABC ", "(Postfix) ", "(Exim 4) ", "Microsoft SMTPSVC ",
                      "unknown ", "@", "IPv6:::1 ", "via smap ", "with LMTP ", "(qmail-ldap) ", ".hotmail.msn.com ", "verified ",
                      "(CommuniGate Pro ", "with POP3 ", "with login) ", "mapi id 1.2.3.4 ", "(Lotus Domino ", "[XMail "]
        var generator = SystemRandomNumberGenerator()
        var parts = fixed
        for _ in 0..<300 {
            parts.append((0..<Int.random(in: 2...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return parts
    }

    @Test func unionsRuleOutOnlyLayoutsThatCannotMatch() {
        var read = 0
        for part in Self.sampleFromParts() {
            let bytes = Array(part.utf8)
            let united = bytes.withUnsafeBufferPointer { ReceivedLayoutCascade.read($0) }
            let separate = bytes.withUnsafeBufferPointer { ReceivedLayoutCascade.read($0, uniting: false) }
            #expect(united == separate, "\(part)")
            if united != nil { read += 1 }
            let ignorable = bytes.withUnsafeBufferPointer { IgnorableReceivedLine.anyPatternMatches($0) }
            #expect(ignorable == bytes.withUnsafeBufferPointer { IgnorableReceivedLine.anyPatternMatches($0, uniting: false) }, "\(part)")
        }
        #expect(read > 8)
    }
}
