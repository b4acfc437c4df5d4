import MailMessage
import Testing
@testable import Bayes

/// The learner's journal semantics, on the in-memory store (the SQLite store runs the same
/// checks in StorageTests).
@Suite struct BayesLearnerTests {
    func learner(_ store: any BayesStore, at time: Int64 = 1_000) -> BayesLearner {
        BayesLearner(store: store, clock: { time })
    }

    func tokens(_ store: any BayesStore) throws -> [UInt64: TokenCounts] {
        var all: [UInt64: TokenCounts] = [:]
        try store.forEachToken { hash, counts in all[hash] = counts }
        return all
    }

    @Test func learningCountsEachTokenOncePerMessage() throws {
        let store = InMemoryBayesStore()
        let message = TestMessages.spam(1)
        #expect(try learner(store).learn(message, as: .spam) == .learned)
        let totals = try store.totals()
        #expect(totals.spam == 1 && totals.ham == 0)
        let set = Tokenizer().tokens(of: message)
        #expect(totals.tokens == set.count)
        let counts = try store.snapshot(for: set.hashes).counts
        #expect(counts.allSatisfy { $0.spam == 1 && $0.ham == 0 && $0.lastSeen == 1_000 })
    }

    @Test func learningTheSameMessageTwiceIsANoOp() throws {
        let store = InMemoryBayesStore()
        let learner = learner(store)
        _ = try learner.learn(TestMessages.ham(1), as: .ham)
        let before = try tokens(store)
        #expect(try learner.learn(TestMessages.ham(1), as: .ham) == .alreadyKnown)
        #expect(try tokens(store) == before)
        #expect(try store.totals().ham == 1)
        // The same message with a Received field added and CRLF line ends is the same message.
        let copy = "Received: from a.example (a.example [192.0.2.1]) by b.example; Tue, 3 Sep 2002 10:00:00 +0100\n"
            + String(decoding: TestMessages.ham(1).raw, as: UTF8.self)
        let crlf = MailMessage(parsing: Array(copy.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(try learner.learn(crlf, as: .ham) == .alreadyKnown)
    }

    @Test func duplicatesWithinOneBatchCountOnce() throws {
        let store = InMemoryBayesStore()
        let learner = learner(store)
        let request = learner.request(for: TestMessages.spam(3), action: .learn(.spam))
        let outcomes = try learner.apply([request, request])
        #expect(outcomes == [.learned, .alreadyKnown])
        #expect(try store.totals().spam == 1)
    }

    @Test func learningAsTheOtherClassMovesTheMessage() throws {
        let store = InMemoryBayesStore()
        let learner = learner(store)
        let message = TestMessages.spam(2)
        _ = try learner.learn(message, as: .ham)
        #expect(try learner.learn(message, as: .spam) == .relearned)
        let totals = try store.totals()
        #expect(totals.spam == 1 && totals.ham == 0)
        #expect(try tokens(store).values.allSatisfy { $0.spam == 1 && $0.ham == 0 })
    }

    @Test func forgetUndoesExactlyWhatWasLearned() throws {
        let store = InMemoryBayesStore()
        let learner = learner(store)
        for number in 0..<5 { _ = try learner.learn(TestMessages.ham(number), as: .ham) }
        _ = try learner.learn(TestMessages.spam(0), as: .spam)
        let before = try tokens(store)
        let beforeTotals = try store.totals()
        _ = try learner.learn(TestMessages.spam(1), as: .spam)
        #expect(try learner.forget(TestMessages.spam(1)) == .forgotten)
        #expect(try tokens(store) == before)
        #expect(try store.totals() == beforeTotals)
        #expect(try learner.forget(TestMessages.spam(1)) == .notLearned)
        #expect(try learner.forget(TestMessages.spam(99)) == .notLearned)
        #expect(try tokens(store) == before)
    }

    @Test func forgettingAfterATokenizerChangeIsReportedAsApproximate() throws {
        let store = InMemoryBayesStore()
        _ = try learner(store).learn(TestMessages.ham(1), as: .ham)
        var options = TokenizerOptions()
        options.wordPairs.toggle()
        let other = BayesLearner(store: store, tokenizer: Tokenizer(options: options), clock: { 2_000 })
        #expect(try other.forget(TestMessages.ham(1)) == .forgottenApproximately)
        #expect(try store.totals().ham == 0)
    }

    @Test func aFailedBatchLeavesTheStoreUnchanged() throws {
        let store = InMemoryBayesStore()
        _ = try learner(store).learn(TestMessages.ham(1), as: .ham)
        let before = try tokens(store)
        struct Boom: Error {}
        #expect(throws: BayesStoreError.self) {
            try store.transaction { (transaction: any BayesStoreTransaction) throws(BayesStoreError) in
                try transaction.apply(SortedTokenDeltas([42: TokenDelta(spam: 1)]), at: 5)
                throw BayesStoreError(.failed, location: "test", detail: "boom")
            }
        }
        #expect(try tokens(store) == before)
    }

    @Test func expiryRemovesTheLeastRecentlySeenFirst() throws {
        let store = InMemoryBayesStore()
        _ = try learner(store, at: 100).learn(TestMessages.ham(1), as: .ham)
        _ = try learner(store, at: 200).learn(TestMessages.spam(1), as: .spam)
        let all = try tokens(store)
        let recent = Set(all.filter { $0.value.lastSeen == 200 }.keys)
        #expect(recent.count < all.count, "some tokens were only seen at 100")
        #expect(try store.expire(keeping: recent.count) == all.count - recent.count)
        #expect(Set(try tokens(store).keys) == recent)
    }

    @Test func theLearnerExpiresDownToNinetyPercentOfItsLimit() throws {
        let store = InMemoryBayesStore()
        _ = try learner(store).learn(TestMessages.plainMessage(), as: .ham)
        let count = try store.totals().tokens
        #expect(try BayesLearner(store: store, maxTokens: count).expireIfNeeded() == 0, "at the limit nothing goes")
        let limit = count - 5
        #expect(try BayesLearner(store: store, maxTokens: limit).expireIfNeeded() == count - (limit - limit / 10))
        #expect(try store.totals().tokens == limit - limit / 10)
    }
}
