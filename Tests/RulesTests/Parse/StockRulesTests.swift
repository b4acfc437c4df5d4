import Foundation
import Testing
@testable import Rules

@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin (Debian package spamassassin)"))
struct StockRulesTests {
    static let ruleSet = RuleLoader().load(path: StockRules.directory)

    @Test func loadsWithoutErrors() {
        let ruleSet = Self.ruleSet
        let counts = RuleKind.allCases.map { "\($0): \(ruleSet.countsByKind[$0] ?? 0)" }.joined(separator: ", ")
        print("stock rules: \(ruleSet.count) rules from \(ruleSet.files.count) files; \(counts)")
        let bySeverity = Dictionary(grouping: ruleSet.problems, by: \.severity).mapValues(\.count)
        print("problems: \(bySeverity.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))")
        #expect(ruleSet.errors.isEmpty, "\(ruleSet.errors.prefix(10).map(\.description).joined(separator: "\n"))")
        #expect(ruleSet.problems(atLeast: .warning).isEmpty)
        #expect(ruleSet.files.count >= 50)
    }

    @Test func everyKindIsWellRepresented() {
        let counts = Self.ruleSet.countsByKind
        #expect(counts[.header, default: 0] > 500)
        #expect(counts[.body, default: 0] > 500)
        #expect(counts[.meta, default: 0] > 500)
        #expect(counts[.uri, default: 0] > 100)
        #expect(counts[.rawbody, default: 0] > 30)
        #expect(counts[.mimeheader, default: 0] > 30)
        #expect(counts[.full, default: 0] >= 1)
    }

    @Test func knownRulesArePresent() throws {
        let gtube = try #require(Self.ruleSet["GTUBE"])
        #expect(gtube.kind == .body)
        #expect(gtube.test.pattern?.sourceText.contains("GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL") == true)
        #expect(gtube.scores == RuleScores(all: 1000))
        #expect(gtube.description == "Generic Test for Unsolicited Bulk Email")
        #expect(gtube.flags.contains("userconf"))

        let bayes = try #require(Self.ruleSet["BAYES_99"])
        #expect(bayes.scores.values == [0, 0, 3.8, 3.5])
        #expect(bayes.isActive(in: .bayes) && !bayes.isActive(in: .local))

        let missingSubject = try #require(Self.ruleSet["MISSING_SUBJECT"])
        #expect(missingSubject.kind == .meta)
        #expect(missingSubject.scores.values == [0.001, 1.767, 1.3, 1.799])
    }

    @Test func replacedRulesHaveNoTagsLeft() throws {
        let fuzzy = try #require(Self.ruleSet["FUZZY_AFFORDABLE"])
        let source = try #require(fuzzy.test.pattern?.sourceText)
        #expect(!source.contains("<A>") && !source.contains("<inter"))
        #expect(source.count > 1000)
    }

    @Test func metasAreAllEvaluable() {
        let metas = Self.ruleSet.rules(of: .meta)
        #expect(metas.allSatisfy { $0.disabledReason == nil })
        #expect(Self.ruleSet.metaEvaluationOrder.count == metas.count)
    }

    @Test func globalSettingsAreRead() {
        #expect(Self.ruleSet.requiredScore == 5)
        #expect(Self.ruleSet.redirectorPatterns.count >= 10)
        #expect(!Self.ruleSet.settings(named: "util_rb_tld").isEmpty)
        #expect(!Self.ruleSet.settings(named: "freemail_domains").isEmpty)
    }
}
