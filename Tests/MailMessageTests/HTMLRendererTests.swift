import MailMessage
import Testing

/// The HTML renderer: text, breaks, references, hidden text, links and hints, and broken or
/// hostile markup (tests named after the attack).
@Suite struct HTMLRendererTests {
    /// Generous: tests run in debug builds on a shared machine; a quadratic loop blows far past it.
    static let timeBudget = Duration.seconds(20)

    static func render(_ html: String) -> RenderedHTML { HTMLRenderer.render(html) }

    /// White space runs as one space, for comparisons that do not care about layout.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// Renders within `timeBudget`.
    static func timedRender(_ html: String) -> RenderedHTML {
        var result: RenderedHTML?
        let elapsed = ContinuousClock().measure { result = HTMLRenderer.render(html) }
        #expect(elapsed < timeBudget, "rendering \(html.utf8.count) bytes took \(elapsed)")
        return result!
    }

    // MARK: text and breaks

    @Test func tagsAreDroppedAndInlineTagsJoinText() {
        #expect(Self.render("<b>Hello</b> <i>world</i>").text == "Hello world")
        #expect(Self.render("V<b></b>i<span>a</span>g<xyz>r</xyz>a").text == "Viagra")
    }

    @Test func blockTagsBreakLines() {
        #expect(Self.render("<p>one</p><p>two</p>").text == "one\n\ntwo")
        #expect(Self.render("one<br>two<br/>three").text == "one\ntwo\nthree")
        #expect(Self.render("one<br><br>two").text == "one\n\ntwo")
        #expect(Self.render("<div>a</div><div>b</div>").text == "a\nb")
        #expect(Self.render("<ul><li>a<li>b</ul>after").text == "a\nb\n\nafter")
        #expect(Self.render("<h1>Title</h1>text").text == "Title\n\ntext")
        #expect(Self.render("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>").text == "a b\nc")
        #expect(Self.render("above<hr>below").text == "above\n\nbelow")
    }

    @Test func whiteSpaceCollapsesExceptInPre() {
        #expect(Self.render("  a \t\n\n  b   c  ").text == "a b c")
        #expect(Self.render("<pre>\n  a\n    b</pre>after").text == "  a\n    b\n\nafter")
        #expect(Self.render("x\r\n\r\ny").text == "x y")
    }

    @Test func scriptsStylesCommentsAndDeclarationsAreDropped() {
        let html = """
            <!DOCTYPE html><?xml version="1.0"?><html><head><title>T</title>
            <style type="text/css">p { color: red } a > b {}</style>
            <script>var s = "<p>not text</p>"; if (a < b) {}</script></head>
            <body><!-- a comment with <b>tags</b> -->Visible<![CDATA[ raw ]]> end</body></html>
            """
        let rendered = Self.render(html)
        #expect(rendered.text == "T\n\nVisible end")
        #expect(rendered.title == "T")
        #expect(rendered.hints.hasScript)
        #expect(rendered.hints.commentBytes == "<!-- a comment with <b>tags</b> -->".utf8.count)
    }

    @Test func endTagOfScriptIsFoundInAnyCase() {
        #expect(Self.render("<SCRIPT>x = '</scripty>';</ScRiPt >after").text == "after")
    }

    @Test func imageAltTextIsRendered() {
        #expect(Self.render("Buy<img src=\"x.gif\" alt=\"cheap pills\">now").text == "Buy cheap pills now")
        #expect(Self.render("<img src=\"x.gif\">").text == "")
    }

    // MARK: references

    @Test func namedReferencesAreDecoded() {
        let rendered = Self.render("Caf&eacute; &amp; more &mdash; 20&nbsp;% &lt;off&gt; &quot;x&quot; &apos;y&apos;")
        #expect(rendered.text == "Café & more — 20 % <off> \"x\" 'y'")
        #expect(Self.render("&copy;&reg;&euro;&hellip;&laquo;&raquo;&ndash;&lsquo;&rsquo;&ldquo;&rdquo;&bull;&trade;").text
                == "©®€…«»–‘’“”•™")
        #expect(Self.render("&Alpha;&omega;&hearts;&rArr;&thetasym;").text == "Αω♥⇒ϑ")
    }

    @Test func theNamedTableCoversHTML4() {
        #expect(HTMLRenderer.namedReferenceCount >= 250)
    }

    @Test func numericReferencesAreDecoded() {
        #expect(Self.render("&#86;iagra &#x56;&#X69;agra").text == "Viagra Viagra")
        #expect(Self.render("&#65 &#x42 end").text == "A B end")
        #expect(Self.render("&#150;&#x93;").text == "–“")
        #expect(Self.render("a&#0;b&#xD800;c&#1114112;d&#99999999999999999999;").text == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
        #expect(Self.render("&#x1F600;").text == "😀")
    }

    @Test func legacyNamesWithoutSemicolonAreDecodedInText() {
        #expect(Self.render("a &amp b &copy2025 &ltx").text == "a & b ©2025 <x")
        #expect(Self.render("&hellip &unknown; & alone &;").text == "&hellip &unknown; & alone &;")
    }

    @Test func spacesAndInvisibleCharactersAreHandled() {
        #expect(Self.render("a&nbsp;&nbsp;b\u{00A0}c&#8203;d&shy;e\u{200B}f\u{FEFF}g").text == "a b cdefg")
        #expect(Self.render("V&#8203;i&shy;agra").hints.obfuscatedCharacterCount == 2)
        #expect(Self.render("&#86;&#105;agra").hints.obfuscatedCharacterCount == 2)
    }

    // MARK: hidden text

    @Test(arguments: [
        "<span style=\"display:none\">secret</span>",
        "<span style=\"DISPLAY: NONE !important\">secret</span>",
        "<div style=\"visibility:hidden\">secret</div>",
        "<span style=\"font-size:0px\">secret</span>",
        "<span style=\"font-size: 1px\">secret</span>",
        "<span style=\"opacity:0\">secret</span>",
        "<div style=\"max-height:0;overflow:hidden\">secret</div>",
        "<font color=\"#ffffff\">secret</font>",
        "<font color=\"white\">secret</font>",
        "<font color=\"#FEFEFE\">secret</font>",
        "<span style=\"color:#fff\">secret</span>",
        "<span style=\"color:transparent\">secret</span>",
        "<span hidden>secret</span>",
        "<table bgcolor=\"#000000\"><tr><td><font color=\"black\">secret</font></td></tr></table>",
        "<td style=\"background-color: rgb(10,10,10)\"><span style=\"color:#000\">secret</span></td>",
        "<iframe>secret</iframe>",
    ])
    func hiddenTextIsKeptApart(_ hiding: String) {
        let rendered = Self.render("Shown \(hiding) also shown")
        #expect(Self.collapsed(rendered.text) == "Shown secret also shown", "\(hiding)")
        #expect(Self.collapsed(rendered.visibleText) == "Shown also shown", "\(hiding)")
        #expect(rendered.hints.hiddenText == "secret", "\(hiding)")
    }

    @Test func textOnItsOwnBackgroundColourIsHiddenOnTheBody() {
        let rendered = Self.render("<body bgcolor=\"#000000\" text=\"#000000\">invisible<font color=\"#ffffff\">visible</font></body>")
        #expect(rendered.visibleText == "visible")
        #expect(rendered.hints.hiddenText == "invisible")
    }

    @Test func contrastingColoursAreVisible() {
        let rendered = Self.render("<body bgcolor=black><font color=white>white on black</font></body><font color=\"#ff0000\">red</font>")
        #expect(Self.collapsed(rendered.visibleText) == "white on black red")
        #expect(rendered.hints.hiddenText == "")
    }

    @Test func tableBackgroundsColourOnlyTheirCells() {
        let rendered = Self.render("<table bgcolor=\"#000000\">misplaced<tr><td>black on black</td></tr></table>")
        #expect(rendered.visibleText == "misplaced")
        #expect(rendered.hints.hiddenText == "black on black")
    }

    @Test func strayEndTagInANestedTableDoesNotCloseTheOuterTable() {
        let html = """
            <table bgcolor="#000000"><tr><td><table bgcolor="#99ccff"><tr><td>one</td></tr>
            <td>two</td></tr><tr><td>three</td></tr></table></td></tr></table>
            """
        #expect(Self.collapsed(Self.render(html).visibleText) == "one two three")
    }

    @Test func imageAltTextIsNotHiddenByColours() {
        let rendered = Self.render("<table bgcolor=black><tr><td><img src=x.gif alt=\"Offer\"></td></tr></table>")
        #expect(rendered.visibleText == "Offer")
        #expect(Self.render("<div style=\"display:none\"><img alt=\"gone\"></div>").visibleText == "")
    }

    @Test func imageBackgroundsDisableColourHiding() {
        let rendered = Self.render("<td background=\"bg.jpg\"><font color=\"white\">on an image</font></td>")
        #expect(rendered.visibleText == "on an image")
    }

    @Test func hiddenLettersInsideAWordLeaveTheVisibleWordWhole() {
        let rendered = Self.render("V<span style=\"display:none\">xq</span>iag<font color=\"#ffffff\">zz</font>ra is here")
        #expect(rendered.visibleText == "Viagra is here")
        #expect(rendered.text == "Vxqiagzzra is here")
    }

    @Test func hidingEndsWithItsElement() {
        let html = "<div style=\"display:none\"><div>inner</div>still hidden</div>shown<p style=\"display:none\">p1<p>p2"
        let rendered = Self.render(html)
        #expect(rendered.visibleText == "shown\n\np2")
        #expect(rendered.hints.hiddenText.contains("inner"))
        #expect(rendered.hints.hiddenText.contains("still hidden"))
        #expect(rendered.hints.hiddenText.contains("p1"))
    }

    @Test func linksAreVisibleInsideWhiteText() {
        let rendered = Self.render("<font color=white>hidden <a href=\"http://x.example.com/\">link</a></font>")
        #expect(rendered.visibleText == "link")
    }

    // MARK: links

    @Test func anchorsCarryHrefAndText() {
        let html = """
            <a href="http://evil.example.net/login">https://www.mybank.com</a>
            <a href='mailto:sales@example.org'>write <b>to</b>
            us</a><a name="top">no href</a><a href="http://img.example.com/"><img alt="Click here"></a>
            """
        let anchors = Self.render(html).anchors
        #expect(anchors == [
            HTMLAnchor(href: "http://evil.example.net/login", text: "https://www.mybank.com"),
            HTMLAnchor(href: "mailto:sales@example.org", text: "write to us"),
            HTMLAnchor(href: "http://img.example.com/", text: "Click here"),
        ])
    }

    @Test func anUnclosedAnchorEndsAtTheNextOneOrTheEnd() {
        let anchors = Self.render("<a href=\"http://a.example/\">first<a href=\"http://b.example/\">second").anchors
        #expect(anchors.map(\.text) == ["first", "second"])
    }

    @Test func linkAttributesGiveURIsInOrderWithoutRepeats() {
        let html = """
            <body background="http://bg.example.com/b.jpg"><img src="http://img.example.com/1.gif">
            <form action="https://forms.example.com/post"><a href="http://img.example.com/1.gif">again</a>
            <blockquote cite="http://cite.example.org/">q</blockquote><object data="http://obj.example.org/x.swf"></object>
            <img longdesc="http://desc.example.org/">
            """
        #expect(Self.render(html).uris == [
            "http://bg.example.com/b.jpg", "http://img.example.com/1.gif", "https://forms.example.com/post",
            "http://cite.example.org/", "http://obj.example.org/x.swf", "http://desc.example.org/",
        ])
    }

    @Test func attributeValuesAreEntityDecodedAndCleaned() {
        let html = "<a href=\" http://x.example.com/a?b=1&amp;c=2&copy=3\n&#x26;d \">x</a><a href=http://unquoted.example.com/p>y</a>"
        let rendered = Self.render(html)
        #expect(rendered.uris == ["http://x.example.com/a?b=1&c=2&copy=3&d", "http://unquoted.example.com/p"])
    }

    @Test func uriSchemesThatPointNowhereAreLeftOut() {
        let html = "<a href=\"javascript:go()\">a</a><img src=\"cid:logo@x\"><img src=\"data:image/gif;base64,R0lG\"><a href=\"#top\">t</a><a href=\"mailto:bob@example.com\">m</a>"
        let rendered = Self.render(html)
        #expect(rendered.uris == ["mailto:bob@example.com"])
        #expect(rendered.anchors.first?.href == "javascript:go()")
    }

    @Test func baseHrefResolvesRelativeLinks() {
        let html = """
            <base href="http://www.example.com/dir/page.html"><a href="other.html">1</a><a href="../up/x.html?q=1#f">2</a>
            <a href="/root">3</a><a href="?only=query">4</a><a href="//cdn.example.net/lib.js">5</a><a href="https://abs.example.org/">6</a>
            """
        let rendered = Self.render(html)
        #expect(rendered.hints.baseHref == "http://www.example.com/dir/page.html")
        #expect(rendered.uris == [
            "http://www.example.com/dir/page.html", "http://www.example.com/dir/other.html", "http://www.example.com/up/x.html?q=1#f",
            "http://www.example.com/root", "http://www.example.com/dir/page.html?only=query", "http://cdn.example.net/lib.js",
            "https://abs.example.org/",
        ])
        #expect(rendered.anchors.first?.href == "http://www.example.com/dir/other.html")
    }

    @Test func withoutBaseRelativeLinksAreLeftOutButHostLikeOnesKept() {
        let rendered = Self.render("<a href=\"page.html\">1</a><a href=\"www.example.com/x\">2</a><a href=\"//cdn.example.net/y\">3</a>")
        #expect(rendered.uris == ["http://www.example.com/x", "http://cdn.example.net/y"])
        #expect(rendered.anchors.first?.href == "page.html")
    }

    @Test func uriInTextAndAttributesInterleaveInDocumentOrder() {
        let html = "Visit www.first.example.com now <a href=\"http://second.example.com/\">here</a> or third.example.org."
        #expect(Self.render(html).uris == ["http://www.first.example.com", "http://second.example.com/", "http://third.example.org"])
    }

    @Test func metaRefreshTargetIsAURI() {
        let rendered = Self.render("<meta http-equiv=\"Refresh\" content=\"0; URL='http://go.example.com/x'\">")
        #expect(rendered.hints.hasMetaRefresh)
        #expect(rendered.uris == ["http://go.example.com/x"])
    }

    // MARK: hints

    @Test func hintsCountTagsImagesAndStructure() {
        let html = """
            <html><body><img src="a.gif" width="1" height="1"><img src="b.gif" width="200" height="100"><img src="c.gif" width="50%">
            <iframe src="http://f.example/"></iframe><form><input></form><embed src="x.swf"><o:p></o:p><blink>x</span></body>
            """
        let hints = Self.render(html).hints
        #expect(hints.tagCounts["img"] == 3)
        #expect(hints.tagCounts["o:p"] == 1)
        #expect(hints.endTagCounts["span"] == 1)
        #expect(hints.tagExists("IFRAME"))
        #expect(!hints.tagExists("table"))
        #expect(hints.balance(of: "html") == 1)
        #expect(hints.unknownTagCount == 1)
        #expect(hints.imageCount == 3)
        #expect(hints.imageArea == 1 + 20000)
        #expect(hints.webBugCount == 1 && hints.hasWebBugs)
        #expect(hints.hasIframe && hints.hasForm && hints.hasEmbeddedObject && !hints.hasScript)
        #expect(hints.unclosedTagCount == 1)  // <blink>; <html> may be left open
        #expect(hints.unmatchedEndTagCount == 1)
        #expect(hints.hasUnbalancedTags)
    }

    @Test func byteCountsAddUpToTheInput() {
        let html = "<p class=\"x\">Hello &amp; <!-- c --> bye</p><script>var x;</script>"
        let hints = Self.render(html).hints
        #expect(hints.commentBytes == 10)
        #expect(hints.tagBytes == "<p class=\"x\">".utf8.count + "</p>".utf8.count + "<script>var x;</script>".utf8.count)
        #expect(hints.tagBytes + hints.commentBytes + hints.textBytes == html.utf8.count)
        #expect(hints.tagRatio > 0.5)
    }

    @Test func balancedMarkupHasNoUnbalancedTags() {
        let hints = Self.render("<html><body><p>a<p>b<table><tr><td>c</table></body></html>").hints
        #expect(!hints.hasUnbalancedTags)
    }

    @Test func hintsCanBeBuiltAndCompared() {
        var hints = HTMLHints()
        hints.tagCounts = ["b": 2, "xyz": 1]
        #expect(hints.tagCounts == ["b": 2, "xyz": 1])
        #expect(hints.startTagCount("B") == 2)
        #expect(HTMLRenderer.render("<b>a</b><b>c</b><xyz>").hints.tagCounts == hints.tagCounts)
        #expect(HTMLRenderer.render("") == RenderedHTML(text: "", uris: [], hints: HTMLHints()))
        #expect(Set([HTMLRenderer.render("<p>a"), HTMLRenderer.render("<p>a"), HTMLRenderer.render("<p>b")]).count == 2)
    }

    // MARK: broken markup

    @Test func unclosedTagAtTheEndKeepsTheText() {
        #expect(Self.render("text before <b").text == "text before <b")
        #expect(Self.render("a < b and c<d").text == "a < b and c<d")
        #expect(Self.render("x <").text == "x <")
        #expect(Self.render("5 <= 6 </ 7").text == "5 <= 6 </ 7")
    }

    @Test func unquotedAndOddAttributesParse() {
        let rendered = Self.render("<a href=http://a.example.com/x title=a>b>link</a><img alt=quick src=z.gif/>")
        #expect(rendered.text == "b>link quick")
        #expect(rendered.uris == ["http://a.example.com/x"])
    }

    @Test func quotedGreaterThanDoesNotEndTheTag() {
        #expect(Self.render("<a title=\"a>b\" href=\"http://q.example.com/\">link</a>").text == "link")
    }

    @Test func unterminatedQuoteEndsAtTheTagEnd() {
        let rendered = Self.render("<a href=\"http://q.example.com/>link</a> more text")
        #expect(rendered.text.contains("more text"))
        #expect(rendered.hints.malformedMarkupCount > 0)
    }

    @Test func unclosedScriptIsKeptAsHiddenText() {
        let rendered = Self.render("shown<script>document.write('x') and then text")
        #expect(rendered.visibleText == "shown")
        #expect(rendered.hints.hiddenText == "document.write('x') and then text")
        #expect(rendered.hints.malformedMarkupCount == 1)
    }

    @Test func emptyInputRendersEmpty() {
        let rendered = Self.render("")
        #expect(rendered.text == "" && rendered.uris.isEmpty && rendered.anchors.isEmpty && rendered.title == nil)
    }

    @Test func invalidUTF8BytesBecomeReplacementCharacters() {
        let rendered = HTMLRenderer.render(bytes: [0x3C, 0x62, 0x3E, 0x61, 0xFF, 0x62, 0x3C, 0x2F, 0x62, 0x3E])
        #expect(rendered.text == "a\u{FFFD}b")
    }

    // MARK: attacks

    @Test func hundredThousandNestedTagsRenderInLinearTime() {
        let depth = 100_000
        let html = String(repeating: "<div><span style=\"color:red\">", count: depth) + "deep" + String(repeating: "</span></div>", count: depth)
        let rendered = Self.timedRender(html)
        #expect(rendered.text == "deep")
        #expect(!rendered.hints.hasUnbalancedTags)
    }

    @Test func hundredThousandUnclosedTagsThenMismatchedEndTagsStayLinear() {
        let html = String(repeating: "<font>", count: 100_000) + "x" + String(repeating: "</b>", count: 100_000)
        let rendered = Self.timedRender(html)
        #expect(rendered.text == "x")
        #expect(rendered.hints.unclosedTagCount == 100_000)
        #expect(rendered.hints.unmatchedEndTagCount == 100_000)
    }

    @Test func megabyteOfLessThanSignsRendersAsText() {
        let html = String(repeating: "<", count: 1 << 20)
        let rendered = Self.timedRender(html)
        #expect(rendered.text.utf8.count == 1 << 20)
    }

    @Test func megabyteOfUnclosedTagStartsRendersAsText() {
        let html = String(repeating: "<a", count: 1 << 19) + " tail"
        let rendered = Self.timedRender(html)
        #expect(rendered.text.hasSuffix("<a tail"))
    }

    @Test func unterminatedCommentSwallowsNothingBeyondLimit() {
        let rendered = Self.render("before<!-- never closed > after the first greater-than")
        #expect(rendered.text == "before after the first greater-than")
        #expect(Self.render("before<!-- never closed, no greater-than").text == "before<!-- never closed, no greater-than")
        let many = Self.timedRender(String(repeating: "<!--", count: 200_000) + "> tail")
        #expect(many.text == "tail")
    }

    @Test func unterminatedQuotesRepeatedStayLinear() {
        let html = String(repeating: "<a b=\"", count: 200_000) + "> tail"
        let rendered = Self.timedRender(html)
        #expect(rendered.text.hasSuffix("tail"))
    }

    @Test func quotesPairedPastTheLastTagEndStayLinear() {
        let html = String(repeating: "<a b=\">\" ", count: 100_000) + "\""
        _ = Self.timedRender(html)
    }

    @Test func tagWithHundredThousandAttributesStaysLinear() {
        let html = "<p " + String(repeating: "a=1 style=\"x\" ", count: 100_000) + ">text"
        #expect(Self.timedRender(html).text == "text")
    }

    @Test func unclosedStyleElementsRepeatedStayLinear() {
        let html = String(repeating: "<style>x", count: 100_000)
        let rendered = Self.timedRender(html)
        #expect(rendered.visibleText == "")
    }

    @Test func hugeNumericReferenceDoesNotOverflow() {
        let html = "&#" + String(repeating: "9", count: 100_000) + ";ok"
        #expect(Self.timedRender(html).text == "\u{FFFD}ok")
    }
}
