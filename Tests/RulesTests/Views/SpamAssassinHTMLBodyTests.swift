import MailMessage
import Testing
@testable import Rules

/// The `body` view of HTML parts as SpamAssassin 4.0.1's `Mail::SpamAssassin::HTML` renders
/// them: expected lines are what its `get_rendered_body_text_array` gives for the same message.
@Suite struct SpamAssassinHTMLBodyTests {
    private func body(_ html: String, type: String = "text/html") -> [String] {
        let raw = Array("Subject: s\nContent-Type: \(type)\n\n\(html)".utf8)
        return SpamAssassinViews(message: MailMessage(parsing: raw)).body.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func tableRowsAndCellsDoNotBreakLines() {
        // A tracking id in a row of its own stays on the line of the text around it, so TRACKER_ID
        // (an id alone on a line) does not hit.
        let lines = body("""
            <html><body><table><tr><td>Hello <b>there</b></td><td>world</td></tr>
            <tr><td>trackid0123456789abcdefghij</td></tr></table>
            <div>one</div><div>two</div>three<br>four<br><br>five</body></html>

            """)
        #expect(lines == ["s\n", " Hello there world trackid0123456789abcdefghij one\n", "two three four\n", "five "])
    }

    @Test func headingsAndListItemsAreSpacesPreIsCollapsedAltTextIsLeftOut() {
        let lines = body("""
            <h2>head</h2> <ul><li>item <img alt="ALT TEXT" src="x.png"></ul><font color="#ffffff">hidden words</font> <pre>a

              b</pre>
            </body></html>
            after the end

            """)
        #expect(lines == ["s\n", " head item hidden words\n", "a b\n", " after the end "])
    }

    @Test func spaceBeforeABreakIsTrimmedOnlyAfterVisibleText() {
        let lines = body("<p>seen </p><p><font color=\"#ffffff\">unseen </font></p>x")
        #expect(lines == ["s\n", "\n", "seen\n", "unseen \n", "x"])
    }
}
