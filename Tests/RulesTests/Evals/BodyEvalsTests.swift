import MailMessage
import Testing
@testable import Rules

@Suite struct BodyEvalsTests {
    @Test func bodyLengthIsBytesAfterTheHeader() {
        #expect(EvalHarness.hits("body TEST eval:check_body_length('128')", EvalHarness.message(body: "short\n")))
        #expect(!EvalHarness.hits("body TEST eval:check_body_length('128')", EvalHarness.message(body: String(repeating: "x", count: 200) + "\n")))
    }

    @Test func blankLineRatio() {
        let blank = "a\n\n\n\n\nb\n\n\n\n\n"
        #expect(EvalHarness.hits("body TEST eval:check_blank_line_ratio('70','90','4')", EvalHarness.message(body: blank)))
        #expect(!EvalHarness.hits("body TEST eval:check_blank_line_ratio('70','90','4')", EvalHarness.message(body: "a\nb\nc\nd\n")))
    }

    @Test func verticalWords() {
        let vertical = "B U Y  N O W  P L E A S E\n"
        #expect(!EvalHarness.hits("body TEST eval:tvd_vertical_words('0','10')", EvalHarness.message(body: vertical)))
        // every line of ordinary prose has more than 10% spaces, but the body view's Subject line
        // "hello there" has 1 in 10: 10%, which is not below 10
        #expect(!EvalHarness.hits("body TEST eval:tvd_vertical_words('0','10')", EvalHarness.message(body: "plain words\n")))
        #expect(EvalHarness.hits("body TEST eval:tvd_vertical_words('50','101')", EvalHarness.message(body: vertical)))
    }

    @Test func stockInfo() {
        let tip = "Company: Foo Corp\nSymbol: FOOC\nTarget price: 5.00\nRecommendation: Strong buy\n"
        #expect(EvalHarness.hits("body TEST eval:check_stock_info('2')", EvalHarness.message(body: tip)))
        #expect(!EvalHarness.hits("body TEST eval:check_stock_info('2')", EvalHarness.message(body: "Dear Bob: hello\n")))
    }

    @Test func alternativeDifference() {
        let message = """
            From: a@example.com
            Subject: hi
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="B"

            --B
            Content-Type: text/plain

            one two
            --B
            Content-Type: text/html

            <p>three four five six</p>
            --B--

            """
        #expect(EvalHarness.hits("body TEST eval:multipart_alternative_difference('99', '100')", message))
        let same = message.replacingOccurrences(of: "three four five six", with: "one two")
        #expect(!EvalHarness.hits("body TEST eval:multipart_alternative_difference('99', '100')", same))
    }

    /// Words are split at Unicode white space and kept when they hold a Unicode word character,
    /// as Perl's `\s` and `\w` work on SpamAssassin's decoded text: Chinese words count.
    @Test func alternativeDifferenceCountsNonASCIIWords() {
        let message = """
            From: a@example.com
            Subject: hi
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="B"

            --B
            Content-Type: text/plain; charset=utf-8

            你好 世界
            --B
            Content-Type: text/html; charset=utf-8

            <p>你好 世界 再見</p>
            --B--

            """
        #expect(EvalHarness.hits("body TEST eval:multipart_alternative_difference('30', '40')", message))
    }

    /// SpamAssassin compares the words of its own HTML rendering, which has no image alt text
    /// and breaks `<td>x</td><td>y</td>` into two words, but not `a<tr>b`.
    @Test func alternativeDifferenceReadsSpamAssassinsRendering() {
        let message = """
            From: a@example.com
            Subject: hi
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="B"

            --B
            Content-Type: text/plain

            one two three
            --B
            Content-Type: text/html

            <table><tr><td>one</td><td>two</td></tr><tr><td>three<img alt="four five six seven" src="x.gif"></td></tr></table>
            --B--

            """
        #expect(!EvalHarness.hits("body TEST eval:multipart_alternative_difference('50', '100')", message))
        let joined = message.replacingOccurrences(of: "one two three", with: "onetwo three")
        #expect(EvalHarness.hits("body TEST eval:multipart_alternative_difference('50', '100')", joined))
    }

    /// Two alternatives after an embedded message with an HTML part of its own: each
    /// alternative's HTML is the scan the body view made of that very leaf (keyed by leaf
    /// index), so the second alternative's difference is its own.
    @Test func alternativeDifferenceWithTwoAlternatives() {
        func message(second html: String) -> String {
            """
            From: a@example.com
            Subject: hi
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="M"

            --M
            Content-Type: message/rfc822

            From: b@example.com
            Subject: inner
            Content-Type: text/html

            <p>inner words only here</p>
            --M
            Content-Type: multipart/alternative; boundary="A"

            --A
            Content-Type: text/plain

            one two
            --A
            Content-Type: text/html

            <p>one two</p>
            --A--
            --M
            Content-Type: multipart/alternative; boundary="C"

            --C
            Content-Type: text/plain

            red green
            --C
            Content-Type: text/html

            \(html)
            --C--
            --M--

            """
        }
        let differing = message(second: "<p>blue yellow black white</p>")
        let views = SpamAssassinViews(message: MailMessage(parsing: Array(differing.utf8)))
        // the inner message's HTML leaf is leaf 0; the alternatives' HTML leaves are 2 and 4
        #expect(views.htmlScans.map { $0.leafIndex } == [0, 2, 4])
        #expect(views.htmlScans.allSatisfy { $0.scannedLeafText })
        let leaves = BodyRenderer.leavesWithContainer(views.message.root).map(\.0)
        for scan in views.htmlScans {
            #expect(scan.statistics.rendered == Array(BodyRenderer.spamAssassinRendering(of: leaves[scan.leafIndex].leaf?.text ?? "").utf8))
        }
        #expect(BodyEvals.alternativesWithFirstLeaf(views.message.root).map { $0.1 } == [1, 3])
        #expect(EvalHarness.hits("body TEST eval:multipart_alternative_difference('99', '100')", differing))
        // the last alternative's word counts: 4 HTML words, 2 text words
        #expect(EvalHarness.hits("body TEST eval:multipart_alternative_difference_count('0.4', '3')", differing))
        #expect(!EvalHarness.hits("body TEST eval:multipart_alternative_difference_count('0.6', '3')", differing))
        let same = message(second: "<p>red green</p>")
        #expect(!EvalHarness.hits("body TEST eval:multipart_alternative_difference('1', '100')", same))
    }

    /// A CRLF HTML part is scanned without its CRs for the body view; the comparison then
    /// renders the part's own text again and still finds the same words.
    @Test func alternativeDifferenceOnCRLFMessage() {
        let message = "From: a@example.com\r\nSubject: hi\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: text/plain\r\n\r\none two\r\n--B\r\nContent-Type: text/html\r\n\r\n<p>three\r\nfour five six</p>\r\n--B--\r\n"
        #expect(EvalHarness.hits("body TEST eval:multipart_alternative_difference('99', '100')", message))
        #expect(EvalHarness.hits("body TEST eval:multipart_alternative_difference_count('0.4', '3')", message))
    }
}
