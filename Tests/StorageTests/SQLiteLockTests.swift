import Bayes
import Foundation
import Testing
@testable import Storage

@Suite struct SQLiteLockTests {
    @Test func aScanDoesNotWaitForALearnerHoldingTheLock() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("bayes.sqlite")
        let scanner = SQLiteBayesStore(path: path, busyTimeoutMilliseconds: 10_000, useBufferLimit: 10)
        _ = try BayesLearner(store: scanner, clock: { 100 }).learn(SQLiteBayesStoreTests.message("ham", 1), as: .ham)
        // Another process holds the write lock, as swfilter learn does during a batch.
        let other = try SQLiteConnection(path: path, create: false, busyTimeout: 1000)
        try other.execute("BEGIN IMMEDIATE")
        let start = ContinuousClock.now
        scanner.recordUse(of: Tokenizer().tokens(of: SQLiteBayesStoreTests.message("ham", 1)).hashes, at: 500)
        #expect(ContinuousClock.now - start < .seconds(2), "the last-seen refresh gives up instead of waiting 10 s")
        try other.execute("COMMIT")
        try scanner.flushUses()
        var seen: [Int64] = []
        try scanner.forEachToken { _, counts in seen.append(counts.lastSeen) }
        #expect(seen.allSatisfy { $0 == 500 }, "kept and written at the next flush")
    }
}
