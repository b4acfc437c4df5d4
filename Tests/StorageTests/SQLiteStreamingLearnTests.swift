import Bayes
import Foundation
import MailMessage
import Testing
@testable import Storage

/// `BayesLearner.apply(streaming:)` takes requests in chunks as they are tokenized, and a
/// large batch of additions into an empty token table is written with plain inserts: the store
/// must end exactly as one `apply` of all the requests leaves it, on SQLite and in memory
/// (counts, last-seen times, totals, kept token count, journal).
@Suite struct SQLiteStreamingLearnTests {
    struct Contents: Equatable {
        var tokens: [UInt64: TokenCounts] = [:]
        var journal: [JournalEntry] = []
        var totals = BayesTotals()
    }

    static func contents(_ store: any BayesStore) throws -> Contents {
        var contents = Contents()
        try store.forEachToken { hash, counts in contents.tokens[hash] = counts }
        try store.forEachJournalEntry { contents.journal.append($0) }
        contents.totals = try store.totals()
        return contents
    }

    /// Learns `before` messages at time 1,000 (none: the table starts empty); then, at 2,000,
    /// the requests `later` makes, in one transaction: all at once, or in chunks of 13.
    static func run(_ store: any BayesStore, before: Int, streamed: Bool, later: (BayesLearner) -> [LearnRequest]) throws -> (outcomes: [LearnOutcome], contents: Contents) {
        if before > 0 {
            let first = BayesLearner(store: store, clock: { 1_000 })
            _ = try first.apply(Array(SQLiteBulkLearnTests.requests(first).learn.prefix(before)))
        }
        let learner = BayesLearner(store: store, clock: { 2_000 })
        let requests = later(learner)
        guard streamed else { return (try learner.apply(requests), try contents(store)) }
        var chunks = stride(from: 0, to: requests.count, by: 13).map { Array(requests[$0..<min($0 + 13, requests.count)]) }[...]
        return (try learner.apply(streaming: { chunks.popFirst() }), try contents(store))
    }

    static let scenarios: [(name: String, before: Int, later: @Sendable (BayesLearner) -> [LearnRequest])] = [
        ("into an empty table", 0, { SQLiteBulkLearnTests.requests($0).learn }),
        ("into a table with rows", 100, { SQLiteBulkLearnTests.requests($0).learn }),
        ("with forgets and relearns", 100, { learner in
            let (learn, change) = SQLiteBulkLearnTests.requests(learner)
            return learn + change
        }),
        ("forgets only, into an empty table", 0, { learner in
            SQLiteBulkLearnTests.requests(learner).learn.map { LearnRequest(key: $0.key, tokens: $0.tokens, action: .forget) }
        }),
    ]

    @Test(arguments: 0..<4)
    func streamingEndsAsTheInMemoryStoreDoes(scenario index: Int) throws {
        let scenario = Self.scenarios[index]
        let directory = try TemporaryDirectory()
        let memory = try Self.run(InMemoryBayesStore(), before: scenario.before, streamed: false, later: scenario.later)
        for streamed in [false, true] {
            let sqlite = try Self.run(SQLiteBayesStore(path: directory.file("\(streamed).sqlite")), before: scenario.before, streamed: streamed, later: scenario.later)
            #expect(sqlite.outcomes == memory.outcomes, "\(scenario.name), streamed \(streamed)")
            #expect(sqlite.contents == memory.contents, "\(scenario.name), streamed \(streamed)")
            let streamedMemory = try Self.run(InMemoryBayesStore(), before: scenario.before, streamed: streamed, later: scenario.later)
            #expect(streamedMemory.outcomes == memory.outcomes, "\(scenario.name), in memory, streamed \(streamed)")
            #expect(streamedMemory.contents == memory.contents, "\(scenario.name), in memory, streamed \(streamed)")
        }
        #expect(memory.contents.totals.tokens == memory.contents.tokens.count)
        if index < 3 { #expect(memory.contents.tokens.count > SQLiteBayesTransaction.recountThreshold, "the bulk path is exercised") }
        if index == 1 { #expect(memory.contents.tokens.values.contains { $0.lastSeen == 1_000 } && memory.contents.tokens.values.contains { $0.lastSeen == 2_000 }) }
    }

    /// Two large learning runs into one SQLite file: the first inserts into the empty table,
    /// the second adds to the rows it made.
    @Test func secondBulkRunAddsToTheFirst() throws {
        let directory = try TemporaryDirectory()
        let store = SQLiteBayesStore(path: directory.file("bayes.sqlite"))
        let memory = InMemoryBayesStore()
        for target in [store, memory] as [any BayesStore] {
            let learner = BayesLearner(store: target, clock: { 5 })
            let learn = SQLiteBulkLearnTests.requests(learner).learn
            _ = try learner.apply(Array(learn.prefix(150)))
            _ = try learner.apply(Array(learn.suffix(150)))
        }
        let stored = try Self.contents(store)
        #expect(stored == (try Self.contents(memory)))
        #expect(stored.totals.spam + stored.totals.ham == 300)
        #expect(stored.tokens.values.contains { $0.spam > 0 && $0.ham > 0 }, "shared words count both runs")
    }
}
