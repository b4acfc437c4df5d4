import Bayes
import Foundation
import MailMessage
import Testing
@testable import Storage

@Suite struct SQLiteBayesStoreTests {
    static func message(_ kind: String, _ number: Int) -> MailMessage {
        let words = kind == "spam" ? "cash prize claim winner offer" : "kernel patch review branch build"
        return MailMessage(parsing: Array("""
            From: \(kind)\(number)@\(kind).example
            Subject: \(kind) \(number) \(words)
            Message-ID: <\(kind)\(number)@\(kind).example>

            \(words) number\(number) \(words)

            """.utf8))
    }

    func tokens(_ store: any BayesStore) throws -> [UInt64: TokenCounts] {
        var all: [UInt64: TokenCounts] = [:]
        try store.forEachToken { hash, counts in all[hash] = counts }
        return all
    }

    @Test func learnsRelearnsAndForgetsLikeTheInMemoryStore() throws {
        let directory = try TemporaryDirectory()
        let sqlite = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        let memory = InMemoryBayesStore()
        for store in [sqlite, memory] as [any BayesStore] {
            let learner = BayesLearner(store: store, clock: { 500 })
            var outcomes: [LearnOutcome] = []
            outcomes.append(try learner.learn(Self.message("ham", 1), as: .ham))
            outcomes.append(try learner.learn(Self.message("ham", 1), as: .ham))
            outcomes.append(try learner.learn(Self.message("spam", 1), as: .ham))
            outcomes.append(try learner.learn(Self.message("spam", 1), as: .spam))
            outcomes.append(try learner.learn(Self.message("spam", 2), as: .spam))
            outcomes.append(try learner.forget(Self.message("spam", 2)))
            outcomes.append(try learner.forget(Self.message("spam", 2)))
            #expect(outcomes == [.learned, .alreadyKnown, .learned, .relearned, .learned, .forgotten, .notLearned])
        }
        #expect(try tokens(sqlite) == tokens(memory))
        #expect(try sqlite.totals() == memory.totals())
        #expect(try sqlite.totals().tokens == tokens(sqlite).count, "the kept token count is exact")
    }

    @Test func forgetRestoresTheDatabaseExactly() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        let learner = BayesLearner(store: store, clock: { 700 })
        _ = try learner.apply((0..<20).map { learner.request(for: Self.message("ham", $0), action: .learn(.ham)) })
        let before = try tokens(store)
        let beforeTotals = try store.totals()
        _ = try learner.learn(Self.message("spam", 1), as: .spam)
        #expect(try learner.forget(Self.message("spam", 1)) == .forgotten)
        #expect(try tokens(store) == before)
        #expect(try store.totals() == beforeTotals)
    }

    @Test func expiryRemovesTheOldestUnusedFirst() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        _ = try BayesLearner(store: store, clock: { 100 }).learn(Self.message("ham", 1), as: .ham)
        _ = try BayesLearner(store: store, clock: { 200 }).learn(Self.message("spam", 1), as: .spam)
        let all = try tokens(store)
        let recent = Set(all.filter { $0.value.lastSeen == 200 }.keys)
        #expect(recent.count < all.count)
        #expect(try store.expire(keeping: recent.count) == all.count - recent.count)
        #expect(Set(try tokens(store).keys) == recent)
        #expect(try store.totals().tokens == recent.count)
    }

    @Test func usedTokensSurviveExpiry() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"), useBufferLimit: 1_000_000)
        _ = try BayesLearner(store: store, clock: { 100 }).learn(Self.message("ham", 1), as: .ham)
        _ = try BayesLearner(store: store, clock: { 200 }).learn(Self.message("spam", 1), as: .spam)
        // The ham's tokens are used to classify later, which refreshes them past the spam's.
        let hamTokens = Tokenizer().tokens(of: Self.message("ham", 1)).hashes
        store.recordUse(of: hamTokens, at: 300)
        try store.flushUses()
        _ = try store.expire(keeping: hamTokens.count)
        #expect(Set(try tokens(store).keys) == Set(hamTokens))
    }

    @Test func aMissingDatabaseReadsAsEmptyAndIsNotCreatedByScanning() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bayes.sqlite")
        let store = SQLiteBayesStore(path: path, createIfMissing: false)
        let snapshot = try store.snapshot(for: [1, 2, 3])
        #expect(snapshot.totals == BayesTotals())
        #expect(snapshot.counts == [.unseen, .unseen, .unseen])
        #expect(!FileManager.default.fileExists(atPath: path))
        // Once someone learns, the scanning store sees it without being reopened.
        _ = try BayesLearner(store: SQLiteBayesStore(path: path)).learn(Self.message("ham", 1), as: .ham)
        #expect(try store.totals().ham == 1)
    }

    @Test func aCorruptDatabaseFileGivesAClearError() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bayes.sqlite")
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        let store = SQLiteBayesStore(path: path)
        #expect {
            _ = try store.totals()
        } throws: { error in
            guard let error = error as? BayesStoreError else { return false }
            return error.kind == .corrupt && error.description.contains(path) && error.description.contains("damaged")
        }
        // Learning is refused the same way, and the file is left as it was.
        #expect(throws: BayesStoreError.self) { _ = try BayesLearner(store: store).learn(Self.message("ham", 1), as: .ham) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(repeating: 0x41, count: 8192))
    }

    @Test func aDatabaseFromANewerSwfilterIsRefused() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bayes.sqlite")
        _ = try BayesLearner(store: SQLiteBayesStore(path: path)).learn(Self.message("ham", 1), as: .ham)
        let connection = try SQLiteConnection(path: path, create: false, busyTimeout: 1000)
        try connection.execute("UPDATE meta SET value = 99 WHERE key = 'schema_version'")
        #expect {
            _ = try SQLiteBayesStore(path: path).totals()
        } throws: { ($0 as? BayesStoreError)?.kind == .unsupportedVersion }
    }

    @Test func twoConnectionsLearnAtOnceAndLoseNothing() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bayes.sqlite")
        try SQLiteBayesStore(path: path).open()
        // Two stores (two connections, as two processes would have) learning disjoint messages
        // in small batches at the same time; a third reads meanwhile.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for kind in ["ham", "spam"] {
                group.addTask {
                    let store = SQLiteBayesStore(path: path)
                    let learner = BayesLearner(store: store, clock: { 900 })
                    for start in stride(from: 0, to: 60, by: 5) {
                        let requests = (start..<(start + 5)).map { learner.request(for: Self.message(kind, $0), action: .learn(kind == "spam" ? .spam : .ham)) }
                        _ = try learner.apply(requests)
                    }
                }
            }
            group.addTask {
                let reader = SQLiteBayesStore(path: path, createIfMissing: false)
                for _ in 0..<30 {
                    let totals = try reader.totals()
                    #expect(totals.spam <= 60 && totals.ham <= 60)
                }
            }
            try await group.waitForAll()
        }
        let store = SQLiteBayesStore(path: path)
        let totals = try store.totals()
        #expect(totals.spam == 60)
        #expect(totals.ham == 60)
        #expect(totals.tokens == (try tokens(store)).count)
        var journal = 0
        try store.forEachJournalEntry { _ in journal += 1 }
        #expect(journal == 120)
    }

    @Test func walModeAndTheTablesAreThere() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bayes.sqlite")
        try SQLiteBayesStore(path: path).open()
        let connection = try SQLiteConnection(path: path, create: false, busyTimeout: 1000)
        let mode = try connection.statement("PRAGMA journal_mode")
        #expect(try mode.step())
        #expect(String(decoding: mode.bytes(0), as: UTF8.self) == "wal")
        mode.reset()
        #expect(try connection.scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('tokens', 'journal', 'meta')") == 3)
    }
}
