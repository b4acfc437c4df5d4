import Testing
@testable import Rules

/// Received fields SpamAssassin 4.0.1 skips (neither a relay nor unparseable), taken from corpus
/// messages where swfilter used to hit UNPARSEABLE_RELAY and SpamAssassin did not.
@Suite struct IgnorableReceivedLineTests {
    @Test(arguments: [
        // Exim local submission (the shape of a Debian Exim local delivery).
        "from alice by hostone with local (Exim 3.35 #1 (Debian)) id\n    17aBC1-0001Aa-00 for <list@example.org>; Mon, 07 Oct 2002 09:30:01 +0100",
        "from bob by mail.example.net with local (Exim 3.36 #1 (Debian))\n    id 17aBC2-0002Bb-00 for <list@example.org>; Tue, 08 Oct 2002 03:10:04 -0700",
        // A firewall's smtpd that records no sending address (the shape of an old firewall relay).
        "from gate.example.com by [192.0.2.146] via smtpd (for\n    relay.example.org [198.51.100.45]) with SMTP; 2 Sep 2002 10:26:06 UT",
        // Local submission through sendmail.
        "(from username@localhost) by home.example.com\n    (8.12.11/8.12.11/Submit) id iBADHRP6011034; Fri, 10 Dec 2004 13:17:27 GMT",
        "from raptor.example.com (bala@localhost) by\n    raptor.example.com (SGI-8.9.3/8.8.7) with ESMTP id KAA14788; Fri, 7 Mar 2003 10:37:56 -0500",
        "from paul (helo=felix) by felix.example.org with local-esmtp (Exim 4.43)\n    id 1Ccq0j-0002k2-Lk; Fri, 10 Dec 2004 19:01:01 +0000",
    ])
    func skippedLayoutsAreIgnored(field: String) {
        #expect(ReceivedLineParser.parse(field) == .ignored)
    }

    @Test func garbledFieldsStayUnparseable() {
        #expect(ReceivedLineParser.parse("from somewhere (no address here) by mx.example.org; Mon, 2 Sep 2002 11:34:56 +0100") == .unparseable)
    }

    @Test func ignoredFieldsAreNotCountedAsUnparseable() {
        let path = RelayPath(received: [
            "from relay.example.org (postfix@relay.example.org [198.51.100.45])\n    by mx.example.net (8.11.6/8.11.6) with ESMTP id g978UXK24245; Mon, 7 Oct 2002 09:30:33 +0100",
            "from alice by hostone with local (Exim 3.35 #1 (Debian)) id\n    17aBC1-0001Aa-00 for <list@example.org>; Mon, 07 Oct 2002 09:30:01 +0100",
            "from gate.example.com by [192.0.2.146] via smtpd (for\n    relay.example.org [198.51.100.45]) with SMTP; 2 Sep 2002 10:26:06 UT",
        ])
        #expect(path.unparseableCount == 0)
        #expect(path.untrustedRelays.count == 1)
    }
}
