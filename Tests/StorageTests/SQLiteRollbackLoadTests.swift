import Bayes
import Foundation
import Testing
@testable import Storage

/// A large write into an empty token table (a first training run) goes through a rollback
/// journal when the learner is the only connection, and the database is in WAL mode again
/// after; with another connection open, or rows already in the table, it stays in WAL and
/// does not wait for the other connection. Either way the counts are exact.
@Suite struct SQLiteRollbackLoadTests {
    /// `count` distinct additions, enough to pass `SQLiteBayesStore.rollbackLoadTokens`.
    static func deltas(_ count: Int, seed: UInt64 = 1) -> SortedTokenDeltas {
        var state = seed
        var deltas: [UInt64: TokenDelta] = [:]
        while deltas.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            deltas[state ^ (state >> 29)] = TokenDelta(spam: Int(state >> 62) + 1, ham: 1)
        }
        return SortedTokenDeltas(deltas)
    }

    /// Runs a large write; reports whether a WAL file existed while it was being written.
    static func load(_ store: SQLiteBayesStore, _ deltas: SortedTokenDeltas) throws -> Bool {
        try store.transaction(expectedTokens: deltas.count) { (transaction: any BayesStoreTransaction) throws(BayesStoreError) -> Bool in
            try transaction.apply(deltas, at: 7)
            try transaction.adjustTotals(spam: 3, ham: 4)
            return FileManager.default.fileExists(atPath: store.path + "-wal")
        }
    }

    static func tokenCount(_ store: SQLiteBayesStore) throws -> Int {
        var count = 0
        try store.forEachToken { _, _ in count += 1 }
        return count
    }

    @Test func aFirstLoadAloneSkipsTheWALAndEndsInWAL() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        try store.open()
        #expect(FileManager.default.fileExists(atPath: store.path + "-wal"), "opened in WAL mode")
        let deltas = Self.deltas(SQLiteBayesStore.rollbackLoadTokens + 500)
        #expect(try Self.load(store, deltas) == false, "written through a rollback journal")
        let other = try SQLiteConnection(path: store.path, create: false, busyTimeout: 1000)
        #expect(try other.journalMode() == "wal", "back in WAL mode")
        #expect(try Self.tokenCount(store) == deltas.count)
        #expect(try store.totals() == BayesTotals(spam: 3, ham: 4, tokens: deltas.count))
        // The table has rows now: the next large write goes through the WAL.
        #expect(try Self.load(store, Self.deltas(SQLiteBayesStore.rollbackLoadTokens + 500, seed: 2)) == true)
    }

    @Test func anotherConnectionKeepsTheLoadInWALWithoutWaiting() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"), busyTimeoutMilliseconds: 10_000)
        try store.open()
        // Another process's connection, open and idle (it has read), as a milter's would be.
        let other = try SQLiteConnection(path: store.path, create: false, busyTimeout: 1000)
        #expect(try other.scalar("SELECT count(*) FROM tokens") == 0)
        let deltas = Self.deltas(SQLiteBayesStore.rollbackLoadTokens + 500)
        let start = ContinuousClock.now
        #expect(try Self.load(store, deltas) == true, "written through the WAL")
        #expect(ContinuousClock.now - start < .seconds(5), "did not wait out the 10 s busy timeout")
        #expect(try other.journalMode() == "wal")
        #expect(try other.scalar("SELECT count(*) FROM tokens") == Int64(deltas.count), "the other connection reads the load")
        #expect(try store.totals() == BayesTotals(spam: 3, ham: 4, tokens: deltas.count))
    }

    @Test func aSmallWriteIntoAnEmptyTableStaysInWAL() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        try store.open()
        let deltas = Self.deltas(100)
        #expect(try Self.load(store, deltas) == true)
        #expect(try Self.tokenCount(store) == 100)
    }

    /// A first training run through `BayesLearner` ends as the in-memory store does.
    @Test func aFirstTrainingRunCountsAsInMemory() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        let memory = InMemoryBayesStore()
        for target in [store, memory] as [any BayesStore] {
            let learner = BayesLearner(store: target, clock: { 9 })
            let learn = SQLiteBulkLearnTests.requests(learner).learn
            _ = try learner.apply(learn + [learn[0]])
        }
        let stored = try SQLiteStreamingLearnTests.contents(store)
        #expect(stored.tokens.count >= SQLiteBayesStore.rollbackLoadTokens, "large enough for the rollback journal")
        #expect(stored == (try SQLiteStreamingLearnTests.contents(memory)))
        #expect(try SQLiteConnection(path: store.path, create: false, busyTimeout: 1000).journalMode() == "wal")
    }
}
