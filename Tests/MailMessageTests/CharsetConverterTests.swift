import Testing
@testable import MailMessage

/// Bytes from hex pairs, spaces ignored: "e9 41" → [0xE9, 0x41].
private func hex(_ text: String) -> ArraySlice<UInt8> {
    let digits = Array(text.utf8.filter { $0 != 0x20 })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }[...]
}

private func ascii(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

@Suite("CharsetConverter")
struct CharsetConverterTests {
    // MARK: sniffing

    @Test func sniffsPureASCIIAsUSASCII() {
        let result = CharsetConverter.decode(ascii("Hello, world\r\n"), charset: nil)
        #expect(result.text == "Hello, world\r\n")
        #expect(result.charset == "us-ascii")
        #expect(result.defects.isEmpty)
    }

    @Test func sniffsValidUTF8() {
        let result = CharsetConverter.decode(ascii("Grüße, 日本 😀"), charset: nil)
        #expect(result.text == "Grüße, 日本 😀")
        #expect(result.charset == "utf-8")
        #expect(result.defects.isEmpty)
    }

    @Test func sniffsOtherEightBitAsWindows1252() {
        let result = CharsetConverter.decode(hex("63 61 66 e9 20 80 93 94"), charset: nil)
        #expect(result.text == "café €“”")
        #expect(result.charset == "windows-1252")
        #expect(result.defects.isEmpty)
    }

    @Test func emptyInputWithoutCharsetIsASCII() {
        let result = CharsetConverter.decode([], charset: nil)
        #expect(result.text.isEmpty)
        #expect(result.charset == "us-ascii")
    }

    @Test(arguments: ["", "  ", "\"\"", "x-user-defined", "unknown-8bit", "UNKNOWN", "7bit"])
    func labelsThatSayNothingAreSniffedWithoutDefect(label: String) {
        let result = CharsetConverter.decode(hex("e9"), charset: label)
        #expect(result.text == "é")
        #expect(result.charset == "windows-1252")
        #expect(result.defects.isEmpty)
    }

    // MARK: names

    @Test(arguments: [
        ("utf-8", "utf-8"), ("UTF8", "utf-8"), ("\"utf-8\"", "utf-8"), (" 'UTF-8' ", "utf-8"), ("utf-8; format=flowed", "utf-8"),
        ("charset=utf-8", "utf-8"), ("unicode-1-1-utf-8", "utf-8"),
        ("us-ascii", "us-ascii"), ("ASCII", "us-ascii"), ("ANSI_X3.4-1968", "us-ascii"),
        ("iso-8859-1", "windows-1252"), ("ISO8859-1", "windows-1252"), ("iso_8859-1:1987", "windows-1252"), ("latin1", "windows-1252"),
        ("cp1252", "windows-1252"), ("x-cp1252", "windows-1252"), ("Windows-1252", "windows-1252"),
        ("ISO-8859-2", "iso-8859-2"), ("iso8859_2", "iso-8859-2"), ("latin2", "iso-8859-2"), ("ISO-8859-15", "iso-8859-15"),
        ("iso-8859-9", "windows-1254"), ("tis-620", "windows-874"), ("iso-8859-11", "windows-874"),
        ("cp1251", "windows-1251"), ("x-cp1251", "windows-1251"), ("win-1250", "windows-1250"),
        ("ks_c_5601-1987", "cp949"), ("EUC-KR", "cp949"), ("gb2312", "gb18030"), ("GBK", "gb18030"), ("x-gbk", "gb18030"),
        ("big5", "cp950"), ("Big5-HKSCS", "big5-hkscs"), ("koi8-r", "koi8-r"), ("KOI8-U", "koi8-u"),
        ("shift_jis", "cp932"), ("Shift-JIS", "cp932"), ("x-sjis", "cp932"), ("windows-31j", "cp932"),
        ("euc-jp", "euc-jp"), ("x-euc-jp", "euc-jp"), ("iso-2022-jp", "iso-2022-jp"), ("ISO-2022-JP-2", "iso-2022-jp"),
        ("x-mac-cyrillic", "x-mac-cyrillic"), ("x-mac-roman", "macintosh"), ("x-mac-ce", "x-mac-ce"),
        ("utf-16le", "utf-16le"), ("UTF-7", "utf-7"), ("ibm866", "ibm866"), ("armscii-8", "armscii-8"),
    ])
    func canonicalNames(label: String, canonical: String) {
        #expect(CharsetDecoding.resolve(label).name == canonical)
        #expect(CharsetConverter.isKnown(label))
        #expect(CharsetConverter.decode(ascii("plain"), charset: label).charset == canonical)
    }

    @Test(arguments: ["x-no-such-charset", "foo/bar", "klingon", String(repeating: "a", count: 100), "utf-99", "ütf-8", "/utf-8", "=?"])
    func unknownCharsetIsReportedAndSniffed(label: String) {
        #expect(!CharsetConverter.isKnown(label))
        let result = CharsetConverter.decode(ascii("naïve"), charset: label)
        #expect(result.text == "naïve")
        #expect(result.charset == "utf-8")
        #expect(result.defects == [.unknownCharset])
    }

    @Test func unknownCharsetWithLatin1BytesFallsBackToWindows1252() {
        let result = CharsetConverter.decode(hex("6e 61 ef 76 65"), charset: "x-bogus")
        #expect(result.text == "naïve")
        #expect(result.charset == "windows-1252")
        #expect(result.defects == [.unknownCharset])
    }

    @Test(arguments: ["", "x-user-defined", "unknown-8bit"])
    func labelsMeaningUnknownAreNotKnown(label: String) {
        #expect(!CharsetConverter.isKnown(label))
    }

    // MARK: fast paths stay in Swift

    @Test(arguments: ["us-ascii", "ascii", "utf-8", "UTF8", "iso-8859-1", "latin1", "windows-1252", "cp1252"])
    func commonCharsetsNeverUseIconv(label: String) {
        switch CharsetDecoding.resolve(label).method {
        case .ascii, .utf8, .windows1252: break
        case let other: Issue.record("\(label) resolves to \(other)")
        }
    }

    @Test(arguments: ["iso-8859-2", "koi8-r", "gb2312", "shift_jis", "euc-kr", "big5", "windows-1251"])
    func asciiCompatibleCharsetsSkipIconvForASCII(label: String) {
        guard case .iconv(_, let asciiCompatible) = CharsetDecoding.resolve(label).method else {
            Issue.record("\(label) is not read by iconv")
            return
        }
        #expect(asciiCompatible)
    }

    @Test(arguments: ["utf-16", "utf-7", "viscii"])
    func charsetsThatRedefineASCIIBytesAlwaysConvert(label: String) {
        guard case .iconv(_, let asciiCompatible) = CharsetDecoding.resolve(label).method else {
            Issue.record("\(label) is not read by iconv")
            return
        }
        #expect(!asciiCompatible)
    }

    // MARK: Swift decoders

    @Test func utf8() {
        let result = CharsetConverter.decode(ascii("Ünïcödé ✓"), charset: "utf-8")
        #expect(result.text == "Ünïcödé ✓")
        #expect(result.defects.isEmpty)
    }

    @Test func utf8ByteOrderMarkIsDropped() {
        let result = CharsetConverter.decode(hex("ef bb bf 41 c3 a9"), charset: "utf-8")
        #expect(result.text == "Aé")
    }

    @Test func utf8ByteOrderMarkOverridesLatin1Label() {
        let result = CharsetConverter.decode(hex("ef bb bf 41 c3 a9"), charset: "iso-8859-1")
        #expect(result.text == "Aé")
        #expect(result.charset == "utf-8")
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let result = CharsetConverter.decode(hex("61 ff 62 c3 28 63 e2 82"), charset: "utf-8")
        #expect(result.text == "a\u{FFFD}b\u{FFFD}(c\u{FFFD}")
        #expect(result.charset == "utf-8")
        #expect(result.defects == [.badCharsetData])
    }

    @Test func latin1IsReadAsWindows1252() {
        let result = CharsetConverter.decode(hex("80 20 93 71 94 20 e9 ff 81 a0"), charset: "ISO-8859-1")
        #expect(result.text == "€ “q” éÿ\u{81}\u{A0}")
        #expect(result.charset == "windows-1252")
        #expect(result.defects.isEmpty)
    }

    @Test func windows1252CoversEveryByte() {
        let all = (0...255).map(UInt8.init)[...]
        let result = CharsetConverter.decode(all, charset: "windows-1252")
        #expect(result.text.unicodeScalars.count == 256)
        #expect(result.defects.isEmpty)
        let scalars = Array(result.text.unicodeScalars)
        #expect(scalars[0x41] == "A")
        #expect(scalars[0x80] == "€")
        #expect(scalars[0x9F] == "Ÿ")
        #expect(scalars[0xFF] == "ÿ")
    }

    @Test func asciiLabelWithUTF8BytesIsSniffedAndReported() {
        let result = CharsetConverter.decode(ascii("café"), charset: "us-ascii")
        #expect(result.text == "café")
        #expect(result.charset == "utf-8")
        #expect(result.defects == [.badCharsetData])
    }

    @Test func asciiLabelWithLatin1BytesIsSniffedAndReported() {
        let result = CharsetConverter.decode(hex("63 61 66 e9"), charset: "us-ascii")
        #expect(result.text == "café")
        #expect(result.charset == "windows-1252")
        #expect(result.defects == [.badCharsetData])
    }

    // MARK: iconv charsets

    @Test(arguments: [
        ("koi8-r", "f0d2c9d7c5d4", "Привет"),
        ("windows-1251", "cff0e8e2e5f2", "Привет"),
        ("x-mac-cyrillic", "8ff0e8e2e5f2", "Привет"),
        ("iso-8859-2", "a3f364bc", "Łódź"),
        ("iso-8859-15", "a4", "€"),
        ("iso-8859-7", "cae1ebe7ecddf1e1", "Καλημέρα"),
        ("iso-8859-8-i", "f9ece5ed", "שלום"),
        ("macintosh", "6361668e", "café"),
        ("gb2312", "d6d0cec4", "中文"),
        ("gb18030", "9439fc36", "😀"),
        ("gbk", "80", "€"),
        ("big5", "a4a4a4e5a3e1", "中文€"),
        ("big5-hkscs", "a4a4", "中"),
        ("shift_jis", "93fa967b8cea5c", "日本語\\"),
        ("euc-jp", "c6fccbdcb8ec", "日本語"),
        ("euc-jp", "ada1", "①"),
        ("euc-kr", "c7d1b1b9beee", "한국어"),
        ("ks_c_5601-1987", "c7d1b1b9beee8c63", "한국어똠"),
        ("iso-2022-kr", "1b2429430e47510f", "한"),
        ("utf-7", "48692b4a6a6f2d", "Hi☺"),
        ("utf-16be", "00410042", "AB"),
        ("utf-16le", "41004200", "AB"),
        ("windows-874", "cac7d1cab4d5", "สวัสดี"),
    ])
    func iconvCharsets(label: String, bytes: String, text: String) {
        let result = CharsetConverter.decode(hex(bytes), charset: label)
        #expect(result.text == text)
        #expect(result.defects.isEmpty)
    }

    @Test func asciiTextInAMultiByteCharsetIsUnchanged() {
        let result = CharsetConverter.decode(ascii("Hello <b>world</b>\r\n"), charset: "gb2312")
        #expect(result.text == "Hello <b>world</b>\r\n")
        #expect(result.charset == "gb18030")
    }

    @Test func invalidByteInShiftJISIsReplacedAndTheRestKept() {
        let result = CharsetConverter.decode(hex("93fa ff 967b 8cea"), charset: "shift_jis")
        #expect(result.text == "日\u{FFFD}本語")
        #expect(result.defects == [.badCharsetData])
    }

    @Test func invalidByteInGB18030IsReplaced() {
        let result = CharsetConverter.decode(hex("d6d0 ff cec4"), charset: "gb2312")
        #expect(result.text == "中\u{FFFD}文")
        #expect(result.defects == [.badCharsetData])
    }

    @Test func truncatedMultiByteCharacterAtTheEndIsReplaced() {
        let result = CharsetConverter.decode(hex("c7d1 b1"), charset: "euc-kr")
        #expect(result.text == "한\u{FFFD}")
        #expect(result.defects == [.badCharsetData])
    }

    @Test func outputMuchLongerThanInputGrowsTheBuffer() {
        // Thai: one byte becomes three UTF-8 bytes, more than the first buffer holds.
        let thai = Array(repeating: hex("cac7d1cab4d5"), count: 5000).flatMap { $0 }
        let result = CharsetConverter.decode(thai[...], charset: "tis-620")
        #expect(result.text == String(repeating: "สวัสดี", count: 5000))
        #expect(result.defects.isEmpty)
    }

    @Test func manyInvalidBytesLoseNoText() {
        var bytes: [UInt8] = []
        for _ in 0..<2000 { bytes += [0x93, 0xFA, 0xFF, 0x41] }
        let result = CharsetConverter.decode(bytes[...], charset: "cp932")
        #expect(result.text == String(repeating: "日\u{FFFD}A", count: 2000))
        #expect(result.defects == [.badCharsetData])
    }

    @Test func randomBytesInEveryCharsetGiveText() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }[...]
        for label in ["utf-8", "us-ascii", "iso-8859-1", "koi8-r", "gb2312", "big5", "shift_jis", "euc-jp", "euc-kr",
                      "iso-2022-jp", "iso-2022-kr", "utf-7", "utf-16", "x-mac-ce", nil] {
            let result = CharsetConverter.decode(bytes, charset: label)
            #expect(!result.text.isEmpty, "\(label ?? "nil")")
        }
    }

    // MARK: ISO-2022-JP

    @Test func iso2022JP() {
        let result = CharsetConverter.decode(hex("1b2442 467c4b5c386c 1b2842 21"), charset: "ISO-2022-JP")
        #expect(result.text == "日本語!")
        #expect(result.charset == "iso-2022-jp")
        #expect(result.defects.isEmpty)
    }

    @Test func iso2022JPReadsNECSpecialCharacters() {
        // Row 13 of the NEC extension: circled one and the "kabushiki kaisha" sign, common in Japanese mail.
        let result = CharsetConverter.decode(hex("1b2442 2d21 2d6a 1b2842"), charset: "iso-2022-jp")
        #expect(result.text == "①㈱")
        #expect(result.defects.isEmpty)
    }

    @Test func iso2022JPReadsHalfWidthKatakana() {
        let result = CharsetConverter.decode(hex("1b2849 3133 1b2842 41"), charset: "iso-2022-jp")
        #expect(result.text == "ｱｳA")
    }

    @Test func iso2022JPRomanSetIsASCII() {
        let result = CharsetConverter.decode(hex("1b284a 41 1b2842"), charset: "iso-2022-jp")
        #expect(result.text == "A")
    }

    @Test func iso2022JPLineEndReturnsToASCII() {
        let result = CharsetConverter.decode(hex("1b2442 467c 0a 41"), charset: "iso-2022-jp")
        #expect(result.text == "日\nA")
    }

    @Test func iso2022JPWithoutEscapesIsASCII() {
        let result = CharsetConverter.decode(ascii("plain text"), charset: "iso-2022-jp")
        #expect(result.text == "plain text")
        #expect(result.charset == "iso-2022-jp")
    }

    @Test func iso2022JPTruncatedPairAndEightBitBytesAreReported() {
        let result = CharsetConverter.decode(hex("1b2442 467c 46"), charset: "iso-2022-jp")
        #expect(result.text == "日\u{FFFD}")
        #expect(result.defects == [.badCharsetData])
        let eightBit = CharsetConverter.decode(hex("41 e9 42"), charset: "iso-2022-jp")
        #expect(eightBit.text == "A\u{FFFD}B")
        #expect(eightBit.defects == [.badCharsetData])
    }

    @Test func iso2022JPUnknownEscapeIsReported() {
        let result = CharsetConverter.decode(hex("41 1b 7a 42"), charset: "iso-2022-jp")
        #expect(result.text == "A\u{FFFD}zB")
        #expect(result.defects == [.badCharsetData])
    }

    // MARK: threads

    @Test func concurrentConversionsDoNotInterfere() async {
        let samples: [(String, ArraySlice<UInt8>, String)] = [
            ("iso-2022-jp", hex("1b2442 467c4b5c386c 1b2842"), "日本語"),
            ("shift_jis", hex("93fa967b8cea"), "日本語"),
            ("koi8-r", hex("f0d2c9d7c5d4"), "Привет"),
            ("iso-2022-kr", hex("1b2429430e47510f"), "한"),
        ]
        let failures = await withTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var failures = 0
                    for round in 0..<200 {
                        let (label, bytes, text) = samples[(task + round) % samples.count]
                        let repeated = Array(repeating: bytes, count: 50).flatMap { $0 }
                        if CharsetConverter.decode(repeated[...], charset: label).text != String(repeating: text, count: 50) { failures += 1 }
                    }
                    return failures
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}
