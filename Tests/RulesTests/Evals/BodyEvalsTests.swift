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
}
