import MailMessage
import Testing
@testable import Rules

/// Expected texts are what SpamAssassin 4.0.1 gives for the same message
/// (`get_decoded_stripped_body_text_array`, `get_decoded_body_text_array`, `get_uri_list`,
/// `get`), byte for byte.
@Suite struct SpamAssassinViewsTests {
    static let message: [UInt8] = Array("""
        From: "Joe Q. Sender" <Joe@Example.COM>
        To: undisclosed-recipients:;
        Cc: Ann <ann@example.org>, bob@example.net (Bob Builder)
        Subject: =?ISO-8859-1?Q?Caf=E9?= time
        Subject: second subject
        Received: from a by b; =?UTF-8?B?eA==?=
        Message-ID: <=?UTF-8?B?eA==?=@x>
        X-Original-Message-ID: <orig@x>
        Return-Path: <bounce@example.com>
        X-Latin: caf
        """.utf8) + [0xE9] + Array("""

        Content-Type: multipart/mixed; boundary="b1"

        preamble
        --b1
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        Visit www.example.com/path or http://user@evil.example.net:80/x?y=1 today=
        . Mail me at joe@example.org.
        Soft==
        3D break and caf=C3=A9\u{A0}space



        New paragraph\twith\ttabs.
        --b1
        Content-Type: text/calendar

        BEGIN:VCALENDAR
        --b1
        Content-Type: text/plain
        Content-Disposition: attachment; filename="notes.txt"

        attached text %41 http://%77%77%77.example.com/
        --b1--

        """.utf8)

    private let views = SpamAssassinViews(message: MailMessage(parsing: SpamAssassinViewsTests.message))

    private func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    @Test func bodyIsSubjectThenNormalisedParagraphs() {
        #expect(views.body.map { text($0)! } == [
            "second subject\n",
            "Visit www.example.com/path or http://user@evil.example.net:80/x?y=1 today. Mail me at joe@example.org. Soft= break and caf\u{E9} space\n",
            "New paragraph with tabs.\n",
            "attached text %41 http://%77%77%77.example.com/",
        ])
    }

    @Test func rawBodyIsDecodedButNotRendered() {
        #expect(views.rawBody.map { text($0)! } == [
            "Visit www.example.com/path or http://user@evil.example.net:80/x?y=1 today. Mail me at joe@example.org.\nSoft= break and caf\u{E9}\u{A0}space\n\n\n\nNew paragraph\twith\ttabs.",
            "attached text %41 http://%77%77%77.example.com/",
        ])
    }

    @Test func urisWithTheirVariants() {
        #expect(views.uris.map { text($0)! } == [
            "http://%77%77%77.example.com/", "http://evil.example.net/x?y=1", "http://user@evil.example.net:80/x?y=1",
            "http://www.example.com/", "http://www.example.com/path", "mailto:joe@example.org",
        ])
    }

    @Test func headersAsSpamAssassinGetsThem() {
        #expect(text(views.headerText("Subject")) == "Caf\u{E9} time\nsecond subject\n")
        #expect(text(views.headerText("Subject:raw")) == " =?ISO-8859-1?Q?Caf=E9?= time\n second subject\n")
        #expect(text(views.headerText("Subject:first")) == "Caf\u{E9} time\n")
        #expect(text(views.headerText("Subject:last")) == "second subject\n")
        #expect(text(views.headerText("ToCc")) == "undisclosed-recipients:;\nAnn <ann@example.org>, bob@example.net (Bob Builder)\n")
        #expect(views.headerText("To:addr") == nil)
        #expect(text(views.headerText("Cc:addr")) == "ann@example.org\nbob@example.net")
        #expect(text(views.headerText("Cc:name")) == "Ann\nBob Builder")
        #expect(text(views.headerText("From:addr")) == "Joe@Example.COM")
        #expect(text(views.headerText("From:name")) == "Joe Q. Sender")
        #expect(text(views.headerText("MESSAGEID")) == "<orig@x>\n<=?UTF-8?B?eA==?=@x>\n")
        #expect(text(views.headerText("Received")) == "from a by b; =?UTF-8?B?eA==?=\n")
        #expect(text(views.headerText("X-Latin")) == "caf\u{E9}\n")
        #expect(views.headerText("X-Missing") == nil)
        // Return-Path stands below a Received field: not trusted as the envelope sender.
        #expect(views.headerText("EnvelopeFrom") == nil)
    }

    @Test func allHeadersDecodedOrRaw() {
        #expect(text(views.headerText("ALL")) == """
            From: "Joe Q. Sender" <Joe@Example.COM>
            To: undisclosed-recipients:;
            Cc: Ann <ann@example.org>, bob@example.net (Bob Builder)
            Subject: Caf\u{E9} time
            Subject: second subject
            Received: from a by b; =?UTF-8?B?eA==?=
            Message-ID: <=?UTF-8?B?eA==?=@x>
            X-Original-Message-ID: <orig@x>
            Return-Path: <bounce@example.com>
            X-Latin: caf\u{E9}
            Content-Type: multipart/mixed; boundary="b1"

            """)
        let raw = views.headerText("ALL:raw")
        #expect(raw?.contains(0xE9) == true)
        #expect(text(raw)?.hasPrefix("From: \"Joe Q. Sender\" <Joe@Example.COM>\nTo: undisclosed-recipients:;\n") == true)
        #expect(raw?.last == 0x0A)
    }

    @Test func envelopeFromFromTheDoorWins() {
        let views = SpamAssassinViews(message: MailMessage(parsing: SpamAssassinViewsTests.message), envelopeFrom: "door@example.net")
        #expect(text(views.headerText("EnvelopeFrom")) == "door@example.net")
    }

    @Test func envelopeFromGuessedFromReturnPathAboveReceived() {
        let message = MailMessage(parsing: Array("Return-Path: <bounce@example.com>\nReceived: from x\nSubject: s\n\nbody\n".utf8))
        #expect(text(SpamAssassinViews(message: message).headerText("EnvelopeFrom")) == "bounce@example.com")
    }

    @Test func fullIsTheMessageWithoutMboxLine() {
        let raw = Array("From someone@example.com Mon Jan  1 00:00:00 2024\nSubject: s\n\nbody\n".utf8)
        #expect(text(SpamAssassinViews(message: MailMessage(parsing: raw)).full) == "Subject: s\n\nbody\n")
    }

    @Test func mimeHeadersPerPart() {
        let types = views.mimeHeaderTexts("Content-Type").map(text)
        #expect(types.first == "multipart/mixed; boundary=\"b1\"\n")
        #expect(types.dropFirst().map { $0 ?? "-" } == ["text/plain; charset=utf-8\n", "text/calendar\n", "text/plain\n"])
        #expect(views.mimeHeaderTexts("Content-Disposition").map(text) == [nil, nil, nil, "attachment; filename=\"notes.txt\"\n"])
        #expect(text(views.mimeHeaderTexts("ALL")[2]) == "Content-Type: text/calendar\n")
    }

    @Test func noSubjectGivesAnEmptyFirstLine() {
        let message = MailMessage(parsing: Array("From: a@example.com\n\nhello\n".utf8))
        #expect(SpamAssassinViews(message: message).body.map { text($0)! } == ["\n", "hello "])
    }
}
