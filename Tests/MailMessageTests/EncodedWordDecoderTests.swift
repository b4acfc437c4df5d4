import Testing
import MailMessage

@Suite("EncodedWordDecoder")
struct EncodedWordDecoderTests {
    private func decoded(_ text: String) -> String { EncodedWordDecoder.decode(text).text }

    // MARK: RFC 2047 section 8

    @Test(arguments: [
        ("(=?ISO-8859-1?Q?a?=)", "(a)"),
        ("(=?ISO-8859-1?Q?a?= b)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"),
        ("(=?ISO-8859-1?Q?a_b?=)", "(a b)"),
        ("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"),
    ])
    func rfc2047DisplayTable(encoded: String, expected: String) {
        let result = EncodedWordDecoder.decode(encoded)
        #expect(result.text == expected)
        #expect(result.defects.isEmpty)
    }

    @Test(arguments: [
        ("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>", "Keith Moore <moore@cs.utk.edu>"),
        ("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>", "Keld Jørn Simonsen <keld@dkuug.dk>"),
        ("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>", "André Pirard <PIRARD@vm1.ulg.ac.be>"),
        ("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n    =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
         "If you can read this you understand the example."),
        ("=?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>", "Olle Järnefors <ojarnef@admin.kth.se>"),
        ("Nathaniel Borenstein <nsb@thumper.bellcore.com> (=?iso-8859-8?b?7eXs+SDv4SDp7Oj08A==?=)",
         "Nathaniel Borenstein <nsb@thumper.bellcore.com> (םולש ןב ילטפנ)"),
        ("Patrik =?ISO-8859-1?Q?F=E4ltstr=F6m?= <paf@nada.kth.se>", "Patrik Fältström <paf@nada.kth.se>"),
    ])
    func rfc2047HeaderExamples(encoded: String, expected: String) {
        let result = EncodedWordDecoder.decode(encoded)
        #expect(result.text == expected)
        #expect(result.defects.isEmpty)
    }

    @Test func rfc2231LanguageIsIgnored() {
        #expect(decoded("=?US-ASCII*EN?Q?Keith_Moore?=") == "Keith Moore")
        #expect(decoded("=?utf-8*de?q?Gr=C3=BC=C3=9Fe?=") == "Grüße")
    }

    // MARK: ordinary text

    @Test func textWithoutEncodedWordsIsReturnedAsIs() {
        let text = "Re: price = 5? yes; x=y ?= ok"
        let result = EncodedWordDecoder.decode(text)
        #expect(result.text == text)
        #expect(result.defects.isEmpty)
    }

    @Test func lowerCaseEncodingsAndSurroundingTextAreKept() {
        #expect(decoded("Grüße =?utf-8?q?aus?= Köln") == "Grüße aus Köln")
        #expect(decoded("=?utf-8?b?w6k=?=") == "é")
    }

    @Test func whiteSpaceBetweenAWordAndTextIsKept() {
        #expect(decoded("=?utf-8?q?a?= x =?utf-8?q?b?=") == "a x b")
        #expect(decoded("x\t=?utf-8?q?a?=\ty") == "x\ta\ty")
    }

    @Test func spacesInsideWordsAreKept() {
        #expect(decoded("=?utf-8?q?a_?= =?utf-8?q?_b?=") == "a  b")
        #expect(decoded("=?utf-8?q?a=20?=\t=?utf-8?q?b?=") == "a b")
    }

    @Test func emptyWordDecodesToNothing() {
        let result = EncodedWordDecoder.decode("a=?utf-8?q??=b")
        #expect(result.text == "ab")
        #expect(result.defects.isEmpty)
    }

    @Test func wordsAreDecodedInsideWordsAndQuotedStrings() {
        #expect(decoded("foo=?utf-8?q?bar?=baz") == "foobarbaz")
        #expect(decoded("\"=?utf-8?q?J=C3=B6rg?=\" <j@example.com>") == "\"Jörg\" <j@example.com>")
        #expect(decoded("=?utf-8?q?a?==?utf-8?q?b?=") == "ab")
    }

    @Test func underscoreIsASpaceOnlyInQ() {
        #expect(decoded("=?utf-8?q?a_b?=") == "a b")
        // In B, "_" is the URL-safe base64 digit 63 that some senders use: "__8=" is 0xFF 0xFF.
        #expect(decoded("=?iso-8859-1?b?__8=?=") == "ÿÿ")
    }

    @Test func spacesInsideEncodedTextAreTolerated() {
        #expect(decoded("=?utf-8?q?hello world?=") == "hello world")
        #expect(decoded("=?utf-8?b?aGVs bG8=?=") == "hello")
    }

    // MARK: joining split words

    @Test func utf8SplitInsideACharacterJoins() {
        // 日本語 cut after its fourth byte, in the middle of 本.
        let result = EncodedWordDecoder.decode("=?UTF-8?B?5pel5g==?= =?UTF-8?B?nKzoqp4=?=")
        #expect(result.text == "日本語")
        #expect(result.defects.isEmpty)
    }

    @Test func utf8SplitAcrossQWordsJoins() {
        #expect(decoded("=?utf-8?q?=E6=97?= =?UTF-8?Q?=A5?=") == "日")
    }

    @Test func utf8SplitAcrossBAndQWordsJoins() {
        #expect(decoded("=?utf-8?b?5pc=?= =?utf-8?q?=A5?=") == "日")
    }

    @Test func base64QuantumSplitAcrossWordsJoins() {
        let result = EncodedWordDecoder.decode("=?utf-8?b?5pel5p?= =?utf-8?b?ys?=")
        #expect(result.text == "日本")
        #expect(result.defects.isEmpty)
    }

    @Test func missingBase64PaddingIsTolerated() {
        let result = EncodedWordDecoder.decode("=?utf-8?b?YQ?= =?utf-8?b?Yg?=")
        #expect(result.text == "ab")
        #expect(result.defects.isEmpty)
    }

    @Test func iso2022JPSplitAfterTheEscapeJoins() {
        // The first word switches to JIS X 0208 and holds 日; the second holds 本語 and switches back.
        let result = EncodedWordDecoder.decode("=?ISO-2022-JP?B?GyRCRnw=?=\r\n =?ISO-2022-JP?B?S1w4bBsoQg==?=")
        #expect(result.text == "日本語")
        #expect(result.defects.isEmpty)
    }

    @Test func iso2022JPWholeWord() {
        #expect(decoded("Subject: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=") == "Subject: 日本語")
    }

    @Test func big5SplitInsideACharacterJoins() {
        // 中文 as A4 A4 A4 E5, cut after the third byte.
        #expect(decoded("=?big5?B?pKSk?= =?BIG5?B?5Q==?=") == "中文")
    }

    @Test func gb2312AndKoi8AndLatin() {
        #expect(decoded("=?gb2312?B?1tDOxA==?=") == "中文")
        #expect(decoded("=?koi8-r?Q?=F0=D2=C9=D7=C5=D4?=") == "Привет")
        #expect(decoded("=?windows-1251?B?z/Do4uXy?=") == "Привет")
        #expect(decoded("=?ks_c_5601-1987?B?x9Gxub7u?=") == "한국어")
    }

    @Test func differentCharsetsAreConvertedSeparately() {
        // Each half is invalid alone in the other's charset; the white space between still goes.
        #expect(decoded("=?iso-8859-1?q?caf=E9?= =?utf-8?q?_na=C3=AFve?=") == "café naïve")
    }

    // MARK: broken words

    @Test func unknownCharsetIsSniffed() {
        let result = EncodedWordDecoder.decode("=?x-unknown-cs?q?caf=C3=A9?=")
        #expect(result.text == "café")
        #expect(result.defects == [.unknownCharset])
    }

    @Test func invalidBytesInTheCharsetAreReported() {
        let result = EncodedWordDecoder.decode("=?utf-8?q?a=FFb?=")
        #expect(result.text == "a\u{FFFD}b")
        #expect(result.defects == [.badCharsetData])
    }

    @Test func badBase64CharactersAreSkippedAndReported() {
        let result = EncodedWordDecoder.decode("=?utf-8?b?Y*Q==?= ok")
        #expect(result.text == "a ok")
        #expect(result.defects == [.badEncodedWord])
    }

    @Test func loneBase64DigitIsReported() {
        let result = EncodedWordDecoder.decode("=?utf-8?b?YWJjZ?=")
        #expect(result.text == "abc")
        #expect(result.defects == [.badEncodedWord])
    }

    @Test func badQuotedPrintableEscapeStaysAndIsReported() {
        let result = EncodedWordDecoder.decode("=?utf-8?q?a=ZZb=4?=")
        #expect(result.text == "a=ZZb=4")
        #expect(result.defects == [.badEncodedWord])
    }

    @Test func unknownEncodingStaysAsWritten() {
        let result = EncodedWordDecoder.decode("=?utf-8?X?abc?= =?utf-8?q?d?=")
        #expect(result.text == "=?utf-8?X?abc?= d")
        #expect(result.defects == [.badEncodedWord])
    }

    @Test func unterminatedWordIsDecodedToTheEndOfItsToken() {
        let atEnd = EncodedWordDecoder.decode("Re: =?utf-8?q?caf=C3=A9")
        #expect(atEnd.text == "Re: café")
        #expect(atEnd.defects == [.badEncodedWord])
        let midway = EncodedWordDecoder.decode("=?utf-8?q?abc def")
        #expect(midway.text == "abc def")
    }

    @Test func unterminatedWordBeforeAnotherWordDoesNotSwallowIt() {
        let result = EncodedWordDecoder.decode("=?utf-8?q?abc =?utf-8?q?def?=")
        #expect(result.text == "abc def")
        #expect(result.defects == [.badEncodedWord])
    }

    @Test func thingsThatOnlyLookLikeWordsStay() {
        for text in ["=?", "a=?b", "=??q?x?=", "=?utf-8", "=?utf-8?", "=?utf-8?q", "x =?a b?q?c?="] {
            let result = EncodedWordDecoder.decode(text)
            #expect(result.text == text, "\(text)")
        }
    }

    @Test func repeatedWordStartsTakeLinearTime() {
        let text = String(repeating: "=?", count: 50_000) + String(repeating: "=?a", count: 50_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = EncodedWordDecoder.decode(text) }
        #expect(elapsed < .seconds(5))
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("=?qQbB_ aé\t=?utf-8?iso-2022-jp?GyRC".unicodeScalars)
        for _ in 0..<500 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            let result = EncodedWordDecoder.decode(String(text))
            #expect(result.text.utf8.count <= String(text).utf8.count * 4 + 8)
        }
    }
}
