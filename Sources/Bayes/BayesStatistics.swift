/// What `swfilter learn --stats` shows about a store.
public struct BayesStatistics: Sendable, Hashable {
    public var totals: BayesTotals
    public var journalEntries: Int
    /// The oldest and newest last-seen times of any token (seconds since 1970); 0 when empty.
    public var oldestToken: Int64
    public var newestToken: Int64
    /// Where the store lives ("memory" for the in-memory store), and its size in bytes if known.
    public var location: String
    public var bytes: Int?

    public init(totals: BayesTotals, journalEntries: Int, oldestToken: Int64, newestToken: Int64, location: String, bytes: Int? = nil) {
        self.totals = totals
        self.journalEntries = journalEntries
        self.oldestToken = oldestToken
        self.newestToken = newestToken
        self.location = location
        self.bytes = bytes
    }
}
