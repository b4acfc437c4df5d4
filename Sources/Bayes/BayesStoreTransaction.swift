/// The writes a learning batch makes, inside `BayesStore.transaction`. Reads see the
/// transaction's own earlier writes.
public protocol BayesStoreTransaction {
    func journalEntry(for key: MessageKey) throws(BayesStoreError) -> JournalEntry?
    func insertJournalEntry(_ entry: JournalEntry) throws(BayesStoreError)
    func removeJournalEntry(for key: MessageKey) throws(BayesStoreError)
    /// Adds the deltas to the tokens' counts. Counts never go below zero; a token whose counts
    /// both reach zero is removed; an added token's last-seen time becomes `time`.
    func apply(_ deltas: SortedTokenDeltas, at time: Int64) throws(BayesStoreError)
    func adjustTotals(spam: Int, ham: Int) throws(BayesStoreError)
    /// For `--restore`: empties the store (tokens, totals, journal).
    func removeEverything() throws(BayesStoreError)
    /// For `--restore`: sets a token's counts and last-seen time as they are given.
    func setToken(_ hash: UInt64, _ counts: TokenCounts) throws(BayesStoreError)
}
