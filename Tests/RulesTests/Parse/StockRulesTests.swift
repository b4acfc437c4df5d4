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
        for problem in ruleSet.problems.prefix(40) { print("  \(problem)") }
        #expect(ruleSet.errors.isEmpty, "\(ruleSet.errors.prefix(10).map(\.description).joined(separator: "\n"))")
        #expect(ruleSet.count > 1000)
    }
}
