import Testing
@testable import Rules

@Suite struct ReplaceTagsTests {
    private let tags = """
        replace_tag A (?:a|4)
        replace_tag B (?:b|8)
        replace_tag AB <A><B>
        replace_inter W1 \\W?
        replace_pre P0 [_]
        replace_post P2 {1,2}
        """

    @Test func replacesTagsInListedRulesOnly() throws {
        let set = loadRules(tags + """

            body FUZZY_AB /x<A><B>y/i
            body PLAIN /x<A>y/
            replace_rules FUZZY_AB
            """)
        #expect(set["FUZZY_AB"]?.test.pattern?.sourceText == "x(?:a|4)(?:b|8)y")
        #expect(set["FUZZY_AB"]?.test.pattern?.options == [.caseless])
        #expect(set["PLAIN"]?.test.pattern?.sourceText == "x<A>y")
    }

    @Test func preInterPostTemplates() throws {
        let set = loadRules(tags + """

            body T1 /<inter W1><post P2>x<A><B>y/
            body T2 /<pre P0>x<A>/
            header T3 Subject =~ /<post P2>z<B>/i
            replace_rules T1 T2 T3
            """)
        #expect(set["T1"]?.test.pattern?.sourceText == "x(?:a|4){1,2}\\W?(?:b|8){1,2}y")
        #expect(set["T2"]?.test.pattern?.sourceText == "x[_](?:a|4)")
        guard case .header(let test)? = set["T3"]?.test else { Issue.record("T3"); return }
        #expect(test.pattern.sourceText == "z(?:b|8){1,2}")
        #expect(test.header.name == "Subject")
    }

    @Test func tagsMayContainTagsAndComeAfterTheRule() throws {
        let set = loadRules("""
            body NESTED /<AB>!/
            replace_rules NESTED
            """ + "\n" + tags)
        #expect(set["NESTED"]?.test.pattern?.sourceText == "(?:a|4)(?:b|8)!")
    }

    @Test func unknownTagsStayAndCustomMarkersWork() throws {
        let set = loadRules("""
            replace_start [[
            replace_end ]]
            replace_tag X (?:x|%)
            body CUSTOM /[[X]]<X>[[NOPE]]/
            replace_rules CUSTOM MISSING_RULE
            meta NOT_REGEX CUSTOM
            replace_rules NOT_REGEX
            """)
        #expect(set["CUSTOM"]?.test.pattern?.sourceText == "(?:x|%)<X>[[NOPE]]")
        #expect(set.messages(.info).sorted() == [
            "5: replace_rules names MISSING_RULE, which is not a regex rule",
            "7: replace_rules names NOT_REGEX, which is not a regex rule",
        ])
    }

    @Test func brokenReplacementIsReported() {
        let set = loadRules("""
            replace_tag OPEN (?:a
            body BROKEN /x<OPEN>/
            replace_rules BROKEN
            """)
        #expect(set.messages(.error) == ["2: BROKEN after replace_rules: missing ')': 1 group(s) left open"])
        #expect(set["BROKEN"]?.test.pattern?.sourceText == "x<OPEN>", "the rule keeps its unreplaced pattern")
    }

    @Test func selfReferencingTagStopsAfterAFewPasses() throws {
        let set = loadRules("""
            replace_tag LOOP x<LOOP>
            body R /<LOOP>/
            replace_rules R
            """)
        let source = try #require(set["R"]?.test.pattern?.sourceText)
        #expect(source == String(repeating: "x", count: ReplaceTags.maxPasses) + "<LOOP>")
    }
}
