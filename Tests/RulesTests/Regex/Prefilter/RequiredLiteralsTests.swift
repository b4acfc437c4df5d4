import Testing
@testable import Rules

@Suite struct RequiredLiteralsTests {
    private func literals(_ pattern: String, _ options: RegexOptions = []) -> [String]? {
        RequiredLiterals.extract(from: pattern, options: options)?.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func plainWordsAreLowercased() {
        #expect(literals("Hello World") == ["hello world"])
        #expect(literals("hello", .caseless) == ["hello"])
    }

    @Test func topLevelAlternationGivesOneLiteralPerBranch() {
        #expect(literals("viagra|cialis|levitra") == ["cialis", "levitra", "viagra"])
        #expect(literals("(?:claim|concerning) (?:the|this) money", .caseless)?.contains("concerning this money") == true)
        // A branch without a literal makes the whole alternation unusable.
        #expect(literals("viagra|\\d+") == nil)
    }

    @Test func smallProductsAreEnumerated() {
        #expect(literals("colou?r") == ["color", "colour"])
        #expect(literals("v[i1]agra") == ["v1agra", "viagra"])
        #expect(literals("[Ff]ree") == ["free"])
    }

    @Test func optionalAndRepeatedPartsAreSkipped() {
        #expect(literals("\\d+ dollars") == [" dollars"])
        #expect(literals("(?:foo)*barbaz") == ["barbaz"])
        #expect(literals("abc(?:defgh)?xyz") == ["abcdefghxyz", "abcxyz"])
        #expect(literals("(?:winner)+!") == ["winner!"])
        #expect(literals("x{0,3}yz") == nil)
        #expect(literals("(?:abc){2}") == ["abcabc"])
    }

    @Test func shortOrMissingLiteralsMeanAlwaysRun() {
        #expect(literals("a.b") == nil)
        #expect(literals("\\w+@\\w+") == nil)
        #expect(literals("^\\s*$") == nil)
        #expect(literals("[a-z]{20}") == nil)
    }

    @Test func escapesAndClasses() {
        #expect(literals("\\$\\d+\\.00") == [".00"])
        #expect(literals("\\x41BC") == ["abc"])
        #expect(literals("a\\tbc") == ["a\tbc"])
        #expect(literals("\\bfree\\b") == ["free"])
        #expect(literals("[^x]yz") == nil)
        #expect(literals("\\Qa.b*c\\E") == ["a.b*c"])
    }

    @Test func lookaroundsContributeNothing() {
        #expect(literals("(?!meds)medicine") == ["medicine"])
        #expect(literals("(?<=abc)def") == ["def"])
        #expect(literals("(?=xyzzy)") == nil)
    }

    @Test func extendedModeSkipsSpaceAndComments() {
        #expect(literals("buy \\s now # comment here\n", .extended) == ["buy"])
        #expect(literals("b u y   n o w  # comment\n", .extended) == ["buynow"])
        #expect(literals("(?x) s p a m") == ["spam"])
        #expect(literals("(?x: a b c ) d e") == ["abc d e"])
    }

    @Test func unknownSyntaxMeansAlwaysRun() {
        #expect(literals("abc(?(1)def|ghi)") == nil)
        #expect(literals("abc{,3}def") == nil)
        #expect(literals("(*UTF)abcdef") == nil)
        #expect(literals("(abc") == nil)
    }

    @Test func backReferencesAreOpaque() {
        #expect(literals("(abc)\\1") == ["abc"])
        #expect(literals("(a)\\1xyz") == ["xyz"])
    }
}
