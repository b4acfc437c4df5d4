import Testing
@testable import Rules

@Suite struct HTMLEvalsTests {
    private func hits(_ eval: String, _ html: String, headers: String = "") -> Bool {
        EvalHarness.hits("body TEST eval:\(eval)", EvalHarness.html(html, headers: headers))
    }

    @Test func htmlTestMarksAnyHTMLPart() {
        #expect(hits("html_test('html')", "<p>hi</p>\n"))
        #expect(!EvalHarness.hits("body TEST eval:html_test('html')", EvalHarness.message(body: "plain\n")))
    }

    /// SpamAssassin parses the part as it decodes it, CR before LF dropped: 24 characters of
    /// source, not the 26 transfer-decoded bytes.
    @Test func lengthCountsTheSourceWithoutCarriageReturns() {
        let message = EvalHarness.message(type: "text/html", encoding: "base64", body: "PHA+YWFhYTwvcD4NCjxwPmJiYmI8L3A+DQo=\n")
        #expect(EvalHarness.hits("body TEST eval:html_range('length', '23', '24')", message))
    }

    /// `non_space_len` counts characters of the rendered text that are not Unicode white space:
    /// two no-break spaces between "ab" and "cd" leave 4.
    @Test func nonSpaceLengthSkipsUnicodeWhiteSpace() {
        let message = EvalHarness.message(type: "text/html; charset=utf-8", body: "<p>ab\u{A0}\u{A0}cd</p>\n")
        #expect(EvalHarness.hits("body TEST eval:html_eval('non_space_len', '< 5')", message))
        let wider = EvalHarness.message(type: "text/html; charset=utf-8", body: "<p>abc\u{A0}\u{A0}cd</p>\n")
        #expect(!EvalHarness.hits("body TEST eval:html_eval('non_space_len', '< 5')", wider))
    }

    @Test func tagExistsCountsStartAndEndTags() {
        #expect(hits("html_tag_exists('center')", "<center>x</center>\n"))
        #expect(hits("html_tag_exists('center')", "x</center>\n"))
        #expect(!hits("html_tag_exists('center')", "<div>x</div>\n"))
    }

    @Test func tagBalanceComparesOpenCount() {
        #expect(hits("html_tag_balance('body', '!= 0')", "<html><body>x</html>\n"))
        #expect(!hits("html_tag_balance('body', '!= 0')", "<html><body>x</body></html>\n"))
        // an extra end tag is clamped to 0, as SpamAssassin does
        #expect(!hits("html_tag_balance('body', '!= 0')", "<body>x</body></body>\n"))
    }

    @Test func extraCloseRatio() {
        // 4 tags, 1 closed without being opened: 0.25 > 0.09
        #expect(hits("html_range('closed_extra_ratio', '0.09', 'inf')", "<b>x</b></i><p>\n"))
        #expect(!hits("html_range('closed_extra_ratio', '0.09', 'inf')", "<b>x</b><i>y</i>\n"))
    }

    @Test func badTagRatioCountsUnknownTags() {
        // <foo> and </foo> are not elements: 2 of 4 tags
        #expect(hits("html_range('bad_tag_ratio', '0.40', '0.50')", "<foo>x</foo><b>y</b>\n"))
        #expect(!hits("html_range('bad_tag_ratio', '0.40', '0.50')", "<b>y</b>\n"))
    }

    @Test func officeNamespacesAreElements() {
        #expect(!hits("html_range('bad_tag_ratio', '0.40', '0.50')", "<o:p>x</o:p><b>y</b>\n"))
    }

    @Test func fontSizeRange() {
        #expect(hits("html_range('max_size', '6', 'inf')", "<font size=7>BIG</font>\n"))
        #expect(hits("html_range('max_size', '5', '6')", "<font size=\"+3\">BIG</font>\n"))
        #expect(!hits("html_range('max_size', '5', '6')", "<font size=4>x</font>\n"))
    }

    @Test func obfuscationRatioCountsWordsSplitByTags() {
        // "V<b>iagra</b>": one join of word characters across a tag, 2 tags
        #expect(hits("html_range('obfuscation_ratio', '.3', '.6')", "V<b>iagra</b>\n"))
        #expect(!hits("html_range('obfuscation_ratio', '.05', '1.0')", "Buy <b>now</b>\n"))
    }

    @Test func lengthIsSourceCharacters() {
        let html = "<p>" + String(repeating: "a", count: 300) + "</p>\n"
        #expect(hits("html_eval('length', '< 384')", html))
        #expect(!hits("html_eval('length', '< 300')", html))
        #expect(hits("html_range('length', '0', '1024')", html))
    }

    @Test func imageOnlyNeedsAnImageAndSmallSource() {
        #expect(hits("html_image_only('0000','0400')", "<img src=\"cid:1\" width=400 height=300>\n"))
        #expect(!hits("html_image_only('0000','0400')", "<p>no images</p>\n"))
    }

    @Test func imageRatioIsTextOverArea() {
        // 2 non-space characters over 400*300 pixels = 0.0000167
        #expect(hits("html_image_ratio('0.000','0.002')", "<img src=a width=400 height=300>hi\n"))
        #expect(!hits("html_image_ratio('0.000','0.002')", "<p>hi</p>\n"))
    }

    @Test func textMatchOnCommentsTitlesAnchors() {
        #expect(hits("html_text_match('comment', '<!-- saved from url=\\(\\d{4}\\)')", "<!-- saved from url=(0022)http://x -->hi\n"))
        #expect(hits("html_text_match('title', '.{12}')", "<title>a long enough title</title>\n"))
        #expect(!hits("html_text_match('title', '.{120}')", "<title>short</title>\n"))
        #expect(hits("html_text_match('anchor', '<img>')", "<a href=\"http://x/\"><img src=y></a>\n"))
        #expect(!hits("html_text_match('anchor', '<img>')", "<a href=\"http://x/\">text</a><img src=y>\n"))
    }

    @Test func titleSubjectRatio() {
        let long = "<title>" + String(repeating: "t", count: 60) + "</title>\n"
        // Subject "hello there\n" is 12 characters: 60 / 12 = 5 > 3.5
        #expect(hits("html_title_subject_ratio('3.5')", long))
        #expect(!hits("html_title_subject_ratio('3.5')", "<title>hi</title>\n"))
    }

    @Test func fontFaceAndFormAndEmbeds() {
        #expect(hits("html_test('font_face_bad')", "<font face=\"!!!\">x</font>\n"))
        #expect(!hits("html_test('font_face_bad')", "<font face=\"Arial, Helvetica\">x</font>\n"))
        #expect(hits("html_test('form_action_mailto')", "<form action=\"MAILTO:x@y.z\"></form>\n"))
        #expect(hits("html_test('embeds')", "<embed src=x>\n"))
        #expect(!hits("html_test('embeds')", "<p>x</p>\n"))
    }

    @Test func lowContrastText() {
        #expect(hits("html_test('font_low_contrast')", "<font color=\"#ffffff\">hidden</font>\n"))
        #expect(hits("html_test('font_low_contrast')", "<span style=\"color: #fefefe\">hidden</span>\n"))
        #expect(!hits("html_test('font_low_contrast')", "<font color=\"#ff0000\">red</font>\n"))
        #expect(hits("html_test('font_invalid_color')", "<font color=\"zzz\">x</font>\n"))
    }

    @Test func charsetFarawayNeedsLocales() {
        let html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">x\n"
        #expect(!hits("html_charset_faraway()", html))
        #expect(EvalHarness.hits("body TEST eval:html_charset_faraway()", EvalHarness.html(html), settings: "ok_locales en"))
    }

    @Test func iframeSource() {
        #expect(hits("check_iframe_src()", "<iframe src=\"http://x/\"></iframe>\n"))
        #expect(!hits("check_iframe_src()", "<iframe></iframe>\n"))
    }
}
