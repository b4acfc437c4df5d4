import Filter
import ScanModel
import MailMessage
import Testing
@testable import Bayes

/// Adds fixed rule hits, standing in for the rules engine.
struct FixedHits: MessageAnalyzer {
    let name = "rules"
    let failureMode = AnalyzerFailure.Mode.failOpen
    let hits: [RuleHit]
    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        for hit in hits { report.add(hit) }
    }
}

@Suite struct AutolearnTests {
    func report(_ scores: [(String, Double)]) -> ScanReport {
        var report = ScanReport(traceID: TraceID("T"))
        for (name, score) in scores { report.add(RuleHit(name: name, score: score, description: "", source: name.hasPrefix("BAYES") ? "bayes" : "rules")) }
        return report
    }

    @Test func thresholdsAsSpamAssassinsWithoutTheBayesPoints() {
        let policy = AutolearnPolicy()
        #expect(policy.decision(for: report([("A", 8), ("B", 4)])) == .spam)
        #expect(policy.decision(for: report([("A", 8), ("BAYES_99", 5)])) == nil, "Bayes does not vote for itself")
        #expect(policy.decision(for: report([("A", 0.1)])) == .ham)
        #expect(policy.decision(for: report([("A", -2), ("BAYES_00", -1.9)])) == .ham)
        #expect(policy.decision(for: report([("A", 3)])) == nil)
        var failed = report([("A", 20)])
        failed.failures.append(AnalyzerFailure(analyzer: "clamav", reason: "down", mode: .failOpen))
        #expect(policy.decision(for: failed) == nil)
    }

    @Test func theAutolearnerLearnsAfterTheOtherAnalyzers() throws {
        let store = InMemoryBayesStore()
        let learner = BayesLearner(store: store)
        let engine = FilterEngine(analyzers: [
            FixedHits(hits: [RuleHit(name: "LOTS", score: 15, description: "", source: "rules")]),
            BayesAutolearner(learner: learner),
        ])
        _ = engine.scan(TestMessages.spam(1))
        _ = engine.scan(TestMessages.spam(1))
        #expect(try store.totals().spam == 1, "the journal keeps a rescanned message from counting twice")
        let quiet = FilterEngine(analyzers: [FixedHits(hits: [RuleHit(name: "SOME", score: 3, description: "", source: "rules")]), BayesAutolearner(learner: learner)])
        _ = quiet.scan(TestMessages.ham(1))
        #expect(try store.totals().ham == 0)
    }
}
