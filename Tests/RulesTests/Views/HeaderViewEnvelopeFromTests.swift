import MailMessage
import Testing
@testable import Rules

/// The envelope sender SpamAssassin 4.0's `get_envelope_from` guesses when none is given.
@Suite struct HeaderViewEnvelopeFromTests {
    private func guess(_ headers: String) -> String? {
        let message = MailMessage(parsing: Array((headers + "\nSubject: s\n\nbody\n").utf8))
        return SpamAssassinViews(message: message).envelopeFrom
    }

    private static let untrustedHopWithEnvelope = """
        Received: from mx.lists.example.org (mx.lists.example.org [203.0.113.5])
        \tby mail.example.net (8.12.5/8.12.5) with ESMTP id g6LK9ZCU010132
        \tfor <rcpt@example.net>; Sun, 21 Jul 2002 15:09:36 -0500 (CDT)
        \t(envelope-from owner-list@lists.example.org)
        """

    @Test func lastUntrustedRelaysEnvelopeFromComesFirst() {
        let headers = "Return-Path: <bounce@elsewhere.example>\n" + HeaderViewEnvelopeFromTests.untrustedHopWithEnvelope
        #expect(guess(headers) == "owner-list@lists.example.org")
    }

    @Test func relayEnvelopeFromWithoutAtSignIsSkipped() {
        let headers = "Return-Path: <bounce@elsewhere.example>\n"
            + HeaderViewEnvelopeFromTests.untrustedHopWithEnvelope.replacing("owner-list@lists.example.org", with: "MAILER-DAEMON")
        #expect(guess(headers) == "bounce@elsewhere.example")
    }

    @Test func onlyTheLastUntrustedRelayCounts() {
        // The envelope sender of an older hop is not the one that reached us.
        let headers = """
            Return-Path: <bounce@elsewhere.example>
            Received: from mx.example.org (mx.example.org [203.0.113.9])
            \tby mail.example.net with ESMTP id AB12345; Sun, 21 Jul 2002 15:09:36 -0500
            """ + "\n" + HeaderViewEnvelopeFromTests.untrustedHopWithEnvelope.replacing("by mail.example.net", with: "by mx.example.org")
        #expect(guess(headers) == "bounce@elsewhere.example")
    }

    @Test func xSenderWithFetchmailMeansNoEnvelope() {
        let headers = """
            Return-Path: <list-bounce@lists.example.org>
            X-Sender: poster@example.com
            Received: from localhost [127.0.0.1]
            \tby home.example.net with POP3 (fetchmail-5.9.0)
            \tfor rcpt@localhost (single-drop); Thu, 03 Oct 2002 13:07:26 +0100 (IST)
            """
        #expect(guess(headers) == nil)
        #expect(guess(headers.replacing("X-Sender: poster@example.com", with: "X-Sender: poster")) == "list-bounce@lists.example.org")
    }

    @Test func returnPathBelowAnyReceivedMeansItCannotBeTrusted() {
        // SpamAssassin checks for any Received field above any Return-Path field, not only the first.
        let headers = """
            Return-Path: local@delivery.example
            Received: via dmail-2002(12) for +lists/x; Mon, 9 Sep 2002 08:44:17 -0500 (CDT)
            Return-Path: <list-owner@lists.example.org>
            """
        #expect(guess(headers) == nil)
        #expect(guess("Return-Path: <list-owner@lists.example.org>\nReceived: via dmail-2002(12) for +lists/x") == "list-owner@lists.example.org")
    }

    @Test func xEnvelopeFromBelowAReceivedStopsTheGuess() {
        #expect(guess("X-Envelope-From: <a@one.example>\nReceived: via x\nX-Envelope-From: <b@two.example>\nReturn-Path: <c@three.example>") == nil)
        #expect(guess("X-Envelope-From: <a@one.example>\nReturn-Path: <c@three.example>") == "a@one.example")
    }
}
