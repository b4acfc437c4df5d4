import MailMessage
import Testing
@testable import Rules

/// SpamAssassin 4's capture tags, which the stock GB_CUSTOM_HTM_URI family uses: a URI carrying
/// the recipient's own address after "#". Before, `%{GB_TO_ADDR}` was matched literally and those
/// rules never hit where SpamAssassin's did.
@Suite struct CaptureTemplatesTests {
    private let rules = """
        header __TO_ADDR To:addr =~ /(?<TO_ADDR>.*)/
        uri URI_TO_ADDR m|^https?://.{4,64}\\#%{TO_ADDR}|i
        score URI_TO_ADDR 1.0
        body BODY_TO_ADDR /dear %{TO_ADDR}/i
        score BODY_TO_ADDR 1.0
        """

    private func evaluate(to: String?, link: String) -> RuleEvaluation {
        let header = to.map { "To: \($0)\n" } ?? ""
        let message = header + "From: a@example.com\nSubject: hello\nContent-Type: text/plain\n\nDear b.c+d@example.org, see \(link) now\n"
        return RuleEvaluator(rules: CompiledRuleSet(RuleLoader().load(text: rules))).evaluate(MailMessage(parsing: Array(message.utf8)))
    }

    @Test func templateRulesUseTheCapturedRecipient() {
        let hit = evaluate(to: "Bob <b.c+d@example.org>", link: "http://phish.example.net/x#b.c+d@example.org")
        #expect(hit.match(named: "URI_TO_ADDR") != nil)
        #expect(hit.match(named: "BODY_TO_ADDR") != nil)
        // The value is quoted: "." and "+" match only themselves.
        let other = evaluate(to: "Bob <bxc+d@example.org>", link: "http://phish.example.net/x#b.c+d@example.org")
        #expect(other.match(named: "URI_TO_ADDR") == nil)
        #expect(other.match(named: "BODY_TO_ADDR") == nil)
    }

    @Test func templateRulesWaitForTheirTag() {
        let none = evaluate(to: nil, link: "http://phish.example.net/x#%{TO_ADDR}")
        #expect(none.match(named: "URI_TO_ADDR") == nil)
    }

    @Test func namedGroupNumbers() {
        #expect(CaptureTemplates.groupNumber(of: "X", in: Array("(a)(?:b)(?<X>c)".utf8)) == 2)
        #expect(CaptureTemplates.groupNumber(of: "X", in: Array(#"[(]\((?<=y)(?'X'.)"#.utf8)) == 1)
        #expect(CaptureTemplates.groupNumber(of: "X", in: Array("(?<XY>a)(?P<X>b)".utf8)) == 2)
        #expect(CaptureTemplates.groupNumber(of: "X", in: Array("(a)".utf8)) == nil)
    }

    @Test func substitutionQuotesEveryValue() throws {
        let pattern = RegexPattern(source: Array("^x%{T}y$".utf8), perlText: "/^x%{T}y$/", captureTemplates: ["T"])
        let source = try #require(CaptureTemplates.substitute(pattern, tags: ["T": [Array("a.b".utf8), Array("c|d".utf8)]]))
        #expect(String(decoding: source, as: UTF8.self) == #"^x(?:a\.b|c\|d)y$"#)
        #expect(CaptureTemplates.substitute(pattern, tags: [:]) == nil)
    }

    @Test func requiredTemplatesAreThoseEveryMatchContains() {
        func required(_ source: String, _ options: PatternOptions = []) -> [String] {
            let templates = ["T", "U"].filter { source.contains("%{\($0)}") }
            return CaptureTemplates.requiredTemplates(in: RegexPattern(source: Array(source.utf8), options: options, perlText: source, captureTemplates: templates))
        }
        #expect(required(##"^https?://.{4,64}\#%{T}"##) == ["T"])
        #expect(required(#"a%{T}+b%{U}"#) == ["T", "U"])
        #expect(required(#"a(?:%{T})b"#) == [])
        #expect(required(#"a%{T}?b"#) == [])
        #expect(required(#"a%{T}*"#) == [])
        #expect(required(#"a%{T}|b"#) == [])
        #expect(required(#"[%{T}]"#) == [])
        #expect(required(#"a\%{T}"#) == [])
        #expect(required(#"a %{T}"#, .extended) == [])
        #expect(required(#"\Qa\E%{T}"#) == [])
    }

    @Test func anOptionalTemplateStillMatchesWithoutItsValue() {
        let optional = """
            header __TO_ADDR To:addr =~ /(?<TO_ADDR>.*)/
            uri URI_MAYBE_ADDR m|^https?://phish\\.example\\.net/(?:x\\#%{TO_ADDR})?|i
            score URI_MAYBE_ADDR 1.0
            uri URI_NEEDS_ADDR m|^https?://phish\\.example\\.net/x\\#%{TO_ADDR}|i
            score URI_NEEDS_ADDR 1.0
            """
        func evaluate(_ link: String) -> RuleEvaluation {
            let message = "To: b@example.org\nFrom: a@example.com\nSubject: hi\n\nsee \(link) now\n"
            return RuleEvaluator(rules: CompiledRuleSet(RuleLoader().load(text: optional))).evaluate(MailMessage(parsing: Array(message.utf8)))
        }
        let without = evaluate("http://phish.example.net/y")
        #expect(without.match(named: "URI_MAYBE_ADDR") != nil)
        #expect(without.match(named: "URI_NEEDS_ADDR") == nil)
        let with = evaluate("http://phish.example.net/x#B@Example.org")
        #expect(with.match(named: "URI_NEEDS_ADDR") != nil)
    }
}
