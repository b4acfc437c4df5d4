import Foundation

/// A `BayesStore` in memory, for tests and for one-off runs that need no database. Every call
/// holds one lock, so transactions are atomic and isolated; a transaction that throws leaves
/// the store as it was.
public final class InMemoryBayesStore: BayesStore, @unchecked Sendable {
    struct State {
        var tokens: [UInt64: TokenCounts] = [:]
        var spam = 0
        var ham = 0
        var journal: [MessageKey: JournalEntry] = [:]
    }

    private let lock = NSLock()
    private var state = State()

    public init() {}

    public func snapshot(for hashes: [UInt64]) throws(BayesStoreError) -> (totals: BayesTotals, counts: [TokenCounts]) {
        lock.withLock {
            (BayesTotals(spam: state.spam, ham: state.ham, tokens: state.tokens.count), hashes.map { state.tokens[$0] ?? .unseen })
        }
    }

    public func totals() throws(BayesStoreError) -> BayesTotals {
        lock.withLock { BayesTotals(spam: state.spam, ham: state.ham, tokens: state.tokens.count) }
    }

    public func recordUse(of hashes: [UInt64], at time: Int64) {
        lock.withLock {
            for hash in hashes where state.tokens[hash] != nil {
                state.tokens[hash]!.lastSeen = max(state.tokens[hash]!.lastSeen, time)
            }
        }
    }

    public func transaction<Result>(_ body: (any BayesStoreTransaction) throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        let working = Transaction(state)
        let result = try body(working)
        state = working.state
        return result
    }

    public func expire(keeping maxTokens: Int) throws(BayesStoreError) -> Int {
        lock.withLock {
            let excess = state.tokens.count - max(0, maxTokens)
            guard excess > 0 else { return 0 }
            let victims = state.tokens.sorted {
                ($0.value.lastSeen, $0.value.spam + $0.value.ham, $0.key) < ($1.value.lastSeen, $1.value.spam + $1.value.ham, $1.key)
            }.prefix(excess)
            for (hash, _) in victims { state.tokens[hash] = nil }
            return excess
        }
    }

    public func forEachToken(_ body: (UInt64, TokenCounts) throws(BayesStoreError) -> Void) throws(BayesStoreError) {
        let tokens = lock.withLock { state.tokens }
        for hash in tokens.keys.sorted() { try body(hash, tokens[hash]!) }
    }

    public func forEachJournalEntry(_ body: (JournalEntry) throws(BayesStoreError) -> Void) throws(BayesStoreError) {
        let journal = lock.withLock { state.journal }
        for key in journal.keys.sorted(by: { ($0.high, $0.low) < ($1.high, $1.low) }) { try body(journal[key]!) }
    }

    public func statistics() throws(BayesStoreError) -> BayesStatistics {
        lock.withLock {
            let seen = state.tokens.values.map(\.lastSeen)
            return BayesStatistics(
                totals: BayesTotals(spam: state.spam, ham: state.ham, tokens: state.tokens.count),
                journalEntries: state.journal.count, oldestToken: seen.min() ?? 0, newestToken: seen.max() ?? 0, location: "memory")
        }
    }

    final class Transaction: BayesStoreTransaction {
        var state: State

        init(_ state: State) { self.state = state }

        func journalEntry(for key: MessageKey) throws(BayesStoreError) -> JournalEntry? { state.journal[key] }

        func insertJournalEntry(_ entry: JournalEntry) throws(BayesStoreError) { state.journal[entry.key] = entry }

        func removeJournalEntry(for key: MessageKey) throws(BayesStoreError) { state.journal[key] = nil }

        func apply(_ deltas: SortedTokenDeltas, at time: Int64) throws(BayesStoreError) {
            for (hash, delta) in deltas.rows.map({ ($0.hash, $0.delta) }) where !delta.isZero {
                var counts = state.tokens[hash] ?? .unseen
                guard counts.isSeen || delta.isAddition else { continue }
                counts.spam = max(0, counts.spam + delta.spam)
                counts.ham = max(0, counts.ham + delta.ham)
                if delta.isAddition { counts.lastSeen = max(counts.lastSeen, time) }
                state.tokens[hash] = counts.isSeen ? counts : nil
            }
        }

        func adjustTotals(spam: Int, ham: Int) throws(BayesStoreError) {
            state.spam = max(0, state.spam + spam)
            state.ham = max(0, state.ham + ham)
        }

        func removeEverything() throws(BayesStoreError) { state = State() }

        func setToken(_ hash: UInt64, _ counts: TokenCounts) throws(BayesStoreError) {
            state.tokens[hash] = counts.isSeen ? counts : nil
        }
    }
}
