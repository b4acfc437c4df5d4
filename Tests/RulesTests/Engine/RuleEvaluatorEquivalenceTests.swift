import Foundation
import MailMessage
import Testing
@testable import Rules

/// `RuleEvaluator` (prefilters, shared header texts, precomputed flags) against the plain
/// `ReferenceEvaluator`, with SpamAssassin's stock rules, on the project's own corpus.
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin (Debian package spamassassin)"))
struct RuleEvaluatorEquivalenceTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../corpus").standardized

    static func messages() -> [(name: String, bytes: [UInt8])] {
        guard let walker = FileManager.default.enumerator(atPath: corpus.path) else { return [] }
        var found: [(String, [UInt8])] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".eml"), let data = FileManager.default.contents(atPath: corpus.appendingPathComponent(relative).path) else { continue }
            found.append((relative, [UInt8](data)))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    @Test func optimisedEvaluationFindsExactlyThePlainHits() {
        let compiled = StockRules.compiled
        #expect(compiled.problems.isEmpty, "\(compiled.problems.prefix(5).map(\.description))")
        let evaluator = RuleEvaluator(rules: compiled, evaluatesAllSubRules: true)
        let reference = ReferenceEvaluator(rules: compiled)
        let messages = Self.messages()
        #expect(messages.count >= 50)
        var hits = 0
        for (name, bytes) in messages {
            let views = SpamAssassinViews(message: MailMessage(parsing: bytes), environment: compiled.viewEnvironment)
            let expected = reference.counts(views)
            let actual = evaluator.evaluate(views).counts
            hits += expected.filter { $0 > 0 }.count
            let differing = expected.indices.filter { expected[$0] != actual[$0] }.map { compiled.ruleSet.rules[$0].name }
            #expect(differing.isEmpty, "\(name): \(differing.prefix(10))")
        }
        #expect(hits > 500)
    }
}
