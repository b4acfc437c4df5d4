import Filter
import ScanModel
import MailMessage
import Testing
@testable import Bayes

@Suite struct BayesAnalyzerTests {
    func trainedStore(spam: Int, ham: Int) throws -> InMemoryBayesStore {
        let store = InMemoryBayesStore()
        let learner = BayesLearner(store: store, clock: { 10 })
        var requests: [LearnRequest] = []
        for number in 0..<spam { requests.append(learner.request(for: TestMessages.spam(number), action: .learn(.spam))) }
        for number in 0..<ham { requests.append(learner.request(for: TestMessages.ham(number), action: .learn(.ham))) }
        _ = try learner.apply(requests)
        return store
    }

    @Test func setsTheProbabilityOnceEnoughIsLearned() throws {
        let store = try trainedStore(spam: 200, ham: 200)
        let engine = FilterEngine(analyzers: [BayesAnalyzer(store: store, clock: { 10 })])
        let spam = engine.scan(TestMessages.spam(1000))
        let ham = engine.scan(TestMessages.ham(1000))
        #expect(spam.report.bayesProbability! > 0.99)
        #expect(ham.report.bayesProbability! < 0.01)
        #expect(spam.report.hits.isEmpty, "the rules engine scores the bands, not the analyzer")
    }

    @Test func noVoteBelowTheMinimum() throws {
        let store = try trainedStore(spam: 199, ham: 300)
        let result = FilterEngine(analyzers: [BayesAnalyzer(store: store)]).scan(TestMessages.spam(1000))
        #expect(result.report.bayesProbability == nil)
        #expect(result.report.failures.isEmpty)
    }

    @Test func explainsWithTheDecidingTokens() throws {
        let store = try trainedStore(spam: 200, ham: 200)
        let analyzer = BayesAnalyzer(store: store, tokenizer: Tokenizer(options: TokenizerOptions(keepTexts: true)))
        let result = try analyzer.classify(TestMessages.spam(5000))
        #expect(!result.evidence.isEmpty)
        #expect(result.evidence.contains { $0.text == "prize" || $0.text == "s:prize" })
        #expect(result.evidence.allSatisfy { $0.probability > 0.5 })
    }

    @Test func usedTokensAreTouchedWhenStale() throws {
        let store = try trainedStore(spam: 200, ham: 200)
        let later: Int64 = 10 + 2 * 86_400
        let analyzer = BayesAnalyzer(store: store, clock: { later })
        let set = Tokenizer().tokens(of: TestMessages.spam(3))
        _ = try analyzer.classify(set)
        let counts = try store.snapshot(for: set.hashes).counts.filter(\.isSeen)
        #expect(!counts.isEmpty)
        #expect(counts.allSatisfy { $0.lastSeen == later })
    }

    /// A store whose database is damaged.
    final class BrokenStore: BayesStore, @unchecked Sendable {
        let error = BayesStoreError(.corrupt, location: "/x/bayes.sqlite", detail: "file is not a database")
        func snapshot(for hashes: [UInt64]) throws(BayesStoreError) -> (totals: BayesTotals, counts: [TokenCounts]) { throw error }
        func totals() throws(BayesStoreError) -> BayesTotals { throw error }
        func recordUse(of hashes: [UInt64], at time: Int64) {}
        func transaction<Result>(_ body: (any BayesStoreTransaction) throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result { throw error }
        func expire(keeping maxTokens: Int) throws(BayesStoreError) -> Int { throw error }
        func forEachToken(_ body: (UInt64, TokenCounts) throws(BayesStoreError) -> Void) throws(BayesStoreError) { throw error }
        func forEachJournalEntry(_ body: (JournalEntry) throws(BayesStoreError) -> Void) throws(BayesStoreError) { throw error }
        func statistics() throws(BayesStoreError) -> BayesStatistics { throw error }
    }

    @Test func aDamagedDatabaseFailsOpen() {
        let result = FilterEngine(analyzers: [BayesAnalyzer(store: BrokenStore())]).scan(TestMessages.spam(1))
        #expect(result.report.bayesProbability == nil)
        #expect(result.report.failures.count == 1)
        #expect(result.report.failures.first?.mode == .failOpen)
        #expect(result.report.failures.first?.reason.contains("damaged") == true)
        #expect(result.verdict.action == .accept)
    }
}
