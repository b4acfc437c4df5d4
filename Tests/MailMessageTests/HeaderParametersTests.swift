import Testing
@testable import MailMessage

@Suite struct HeaderParametersTests {
    @Test func splitsValueAndParameters() {
        let parsed = HeaderParameters.parse("text/plain; charset=us-ascii; format=flowed")
        #expect(parsed.value == "text/plain")
        #expect(parsed.parameters == ["charset": "us-ascii", "format": "flowed"])
        #expect(parsed.defects.isEmpty)
    }

    @Test func lowerCasesNamesButNotValues() {
        let parsed = HeaderParameters.parse("Text/Plain; CharSet=\"UTF-8\"; NAME=Report.PDF")
        #expect(parsed.value == "Text/Plain")
        #expect(parsed.parameters == ["charset": "UTF-8", "name": "Report.PDF"])
    }

    @Test func unquotesQuotedStringsWithQuotedPairs() {
        let parsed = HeaderParameters.parse(#"attachment; filename="quoted \" value; (not a comment)"; x="C:\\dir\\f.txt""#)
        #expect(parsed.parameters["filename"] == #"quoted " value; (not a comment)"#)
        #expect(parsed.parameters["x"] == #"C:\dir\f.txt"#)
        #expect(parsed.defects.isEmpty)
    }

    @Test func dropsCommentsAnywhere() {
        let parsed = HeaderParameters.parse("text/plain (body) ; (before) charset (mid) = us-ascii (Plain text) ;format=flowed(x)")
        #expect(parsed.value == "text/plain")
        #expect(parsed.parameters == ["charset": "us-ascii", "format": "flowed"])
        #expect(parsed.defects.isEmpty)
    }

    @Test func toleratesExtraSemicolons() {
        let parsed = HeaderParameters.parse("text/plain;; charset=utf-8 ; ;")
        #expect(parsed.parameters == ["charset": "utf-8"])
        #expect(parsed.defects.isEmpty)
    }

    @Test func readsParametersWithMissingSemicolons() {
        let parsed = HeaderParameters.parse("text/plain charset=us-ascii format=flowed")
        #expect(parsed.value == "text/plain")
        #expect(parsed.parameters == ["charset": "us-ascii", "format": "flowed"])
        #expect(parsed.defects == [.badParameter])
        let afterQuote = HeaderParameters.parse(#"attachment; filename="a.pdf" size=3"#)
        #expect(afterQuote.parameters == ["filename": "a.pdf", "size": "3"])
        #expect(afterQuote.defects == [.badParameter])
    }

    @Test func keepsSpacesAndSpecialsInUnquotedValues() {
        let parsed = HeaderParameters.parse("application/pdf; name=my file 2.pdf; path=a/b@c=d.pdf; boundary=----=_NextPart_000_0001")
        #expect(parsed.parameters["name"] == "my file 2.pdf")
        #expect(parsed.parameters["path"] == "a/b@c=d.pdf")
        #expect(parsed.parameters["boundary"] == "----=_NextPart_000_0001")
    }

    @Test func keepsRawUTF8() {
        let parsed = HeaderParameters.parse("attachment; filename=\"résumé €.pdf\"; other=naïve")
        #expect(parsed.parameters == ["filename": "résumé €.pdf", "other": "naïve"])
    }

    @Test func unterminatedQuoteRunsToTheEnd() {
        let parsed = HeaderParameters.parse("attachment; filename=\"unterminated.pdf; size=3")
        #expect(parsed.parameters == ["filename": "unterminated.pdf; size=3"])
        #expect(parsed.defects == [.badParameter])
    }

    @Test func firstOfDuplicateParametersWins() {
        let parsed = HeaderParameters.parse("text/plain; charset=us-ascii; CHARSET=utf-8; charset=koi8-r")
        #expect(parsed.parameters == ["charset": "us-ascii"])
        #expect(parsed.defects == [.badParameter])
    }

    @Test func namesWithoutValuesAreDropped() {
        let parsed = HeaderParameters.parse("text/plain; foo; =bar; \"junk\"; charset=x; empty=")
        #expect(parsed.parameters == ["charset": "x", "empty": ""])
        #expect(parsed.defects == [.badParameter])
    }

    @Test func emptyAndBlankInput() {
        for text in ["", "   ", ";", "  ;  ; "] {
            let parsed = HeaderParameters.parse(text)
            #expect(parsed.value == "")
            #expect(parsed.parameters.isEmpty)
            #expect(parsed.defects.isEmpty)
        }
    }

    // MARK: RFC 2231

    @Test func decodesCharsetAndPercentEncoding() {
        let euro = HeaderParameters.parse("attachment; filename*=utf-8'en'%E2%82%AC%20rates.pdf")
        #expect(euro.parameters == ["filename": "€ rates.pdf"])
        #expect(euro.defects.isEmpty)
        let latin1 = HeaderParameters.parse("attachment; filename*=ISO-8859-1''caf%e9.txt")
        #expect(latin1.parameters["filename"] == "café.txt")
        let noCharset = HeaderParameters.parse("attachment; filename*=''plain%20name")
        #expect(noCharset.parameters["filename"] == "plain name")
    }

    @Test func joinsContinuationsInNumberOrder() {
        let parsed = HeaderParameters.parse(#"attachment; filename*1="-name"; filename*0="long"; filename*2=.txt"#)
        #expect(parsed.parameters == ["filename": "long-name.txt"])
        #expect(parsed.defects.isEmpty)
    }

    @Test func joinsMixedEncodedAndPlainSections() {
        // The example of RFC 2231 section 4.1.
        let parsed = HeaderParameters.parse(
            "application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2=\"isn't it!\""
        )
        #expect(parsed.parameters == ["title": "This is even more ***fun*** isn't it!"])
        #expect(parsed.defects.isEmpty)
        let utf8Split = HeaderParameters.parse("attachment; filename*0*=utf-8''%E2%82; filename*1*=%AC.txt")
        #expect(utf8Split.parameters["filename"] == "€.txt")
    }

    @Test func gapsInContinuationsAreReported() {
        let gap = HeaderParameters.parse("x/y; name*0=a; name*2=c")
        #expect(gap.parameters == ["name": "ac"])
        #expect(gap.defects == [.badParameter])
        let noZero = HeaderParameters.parse("x/y; name*1=b; name*2=c")
        #expect(noZero.parameters == ["name": "bc"])
        #expect(noZero.defects == [.badParameter])
    }

    @Test func duplicateSectionsKeepTheFirst() {
        let parsed = HeaderParameters.parse("x/y; name*0=a; name*0*=''b; name*1=c")
        #expect(parsed.parameters == ["name": "ac"])
        #expect(parsed.defects == [.badParameter])
    }

    @Test func extendedFormWinsOverItsPlainFallback() {
        for text in [
            "attachment; filename=\"fallback.pdf\"; filename*=utf-8''r%C3%A9el.pdf",
            "attachment; filename*=utf-8''r%C3%A9el.pdf; filename=\"fallback.pdf\"",
        ] {
            let parsed = HeaderParameters.parse(text)
            #expect(parsed.parameters == ["filename": "réel.pdf"])
            #expect(parsed.defects.isEmpty)
        }
    }

    @Test func malformedExtendedValuesAreKeptAndReported() {
        let badPercent = HeaderParameters.parse("x/y; name*=utf-8''50%; other*=utf-8''%zz")
        #expect(badPercent.parameters == ["name": "50%", "other": "%zz"])
        #expect(badPercent.defects == [.badParameter])
        let noQuotes = HeaderParameters.parse("x/y; name*=abc%20def")
        #expect(noQuotes.parameters == ["name": "abc def"])
        #expect(noQuotes.defects == [.badParameter])
        let quoted = HeaderParameters.parse("x/y; name*=\"utf-8''a%20b\"")
        #expect(quoted.parameters == ["name": "a b"])
    }

    @Test func absurdSectionNumbersAreDropped() {
        let parsed = HeaderParameters.parse("x/y; name*9999999999999999999999=x; *=y; *0=z; ok=1")
        #expect(parsed.parameters == ["ok": "1"])
        #expect(parsed.defects == [.badParameter])
    }

    // MARK: RFC 2047 inside values

    @Test func decodesEncodedWordsInValues() {
        let word = "=?utf-8?B?w6l0w6kucGRm?="
        let expected = EncodedWordDecoder.decode(word).text
        let quoted = HeaderParameters.parse("attachment; filename=\"\(word)\"")
        #expect(quoted.parameters["filename"] == expected)
        let unquoted = HeaderParameters.parse("application/pdf; name=\(word); x=1")
        #expect(unquoted.parameters == ["name": expected, "x": "1"])
        let continued = HeaderParameters.parse("attachment; filename*0=\"=?utf-8?B?w6l0\"; filename*1=\"w6kucGRm?=\"")
        #expect(continued.parameters["filename"] == expected)
    }

    @Test func leavesBoundariesAsWritten() {
        let parsed = HeaderParameters.parse("multipart/mixed; boundary=\"=?utf-8?B?w6l0w6kucGRm?=\"")
        #expect(parsed.parameters["boundary"] == "=?utf-8?B?w6l0w6kucGRm?=")
    }

    // MARK: robustness

    @Test func manyParametersAndGarbageStayLinear() {
        let many = (0..<5_000).map { "p\($0)=\"v\($0)\"" }.joined(separator: "; ")
        let parsed = HeaderParameters.parse("text/plain; " + many)
        #expect(parsed.parameters.count == 5_000)
        #expect(parsed.parameters["p4999"] == "v4999")
        let sections = (0..<2_000).reversed().map { "n*\($0)=\($0 % 10)" }.joined(separator: ";")
        #expect(HeaderParameters.parse("x/y;" + sections).parameters["n"]?.count == 2_000)

        var state: UInt32 = 9
        let alphabet = Array("ab=;\"()\\*' %0\t".utf8)
        for _ in 0..<200 {
            let bytes = (0..<60).map { _ -> UInt8 in
                state = state &* 1_103_515_245 &+ 12345
                return alphabet[Int(state >> 16) % alphabet.count]
            }
            let result = HeaderParameters.parse(String(decoding: bytes, as: UTF8.self))
            #expect(Set(result.defects).count == result.defects.count)
        }
    }
}
