import Testing
@testable import Rules

@Suite struct MIMEEvalsTests {
    private let alternative = """
        From: a@example.com
        To: b@example.org
        Subject: hi
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="XX"

        --XX
        Content-Type: text/plain; charset=us-ascii

        short
        --XX
        Content-Type: text/html; charset=us-ascii
        Content-Transfer-Encoding: quoted-printable

        <html><body><p>Some =3Dmuch longer html text with a lot more words in it</p></body></html>
        --XX
        Content-Type: image/gif
        Content-Transfer-Encoding: base64

        R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==
        --XX--

        """

    private func hits(_ definition: String, _ message: String) -> Bool {
        EvalHarness.hits(definition, message)
    }

    @Test func checkForMimeCounts() {
        #expect(hits("rawbody TEST eval:check_for_mime('mime_base64_count')", alternative))
        // the quoted-printable part only has a needed escape (=3D): SpamAssassin replaces the part
        // count by the count of needless escapes, 0
        #expect(!hits("rawbody TEST eval:check_for_mime('mime_qp_count')", alternative))
        #expect(!hits("rawbody TEST eval:check_for_mime('mime_attachment')", alternative))
        #expect(!hits("rawbody TEST eval:check_for_mime('mime_qp_count')", EvalHarness.message(body: "plain\n")))
    }

    @Test func qpCountBecomesNeedlesslyEncodedBytes() {
        // "=3D" is a needed escape, so the count of needless ones is 0 and the test is false
        let needed = EvalHarness.message(encoding: "quoted-printable", body: "a =3D b\n")
        #expect(!hits("rawbody TEST eval:check_for_mime('mime_qp_count')", needed))
        let needless = EvalHarness.message(encoding: "quoted-printable", body: "=41=42=43\n")
        #expect(hits("rawbody TEST eval:check_for_mime('mime_qp_count')", needless))
    }

    @Test func qpLongLine() {
        let long = EvalHarness.message(encoding: "quoted-printable", body: String(repeating: "a", count: 90) + "\n")
        #expect(hits("rawbody TEST eval:check_for_mime('mime_qp_long_line')", long))
        #expect(!hits("rawbody TEST eval:check_for_mime('mime_qp_long_line')", EvalHarness.message(encoding: "quoted-printable", body: "short\n")))
    }

    @Test func base64Text() {
        let base64 = EvalHarness.message(type: "text/plain", encoding: "base64", body: "aGVsbG8gd29ybGQ=\n")
        #expect(hits("rawbody TEST eval:check_for_mime('mime_base64_encoded_text')", base64))
        let latin = EvalHarness.message(type: "text/plain; charset=iso-8859-1", encoding: "base64", body: "aGVsbG8gd29ybGQ=\n")
        #expect(!hits("rawbody TEST eval:check_for_mime('mime_base64_encoded_text')", latin))
    }

    @Test func badISOCharset() {
        #expect(hits("body TEST eval:check_for_mime('mime_bad_iso_charset')", EvalHarness.message(type: "text/plain; charset=iso-10646-1", body: "x\n")))
        #expect(!hits("body TEST eval:check_for_mime('mime_bad_iso_charset')", EvalHarness.message(type: "text/plain; charset=iso-8859-1", body: "x\n")))
    }

    @Test func htmlOnlyAndHTML() {
        let html = EvalHarness.html("<p>x</p>\n")
        #expect(hits("body TEST eval:check_for_mime_html_only()", html))
        #expect(hits("body TEST eval:check_for_mime_html()", alternative))
        #expect(!hits("body TEST eval:check_for_mime_html_only()", alternative))
        #expect(!hits("body TEST eval:check_for_mime_html()", EvalHarness.message(body: "plain\n")))
    }

    @Test func multipartRatio() {
        // text part 6 bytes, html part ~90: ratio ~0.07
        #expect(hits("body TEST eval:check_mime_multipart_ratio('0.00','0.10')", alternative))
        #expect(!hits("body TEST eval:check_mime_multipart_ratio('0.00','0.01')", alternative))
    }

    @Test func alternativeWithImageIsNonText() {
        #expect(hits("body TEST eval:check_ma_non_text()", alternative))
        let textOnly = alternative.replacingOccurrences(of: "image/gif", with: "text/plain")
        #expect(!hits("body TEST eval:check_ma_non_text()", textOnly))
    }

    @Test func asciiTextIllegal() {
        #expect(hits("body TEST eval:check_for_ascii_text_illegal()", EvalHarness.message(body: "caf\u{E9}\n")))
        #expect(!hits("body TEST eval:check_for_ascii_text_illegal()", EvalHarness.message(body: "cafe\n")))
        #expect(!hits("body TEST eval:check_for_ascii_text_illegal()", EvalHarness.message(type: "text/plain; charset=utf-8", body: "caf\u{E9}\n")))
    }

    @Test func abundantUnicode() {
        let entities = String(repeating: "&#x0041;", count: 5) + "abc\n"
        #expect(hits("body TEST eval:check_abundant_unicode_ratio(0.02)", EvalHarness.message(body: entities)))
        #expect(!hits("body TEST eval:check_abundant_unicode_ratio(0.02)", EvalHarness.message(body: "plain text only\n")))
    }

    @Test func base64LineLength() {
        let line = String(repeating: "A", count: 78)
        let message = EvalHarness.message(type: "application/octet-stream", encoding: "base64", body: line + "\n")
        // 78 characters plus the line break: 79
        #expect(hits("body TEST eval:check_base64_length('79')", message))
        #expect(!hits("body TEST eval:check_base64_length('78','78')", message))
        #expect(!hits("body TEST eval:check_base64_length('79')", EvalHarness.message(type: "application/octet-stream", encoding: "base64", body: "QUJD\n")))
    }

    @Test func parseFlags() {
        let noSeparator = "From: a@example.com\nSubject: x\n--boundary\nbody\n"
        #expect(hits("header TEST eval:check_msg_parse_flags('missing_head_body_separator')", noSeparator))
        #expect(!hits("header TEST eval:check_msg_parse_flags('missing_head_body_separator')", EvalHarness.message(body: "x\n")))
        let longHeader = "From: a@example.com\nX-Long: " + String(repeating: "x", count: 9000) + "\n\nbody\n"
        #expect(hits("header TEST eval:check_msg_parse_flags('truncated_header')", longHeader))
        let epilogue = alternative + "trailing words\n"
        #expect(hits("body TEST eval:check_msg_parse_flags('mime_epilogue_exists')", epilogue))
        #expect(!hits("body TEST eval:check_msg_parse_flags('mime_epilogue_exists')", alternative))
    }

    @Test func uppercaseShare() {
        let shouting = String(repeating: "BUY CHEAP PILLS NOW ", count: 15) + "\n"
        #expect(hits("body TEST eval:check_for_uppercase('75', '100')", EvalHarness.message(body: shouting)))
        let calm = String(repeating: "buy cheap pills now ", count: 15) + "\n"
        #expect(!hits("body TEST eval:check_for_uppercase('25', '100')", EvalHarness.message(body: calm)))
        // under 200 characters: 0
        #expect(!hits("body TEST eval:check_for_uppercase('75', '100')", EvalHarness.message(body: "BUY NOW PLEASE\n")))
    }

    /// Lines as SpamAssassin reads a part: CR LF or LF ends a line and counts as one "\n"; a
    /// bare CR stays; the last line may have no end.
    @Test func partLinesDropTheLineEnd() {
        var seen: [(String, Int)] = []
        MIMEStatistics.forEachLine(Array("a\r\nbb\n\r\nc\rd\ntail".utf8)[...]) { line, count in seen.append((ASCII.string(line), count)) }
        #expect(seen.map { $0.0 } == ["a", "bb", "", "c\rd", "tail"])
        #expect(seen.map { $0.1 } == [2, 3, 1, 4, 4])
    }

    /// The byte search gives String's answers on header values.
    @Test func headerValueSearchAgreesWithString() {
        let values = ["attachment; filename=x", "inline", "", "base64", " x-base64 ", "quoted-printable", "attachmen", "pièce attachment", "e\u{301}attachment"]
        for value in values {
            for needle: StaticString in ["attachment", "base64", "quoted-printable"] {
                #expect(MIMEStatistics.contains(value, needle) == value.contains(needle.description), "\(value) \(needle)")
            }
        }
    }
}

