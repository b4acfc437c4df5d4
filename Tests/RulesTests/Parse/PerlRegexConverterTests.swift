import Testing
@testable import Rules

@Suite struct PerlRegexConverterTests {
    private func convert(_ text: String) throws -> RegexPattern {
        try PerlRegexConverter.convert(text)
    }

    private func failure(_ text: String) -> String? {
        do {
            _ = try PerlRegexConverter.convert(text)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test(arguments: [
        ("/a+b/", "a+b"), ("m/a+b/", "a+b"), ("qr/a+b/", "a+b"), ("m{a+b}", "a+b"), ("m!a+b!", "a+b"),
        ("m#a+b#", "a+b"), ("m(a+b)", "a+b"), ("m<a+b>", "a+b"), ("m,a+b,", "a+b"), ("m[a+b]", "a+b"),
        ("m|a+b|", "a+b"), ("m;a+b;", "a+b"), ("m%a+b%", "a+b"), ("m~a+b~", "a+b"), ("m'a+b'", "a+b"),
    ])
    func stripsEachDelimiter(text: String, expected: String) throws {
        #expect(try convert(text).sourceText == expected)
    }

    @Test func bracketDelimitersKeepNestedBraces() throws {
        #expect(try convert("m{a{2}}").sourceText == "a{2}")
        #expect(try convert("m{(?:x|y){1,3}}i").sourceText == "(?:x|y){1,3}")
        #expect(try convert("m(a(b)c)").sourceText == "a(b)c")
    }

    @Test func modifiersBecomeOptions() throws {
        let pattern = try convert("/x/ismx")
        #expect(pattern.options == [.caseless, .dotAll, .multiline, .extended])
        #expect(try convert("/x/xx").options == [.extended, .extendedMore])
        #expect(try convert("/x/n").options == [.noAutoCapture])
        #expect(try convert("/x/").options == [])
    }

    @Test func dropsModifiersThatMeanNothingHere() throws {
        #expect(try convert("/x/gio").options == [.caseless])
        #expect(try convert("/x/aai").options == [.caseless])
        #expect(try convert("/x/pu").options == [])
    }

    @Test func refusesEvalAndUnknownModifiers() {
        #expect(failure("/x/e")?.contains("'e'") == true)
        #expect(failure("/x/iq")?.contains("unknown regex modifier 'q'") == true)
    }

    @Test func unescapesDelimiterWhereThatIsSafe() throws {
        #expect(try convert(#"/a\/b/"#).sourceText == "a/b")
        #expect(try convert(#"m!a\!b!"#).sourceText == "a!b")
        #expect(try convert(#"m,a\,b,"#).sourceText == "a,b")
        // | and } mean something to PCRE2, so they stay escaped (a literal | and }).
        #expect(try convert(#"m|a\|b|"#).sourceText == #"a\|b"#)
        #expect(try convert(#"m{a\}b}"#).sourceText == #"a\}b"#)
        // An escaped backslash before the delimiter is a backslash; the delimiter then ends it.
        #expect(try convert(#"/a\\/"#).sourceText == #"a\\"#)
        #expect(try convert(#"/[\/]/"#).sourceText == "[/]")
    }

    @Test func quotedSectionsPassThroughWithTheirDelimiterUnescaped() throws {
        #expect(try convert(#"/\Qa.b\E+/"#).sourceText == #"\Qa.b\E+"#)
        #expect(try convert(#"/\Qa\/b\E/"#).sourceText == #"\Qa/b\E"#)
        #expect(try convert(#"/x\Q(*unclosed/"#).sourceText == #"x\Q(*unclosed"#)
    }

    @Test func keepsWhatPCRE2AlreadyUnderstands() throws {
        for body in [#"\Afoo\z"#, #"foo\Z"#, "(?i)foo", "(?i:foo)bar", "a++b*+c?+", #"\p{L}\P{Lu}\pN"#,
                     "(?>atomic)", "(?<=x)y(?<!z)", #"(?<name>\w+)\k<name>"#, #"\x{41}\x41\101\cA\e"#, #"\d\s\w\h\v\R\K"#,
                     "(?|a|b)", "(?#comment)x", "a{2,}b{,}c{3}"] {
            #expect(try convert("/\(body)/").sourceText == body, "\(body)")
        }
    }

    @Test func rewritesPerlOnlySpellings() throws {
        #expect(try convert("/a{,3}/").sourceText == "a{0,3}")
        #expect(try convert("/[{,3}]/").sourceText == "[{,3}]")
        #expect(try convert(#"/\N{U+41}\N{U+E9}/"#).sourceText == #"\x{41}\x{E9}"#)
        #expect(try convert(#"/a\Nb/"#).sourceText == #"a\Nb"#)
        #expect(try convert("/(?aa)x(?^u:y)(?i-a:z)(?a:w)/").sourceText == "x(?^:y)(?i:z)(?:w)")
    }

    @Test func refusesWhatPCRE2CannotRun() {
        #expect(failure(#"/\N{U+263A}/"#)?.contains("above") == true)
        #expect(failure(#"/\N{LATIN SMALL LETTER A}/"#)?.contains("named character") == true)
        #expect(failure(#"/\Uabc/"#)?.contains("string escape") == true)
        #expect(failure(#"/a\b{wb}/"#)?.contains("Unicode boundary") == true)
        #expect(failure("/(?X)a/")?.contains("inline modifier") == true)
    }

    @Test func embeddedPerlCodeIsRefused() {
        #expect(failure("m{(?{ system('rm -rf /') })}")?.contains("embedded Perl code") == true)
        #expect(failure("/x(??{ $code })/")?.contains("embedded Perl code") == true)
    }

    @Test func unbalancedInputIsAnErrorNotACrash() {
        #expect(failure("/abc") != nil)
        #expect(failure("m{abc") != nil)
        #expect(failure("abc/") != nil)
        #expect(failure("") != nil)
        #expect(failure("m") != nil)
        #expect(failure("/a/b/")?.contains("unescaped delimiter") == true)
        #expect(failure(#"/a\/"#)?.contains("trailing backslash") == true)
        #expect(failure("/(a/")?.contains("missing ')'") == true)
        #expect(failure("/a)/")?.contains("unmatched ')'") == true)
        #expect(failure("/[a/")?.contains("unterminated character class") == true)
        #expect(failure(#"m\a\"#)?.contains("backslash delimiter") == true)
        #expect(failure("mxax") != nil)
    }

    @Test func classesHideTheirSpecialCharacters() throws {
        #expect(try convert("/[]a)(]/").sourceText == "[]a)(]")
        #expect(try convert("/[^]a]/").sourceText == "[^]a]")
        #expect(try convert("/[[:alpha:]](x)/").sourceText == "[[:alpha:]](x)")
        #expect(try convert(#"/[\]]/"#).sourceText == #"[\]]"#)
    }

    @Test func extendedCommentsAreNotParsed() throws {
        let pattern = try convert("/a # unbalanced ( here /x")
        #expect(pattern.sourceText == "a # unbalanced ( here ")
    }

    @Test func keepsRawBytes() throws {
        let bytes: [UInt8] = Array("/caf".utf8) + [0xE9, 0xFF] + Array("/i".utf8)
        let pattern = try PerlRegexConverter.convert(bytes: bytes)
        #expect(pattern.source == Array("caf".utf8) + [0xE9, 0xFF])
        #expect(pattern.options == [.caseless])
    }

    @Test func recordsCaptureTagsAndTemplates() throws {
        let capture = try convert("/Hello, (?<BODY_NAME>\\w+) (?<lower>x)(?P<OTHER>y)/")
        #expect(capture.capturedTags == ["BODY_NAME", "OTHER"])
        let template = try convert(#"m|^https?://x/%{GB_TO_ADDR}\%{NOT_ME}|i"#)
        #expect(template.captureTemplates == ["GB_TO_ADDR"])
        #expect(template.sourceText == #"^https?://x/%{GB_TO_ADDR}\%{NOT_ME}"#)
        let percentDelimited = try convert(#"m%a\%{NOT_ME}%"#)
        #expect(percentDelimited.sourceText == #"a\%{NOT_ME}"#)
        #expect(percentDelimited.captureTemplates.isEmpty)
    }
}
