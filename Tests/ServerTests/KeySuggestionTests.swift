import Testing
@testable import Server

@Suite struct KeySuggestionTests {
    private let keys = ["required_score", "reject_score", "subject_tag", "add_headers", "report_safe", "domains"]

    @Test func transpositionIsOneEdit() {
        #expect(KeySuggestion.editDistance(Array("requried".unicodeScalars), Array("required".unicodeScalars)) == 1)
        #expect(KeySuggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(KeySuggestion.editDistance([], Array("abc".unicodeScalars)) == 3)
    }

    @Test(arguments: [
        ("requried_score", "required_score"), ("required_scor", "required_score"), ("rejct_score", "reject_score"),
        ("Subject_Tag", "subject_tag"), ("add_header", "add_headers"), ("reprot_safe", "report_safe"), ("domain", "domains"),
    ])
    func suggestsTypos(typo: String, key: String) {
        #expect(KeySuggestion.closest(to: typo, among: keys) == key)
    }

    @Test func suggestsTheCloserOfTwo() {
        #expect(KeySuggestion.closest(to: "reject_scor", among: keys) == "reject_score")
    }

    @Test func suggestsAnAbbreviation() {
        #expect(KeySuggestion.closest(to: "warn", among: ["debug", "info", "notice", "warning", "error"]) == "warning")
    }

    @Test func suggestsNothingForUnrelatedWords() {
        #expect(KeySuggestion.closest(to: "quarantine", among: keys) == nil)
        #expect(KeySuggestion.closest(to: "x", among: keys) == nil)
        #expect(KeySuggestion.closest(to: "score", among: keys) == nil)
    }
}
