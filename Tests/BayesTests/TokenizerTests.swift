import MailMessage
import Testing
@testable import Bayes

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer(options: TokenizerOptions(keepTexts: true))

    func tokens(_ message: MailMessage) -> Set<String> { Set(tokenizer.tokens(of: message).texts.values) }

    @Test func headerTokensCarryTheirHeaderPrefix() {
        let found = tokens(TestMessages.parse(TestMessages.plain))
        #expect(found.contains("s:quarterly"))
        #expect(found.contains("s:report"))
        #expect(found.contains("f:a:alice@mail.example.com"))
        #expect(found.contains("f:d:example.com"))
        #expect(found.contains("f:d:mail.example.com"))
        #expect(found.contains("f:n:alice"))
        #expect(found.contains("t:a:bob@example.org"))
        #expect(found.contains("x:mutt 9.9.9i"))
        #expect(found.contains("hn:x-mailer"))
        // A Subject word is not also a body word, and a body word is not a Subject word.
        #expect(!found.contains("draft"))
        #expect(!found.contains("s:charts"))
    }

    @Test func nearlyEveryHeaderGivesItsWordsUnderItsName() {
        let message = TestMessages.parse("""
            From: a@example.org
            X-Tracking-Id: Campaign-77 list.Blaster@bulk.example.net
            List-Unsubscribe: <mailto:leave@lists.example.org>
            X-Mailer: Mutt 1.4.2i
            Date: Tue, 3 Sep 2002 10:00:00 +0100

            Hello.
            """)
        let found = tokens(message)
        #expect(found.contains("H:x-tracking-id:campaign-77"))
        #expect(found.contains("H:x-tracking-id:list.blaster@bulk.example.net"))
        #expect(found.contains("H:list-unsubscribe:mailto"))
        #expect(found.contains("H:list-unsubscribe:leave@lists.example.org"))
        #expect(found.contains("H:x-mailer:1.4.2i"))
        // Fields with tokenizers of their own give no H: words.
        #expect(!found.contains { $0.hasPrefix("H:from:") || $0.hasPrefix("H:date:") })
    }

    @Test func receivedIsReducedToRelayHostsAndAddresses() {
        let found = tokens(TestMessages.parse(TestMessages.plain))
        #expect(found.contains("r:h:relay.example.net"))
        #expect(found.contains("r:d:example.net"))
        #expect(found.contains("r:h:mx.example.org"))
        #expect(found.contains("r:ip:192.0.2.17"))
        #expect(found.contains("r:ip:192.0.2"))
        #expect(found.contains("r:ip:192.0"))
        #expect(found.contains("r:w:esmtp"))
        // Queue ids and the date are dropped.
        #expect(!found.contains { $0.contains("4f2a1b") || $0.contains("2002") && $0.hasPrefix("r:") })
    }

    @Test func programVersionsInReceivedAreNotRelayHosts() {
        let message = TestMessages.parse("""
            Received: from pop.example.net [192.0.2.5] by localhost with POP3 (fetchmail-5.9.0) for jm@localhost; Wed, 04 Dec 2002 02:24:29 +0100
            Received: from Sender ([198.51.100.9]) by mta.example.com (InterMail vM.4.01.03.23 201-229-121-123-20010418) with SMTP; Tue, 12 Mar 2002 19:58:14 -0500
            Subject: x

            Hello there

            """)
        let found = tokens(message)
        #expect(found.contains("r:h:pop.example.net"))
        #expect(found.contains("r:h:mta.example.com"))
        #expect(found.contains("r:d:example.com"))
        #expect(found.contains("r:w:pop3"))
        for version in ["r:h:fetchmail-5.9.0", "r:d:9.0", "r:h:vm.4.01.03.23", "r:d:4.01.03.23", "r:d:03.23", "r0:d:03.23"] {
            #expect(!found.contains(version))
        }
    }

    @Test func messageIDBecomesItsShapeAndDomain() {
        let found = tokens(TestMessages.parse(TestMessages.plain))
        #expect(found.contains("m:shape:9.A9@3"))
        #expect(found.contains("m:d:mail.example.com"))
        #expect(!found.contains { $0.contains("abc123") })
    }

    @Test func urlsAreSplitIntoTheirParts() {
        let found = tokens(TestMessages.parse(TestMessages.plain))
        #expect(found.contains("u:s:http"))
        #expect(found.contains("u:h:reports.example.com"))
        #expect(found.contains("u:d:example.com"))
        #expect(found.contains("u:tld:com"))
        #expect(found.contains("u:port"))
        #expect(found.contains("u:query"))
        #expect(found.contains("u:p:q3"))
        #expect(found.contains("u:p:summary"))
        #expect(found.contains("u:p:html"))
        // The URL is not read as ordinary words as well.
        #expect(!found.contains("reports.example.com"))
    }

    @Test func urlUserInfoTrickAndNumericHostAreFlagged() {
        let message = TestMessages.parse("Subject: x\n\nLog in at http://www.bank.example@198.51.100.7/login now\n")
        let found = tokens(message)
        #expect(found.contains("u:userinfo"))
        #expect(found.contains("u:ip"))
        #expect(found.contains("u:h:198.51.100.7"))
        #expect(!found.contains("u:h:www.bank.example"))
    }

    @Test func anEscapedHostIsDecodedAndAHostEndsWhereHostNameBytesEnd() {
        let message = TestMessages.parse("""
            Subject: x

            See http://%77%77%77.sh%6fp.example/offer and http://%77ww.x.example%40deals.example%2fcheap and
            www.search.example&nbsp;Lycos

            """)
        let found = tokens(message)
        #expect(found.contains("u:encoded-host"))
        #expect(found.contains("u:h:www.shop.example"))
        #expect(found.contains("u:d:shop.example"))
        #expect(found.contains("u:userinfo"), "an escaped @ is user-info")
        #expect(found.contains("u:h:deals.example"))
        #expect(found.contains("u:p:cheap"), "what follows an escaped / is path")
        #expect(found.contains("u:h:www.search.example"))
        #expect(found.contains("u:tld:example"))
        #expect(!found.contains { $0.hasPrefix("u:") && $0.contains("%") })
        #expect(!found.contains { $0.hasPrefix("u:h:") && $0.contains("nbsp") })
    }

    @Test func bodyWordsAreLowerCasedAndKeepInnerPunctuation() {
        let message = TestMessages.parse("Subject: x\n\nDon't MISS the e-mail about $500, version 2.5. ok\n")
        let found = tokens(message)
        #expect(found.contains("don't"))
        #expect(found.contains("miss"))
        #expect(found.contains("e-mail"))
        #expect(found.contains("$500"))
        #expect(found.contains("2.5"))
        #expect(found.contains("version"))
        #expect(!found.contains("ok"), "shorter than the minimum")
        #expect(!found.contains("MISS"))
    }

    @Test func aTypographicApostropheJoinsAWordAsAPlainOneDoes() {
        // U+2019, what word processors type for "'" (Windows-1252 0x92).
        let message = TestMessages.parse("Subject: It\u{2019}s here\n\nDon\u{2019}t wait, you\u{2019}ll love it\n")
        let found = tokens(message)
        #expect(found.contains("don't"))
        #expect(found.contains("you'll"))
        #expect(found.contains("b:don't wait"))
        #expect(found.contains("s:it's"))
        #expect(!found.contains("don"))
        #expect(!found.contains("you"))
    }

    @Test func htmlCharacterReferencesAreDecodedAsBrowsersDo() {
        let message = TestMessages.parse("""
            Subject: x
            Content-Type: text/html

            <p>Caf&eacute; Espa&ntilde;a&nbspgratis &amp; m&aacute;s, it&#146;s true</p>

            """)
        let found = tokens(message)
        #expect(found.contains("café"), "a named reference is the letter it names")
        #expect(found.contains("españa"))
        #expect(found.contains("más"))
        #expect(found.contains("gratis"), "&nbsp without ; is a space, as a legacy name")
        #expect(found.contains("it's"), "0x80-0x9F are Windows-1252: 0x92 is the apostrophe")
        #expect(!found.contains("caf"))
        #expect(!found.contains("nbspgratis"))
    }

    @Test func longWordsBecomeSkipTokens() {
        let found = tokens(TestMessages.parse(TestMessages.plain))
        #expect(!found.contains("supercalifragilisticexpialidociousness"))
        #expect(found.contains("skip:a3"), "first character a letter, 38 characters: bucket 3")
    }

    @Test func nonLatinScripts() {
        let message = TestMessages.parse("Subject: x\nContent-Type: text/plain; charset=utf-8\n\nСРОЧНО Купите сейчас. 今日は特別価格です\n")
        let found = tokens(message)
        #expect(found.contains("срочно"), "Cyrillic is lower-cased")
        #expect(found.contains("купите"))
        #expect(found.contains("今日"), "Han and kana in overlapping pairs")
        #expect(found.contains("日は"))
        #expect(found.contains("格で"))
        #expect(found.contains("script:han"))
        #expect(found.contains("script:hiragana"))
        #expect(found.contains("script:cyrillic"))
        #expect(!found.contains("今日は特別価格です"))
    }

    @Test func aLetterPastASCIIInsideAWordGivesTheScriptTokenToo() {
        let message = TestMessages.parse("Subject: x\nContent-Type: text/plain; charset=utf-8\n\nJetzt im Handel erh\u{E4}ltlich\n")
        let found = tokens(message)
        #expect(found.contains("erhältlich"))
        #expect(found.contains("script:latin"), "not only for a word that starts with such a letter")
    }

    @Test func htmlTextJoinsInlineTagsAndTokenizesMarkup() {
        let message = TestMessages.parse("""
            Subject: x
            Content-Type: text/html

            <html><body><p>Buy V<b></b>iagra&nbsp;now</p><font color="#FF0000" size=7>cheap</font>
            <a href="http://shop.example.biz/buy">here</a><!-- filler --><script>var hidden = 1;</script>
            <p style="display: none">invisible</p>&#86;alue</body></html>

            """)
        let found = tokens(message)
        #expect(found.contains("viagra"), "an inline tag does not split a word")
        #expect(found.contains("now"))
        #expect(found.contains("cheap"))
        #expect(found.contains("html:t:font"))
        #expect(found.contains("html:a:color"))
        #expect(found.contains("html:v:font.color=#ff0000"))
        #expect(found.contains("html:v:font.size=7"))
        #expect(found.contains("u:h:shop.example.biz"))
        #expect(found.contains("html:comment"))
        #expect(found.contains("html:hidden-style"))
        #expect(found.contains("html:entity-letter"))
        #expect(found.contains("value"))
        #expect(!found.contains("hidden"), "script content is not text")
        #expect(!found.contains("filler"), "comments are not text")
    }

    @Test func attachmentsGiveNameAndType() {
        let message = TestMessages.parse("""
            Subject: x
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain

            see attached
            --b1
            Content-Type: application/octet-stream; name="Invoice_2002.exe"
            Content-Disposition: attachment; filename="Invoice_2002.exe"
            Content-Transfer-Encoding: base64

            TVqQAAMAAAAEAAAA
            --b1--

            """)
        let found = tokens(message)
        #expect(found.contains("att:ext:exe"))
        #expect(found.contains("att:type:application/octet-stream"))
        #expect(found.contains("att:n:invoice_2002.exe"))
        #expect(found.contains("mime:t:multipart/mixed"))
        #expect(found.contains("mime:cte:base64"))
        #expect(found.contains("mime:disp:attachment"))
    }

    @Test func tokensAreHashedTo64BitsStablyAndOnce() {
        let message = TestMessages.parse(TestMessages.plain)
        let first = tokenizer.tokens(of: message)
        let second = Tokenizer().tokens(of: message)
        #expect(first.hashes == second.hashes, "keeping texts does not change the hashes")
        #expect(first.hashes == first.hashes.sorted())
        #expect(Set(first.hashes).count == first.hashes.count)
        #expect(first.contains("s:quarterly"))
        #expect(TokenHasher.hash("s:quarterly") != TokenHasher.hash("quarterly"))
        // The hash is fixed forever, since databases store it: FNV-1a 64 then MurmurHash3's
        // finaliser (vectors computed independently, in Python).
        #expect(TokenHasher.hash("") == 0xEFD0_1F60_BA99_2926)
        #expect(TokenHasher.hash("a") == 0x82A2_A958_A9BE_CE5B)
        #expect(TokenHasher.hash("s:quarterly") == 0x3080_1C12_4FFB_3025)
    }

    @Test func wordPairsWithinASentence() {
        let found = tokens(TestMessages.parse("Subject: x\n\nfree money today. next sentence\n"))
        #expect(found.contains("b:free money"))
        #expect(found.contains("b:money today"))
        #expect(!found.contains("b:today next"), "pairs do not cross a sentence end")
        var options = TokenizerOptions(keepTexts: true)
        options.wordPairs = false
        let without = Set(Tokenizer(options: options).tokens(of: TestMessages.parse("Subject: x\n\nfree money today\n")).texts.values)
        #expect(!without.contains { $0.hasPrefix("b:") })
    }

    @Test func capitalsAndPunctuationKeepTheirOwnTokens() {
        let found = tokens(TestMessages.parse("Subject: ACT NOW\n\nClick HERE for FREE!!! Only 100% Real\n"))
        #expect(found.contains("C:HERE"))
        #expect(found.contains("C:FREE"))
        #expect(found.contains("C:s:ACT"))
        #expect(found.contains("here") && found.contains("free"))
        #expect(!found.contains("C:Click"), "only words written in capitals")
        #expect(!found.contains("C:Real"))
        #expect(found.contains("w:free!!!"))
        #expect(found.contains("w:100%"))
        #expect(!found.contains("w:only"), "a chunk without punctuation is just the word")
    }

    @Test func earliestRelaysAndPartDigests() {
        let message = TestMessages.parse("""
            Received: from mx.example.org by local.example.org; Tue, 3 Sep 2002 10:00:05 +0100
            Received: from gw.example.net (gw.example.net [198.51.100.9]) by mx.example.org; Tue, 3 Sep 2002 10:00:03 +0100
            Received: from origin.example.com (origin.example.com [203.0.113.5]) by gw.example.net; Tue, 3 Sep 2002 10:00:01 +0100
            Subject: x

            same body

            """)
        let found = tokens(message)
        #expect(found.contains("r:h:local.example.org"))
        #expect(!found.contains("r0:h:local.example.org"), "the last hop is not where it came from")
        #expect(found.contains("r0:h:origin.example.com"))
        #expect(found.contains("r0:ip:203.0.113.5"))
        #expect(found.contains("r0:h:gw.example.net"))
        let copy = tokens(TestMessages.parse("Subject: other\n\nsame body\n"))
        let digests = found.filter { $0.hasPrefix("part:") }
        #expect(digests.count == 1)
        #expect(digests.isSubset(of: copy), "the same content gives the same digest")
    }

    @Test func theTokenLimitBoundsAHugeMessage() {
        var options = TokenizerOptions()
        options.maxTokens = 1000
        let words = (0..<50_000).map { "w\($0)x" }.joined(separator: " ")
        let set = Tokenizer(options: options).tokens(of: TestMessages.parse("Subject: x\n\n" + words + "\n"))
        #expect(set.count <= 1000)
        #expect(set.count > 900)
    }

    /// Security: a message whose tokens were crafted offline so that their hashes share the low
    /// bits the duplicate-removal table used to take as the slot. The slot is now mixed with a
    /// per-process key, so they spread over the table instead of all probing one run.
    @Test func tokensCraftedToShareSlotBitsSpreadOverTheTable() {
        let mask = (1 << 17) - 1
        let crafted = (1...1_000).map { UInt64($0) << 17 }
        let slots = Set(crafted.map { TokenSink.slot(of: $0, mask: mask) })
        #expect(slots.count > 900)
    }
}
