import Bayes
import Foundation
import MailMessage
import Testing
@testable import Storage

/// Learning in large transactions (the multi-row upserts and the recount, past
/// `SQLiteBayesTransaction.recountThreshold` tokens) must give exactly the counts of the
/// in-memory reference store and of learning one small batch at a time.
@Suite struct SQLiteBulkLearnTests {
    /// A message with `words` words of its own, and some shared with every other message.
    static func message(_ kind: String, _ number: Int, words: Int = 90) -> MailMessage {
        let own = (0..<words).map { "\(kind)word\(number)x\($0)" }.joined(separator: " ")
        return MailMessage(parsing: Array("""
            From: \(kind)\(number % 7)@\(kind).example
            Subject: \(kind) note \(number % 11)
            Message-ID: <bulk-\(kind)\(number)@\(kind).example>

            common words here \(own) shared tail

            """.utf8))
    }

    static func tokens(_ store: any BayesStore) throws -> [UInt64: TokenCounts] {
        var all: [UInt64: TokenCounts] = [:]
        try store.forEachToken { hash, counts in all[hash] = counts }
        return all
    }

    static func requests(_ learner: BayesLearner) -> (learn: [LearnRequest], change: [LearnRequest]) {
        let learn = (0..<157).map { learner.request(for: message("ham", $0), action: .learn(.ham)) }
            + (0..<143).map { learner.request(for: message("spam", $0), action: .learn(.spam)) }
        // Forget some, move some to the other class, learn a few new, repeat a known one.
        let change = (0..<40).map { learner.request(for: message("ham", $0), action: .forget) }
            + (40..<75).map { learner.request(for: message("ham", $0), action: .learn(.spam)) }
            + (300..<310).map { learner.request(for: message("spam", $0), action: .learn(.spam)) }
            + [learner.request(for: message("spam", 3), action: .learn(.spam))]
        return (learn, change)
    }

    @Test func oneLargeTransactionMatchesTheInMemoryStoreAndSmallBatches() throws {
        let directory = try TemporaryDirectory()
        let bulk = SQLiteBayesStore(path: directory.file("bulk.sqlite"))
        let small = SQLiteBayesStore(path: directory.file("small.sqlite"))
        let memory = InMemoryBayesStore()
        var outcomes: [[LearnOutcome]] = []
        for store in [bulk, memory] as [any BayesStore] {
            let learner = BayesLearner(store: store, clock: { 1_000 })
            let (learn, change) = Self.requests(learner)
            outcomes.append(try learner.apply(learn) + learner.apply(change))
        }
        let smallLearner = BayesLearner(store: small, clock: { 1_000 })
        let (learn, change) = Self.requests(smallLearner)
        var smallOutcomes: [LearnOutcome] = []
        for requests in [learn, change] {
            for start in stride(from: 0, to: requests.count, by: 7) {
                smallOutcomes += try smallLearner.apply(Array(requests[start..<min(start + 7, requests.count)]))
            }
        }

        let distinct = try Self.tokens(bulk).count
        #expect(distinct > SQLiteBayesTransaction.recountThreshold, "the large path is exercised: \(distinct) tokens")
        #expect(outcomes[0] == outcomes[1])
        #expect(outcomes[0] == smallOutcomes)
        #expect(outcomes[0].filter { $0 == .forgotten }.count == 40)
        #expect(outcomes[0].filter { $0 == .relearned }.count == 35)
        #expect(outcomes[0].last == .alreadyKnown)
        #expect(try Self.tokens(bulk) == Self.tokens(memory))
        #expect(try Self.tokens(bulk) == Self.tokens(small))
        #expect(try bulk.totals() == memory.totals())
        #expect(try bulk.totals() == small.totals())
        #expect(try bulk.totals().tokens == distinct, "the kept token count is exact")
    }

    @Test func forgettingALargeTransactionEmptiesTheStore() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        let learner = BayesLearner(store: store, clock: { 2_000 })
        let learn = Self.requests(learner).learn
        _ = try learner.apply(learn)
        #expect(try store.totals().tokens > SQLiteBayesTransaction.recountThreshold)
        let forget = learn.map { LearnRequest(key: $0.key, tokens: $0.tokens, action: .forget) }
        #expect(try learner.apply(forget).allSatisfy { $0 == .forgotten })
        #expect(try Self.tokens(store).isEmpty)
        #expect(try store.totals() == BayesTotals())
    }

    @Test(arguments: [1, 63, 64, 65, 129])
    func multiRowStatementsWriteEveryRow(rows: Int) throws {
        // Past the recount threshold, with `rows` more tokens than a whole number of statements.
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        let count = SQLiteBayesTransaction.recountThreshold / 64 * 64 + rows
        var deltas: [UInt64: TokenDelta] = [:]
        var state: UInt64 = 77
        for index in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            deltas[state] = TokenDelta(spam: index % 3, ham: index % 3 == 0 ? 1 : 0)
        }
        try store.transaction { (transaction: any BayesStoreTransaction) throws(BayesStoreError) in
            try transaction.apply(SortedTokenDeltas(deltas), at: 3)
        }
        let stored = try Self.tokens(store)
        #expect(stored.count == deltas.count)
        #expect(stored.allSatisfy { hash, counts in
            deltas[hash].map { counts == TokenCounts(spam: $0.spam, ham: $0.ham, lastSeen: 3) } ?? false
        })
        #expect(try store.totals().tokens == deltas.count)
    }
}
