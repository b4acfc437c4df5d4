/// Where the learner's counts live: token counts with last-seen times, totals, and the journal
/// of learned messages. Declared here, where it is used; `Storage` implements it on SQLite and
/// `InMemoryBayesStore` for tests. Implementations are shared by every scanning thread, and
/// several processes (milter, proxy, `swfilter learn`) may use one store at once: a store must
/// keep each `transaction` atomic and isolated from the others.
public protocol BayesStore: Sendable {
    /// The totals and the counts of `hashes` (in the same order; unseen tokens as zero counts),
    /// read at one moment.
    func snapshot(for hashes: [UInt64]) throws(BayesStoreError) -> (totals: BayesTotals, counts: [TokenCounts])

    func totals() throws(BayesStoreError) -> BayesTotals

    /// Notes that these tokens were just used to classify, so expiry keeps them. Best effort:
    /// a store may buffer or drop these.
    func recordUse(of hashes: [UInt64], at time: Int64)

    /// Runs `body` as one atomic write transaction; when it throws, nothing of it is kept.
    func transaction<Result>(_ body: (any BayesStoreTransaction) throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result

    /// `transaction` for a write expected to change about `expectedTokens` tokens: a store may
    /// write a large one differently (`SQLiteBayesStore` loads an empty table without its WAL).
    func transaction<Result>(expectedTokens: Int, _ body: (any BayesStoreTransaction) throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result

    /// Removes the least recently seen tokens (the fewest-counted first among equals) until at
    /// most `maxTokens` remain; returns how many went.
    func expire(keeping maxTokens: Int) throws(BayesStoreError) -> Int

    /// Every token with its counts, in hash order, for `--dump`.
    func forEachToken(_ body: (UInt64, TokenCounts) throws(BayesStoreError) -> Void) throws(BayesStoreError)

    /// Every journal entry, in key order, for `--dump`.
    func forEachJournalEntry(_ body: (JournalEntry) throws(BayesStoreError) -> Void) throws(BayesStoreError)

    func statistics() throws(BayesStoreError) -> BayesStatistics
}

extension BayesStore {
    public func transaction<Result>(expectedTokens: Int, _ body: (any BayesStoreTransaction) throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result {
        try transaction(body)
    }
}
