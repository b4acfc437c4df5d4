import Bayes
import CSQLite
import Foundation

/// The embedded `BayesStore`: one SQLite file in WAL mode, so scanning processes read while
/// `swfilter learn` writes. Several processes may share it: writes run in `BEGIN IMMEDIATE`
/// transactions and wait up to the busy timeout for each other. Within a process, one
/// connection serves all threads under a lock (a read takes well under a millisecond).
///
/// Opened lazily: with `createIfMissing` false (scanning), a missing file reads as an empty
/// store until `swfilter learn` creates it. Last-seen refreshes from classification are
/// buffered and written in batches (`flushUses`, and when the store is released).
public final class SQLiteBayesStore: BayesStore, @unchecked Sendable {
    public let path: String
    public let createIfMissing: Bool
    public let busyTimeoutMilliseconds: Int32
    /// Buffered last-seen refreshes are written once this many are waiting.
    public let useBufferLimit: Int

    /// Bytes of the database file mapped into memory for reading.
    static let mapBytes = 1 << 30
    /// The page cache of the connection, in KiB.
    static let cacheKilobytes = 32 * 1024

    private let lock = NSLock()
    private var connection: SQLiteConnection?
    private var pendingUses: [UInt64: Int64] = [:]
    /// Token counts read before, valid while no connection has written since (`data_version`):
    /// a scanning process between two learning runs reads each common token once.
    private var cache: [UInt64: TokenCounts] = [:]
    private var cachedTotals: BayesTotals?
    private var cacheVersion: Int64 = -1
    /// Cached tokens at most; the cache starts over beyond this.
    public static let cacheLimit = 1 << 20

    public init(path: String, createIfMissing: Bool = true, busyTimeoutMilliseconds: Int32 = 10_000, useBufferLimit: Int = 4096) {
        self.path = path
        self.createIfMissing = createIfMissing
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.useBufferLimit = useBufferLimit
    }

    deinit {
        try? flushUsesLocked()
    }

    /// Opens the database now (creating it if allowed), reporting any problem with it.
    public func open() throws(BayesStoreError) {
        lock.lock()
        defer { lock.unlock() }
        _ = try database()
    }

    // MARK: BayesStore

    public func snapshot(for hashes: [UInt64]) throws(BayesStoreError) -> (totals: BayesTotals, counts: [TokenCounts]) {
        lock.lock()
        defer { lock.unlock() }
        guard let database = try database() else { return (BayesTotals(), hashes.map { _ in .unseen }) }
        return try map { () throws(SQLiteError) in
            try database.execute("BEGIN")
            defer { try? database.execute("COMMIT") }
            let version = try database.scalar("PRAGMA data_version") ?? 0
            if version != cacheVersion || cache.count > Self.cacheLimit { invalidateCache(version: version) }
            let totals: BayesTotals
            if let cachedTotals {
                totals = cachedTotals
            } else {
                totals = try readTotals(database)
                cachedTotals = totals
            }
            let select = try database.statement(BayesSchema.selectToken)
            var counts: [TokenCounts] = []
            counts.reserveCapacity(hashes.count)
            for hash in hashes {
                if let known = cache[hash] {
                    counts.append(known)
                    continue
                }
                select.bind(1, Int64(bitPattern: hash))
                let found = try select.step() ? TokenCounts(spam: select.int(0), ham: select.int(1), lastSeen: select.int64(2)) : .unseen
                select.reset()
                cache[hash] = found
                counts.append(found)
            }
            return (totals, counts)
        }
    }

    public func totals() throws(BayesStoreError) -> BayesTotals {
        lock.lock()
        defer { lock.unlock() }
        guard let database = try database() else { return BayesTotals() }
        return try map { () throws(SQLiteError) in try readTotals(database) }
    }

    public func recordUse(of hashes: [UInt64], at time: Int64) {
        lock.lock()
        defer { lock.unlock() }
        for hash in hashes { pendingUses[hash] = max(pendingUses[hash] ?? 0, time) }
        if pendingUses.count >= useBufferLimit {
            // A busy database keeps them for the next try; too many are dropped (best effort).
            if (try? flushUsesLocked()) == nil, pendingUses.count > useBufferLimit * 16 { pendingUses.removeAll() }
        }
    }

    /// Writes the buffered last-seen refreshes now.
    public func flushUses() throws(BayesStoreError) {
        lock.lock()
        defer { lock.unlock() }
        try flushUsesLocked()
    }

    public func transaction<Result>(_ body: (any BayesStoreTransaction) throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result {
        try transaction(expectedTokens: 0, body)
    }

    /// Token changes from which a write into an empty token table (a first training run) may
    /// go through a rollback journal: see `transaction(expectedTokens:_:)`.
    public static let rollbackLoadTokens = 20_000

    /// A write of `expectedTokens` or more token changes into an empty token table goes through
    /// a rollback journal when no other connection has the database open, and the database is
    /// back in WAL mode after: in WAL mode the load is written twice (into the WAL, then by the
    /// checkpoint into the database, each synced); this way once. Readers of an empty table
    /// lose nothing meanwhile (it gives no vote), and a process opening the database then waits
    /// for the commit and switches it back to WAL itself. When another connection has it open,
    /// SQLite refuses to leave WAL, and the write goes through the WAL without waiting.
    public func transaction<Result>(expectedTokens: Int, _ body: (any BayesStoreTransaction) throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        guard let database = try database(create: true) else { throw unavailable("the file does not exist") }
        let rollbackJournal = expectedTokens >= Self.rollbackLoadTokens && enterRollbackJournal(database)
        defer { if rollbackJournal { leaveRollbackJournal(database) } }
        return try write(database) { () throws(BayesStoreError) -> Result in
            try body(SQLiteBayesTransaction(database: database, location: path))
        }
    }

    public func expire(keeping maxTokens: Int) throws(BayesStoreError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        guard let database = try database() else { return 0 }
        return try write(database) { () throws(BayesStoreError) -> Int in
            try map { () throws(SQLiteError) -> Int in
                let count = Int(try database.scalar("SELECT count(*) FROM tokens") ?? 0)
                var removed = 0
                if count > maxTokens {
                    let delete = try database.statement(BayesSchema.expire)
                    delete.bind(1, count - max(0, maxTokens))
                    try delete.run()
                    removed = database.changes
                }
                let set = try database.statement(BayesSchema.setMeta)
                set.bind(1, "tokens")
                set.bind(2, count - removed)
                try set.run()
                return removed
            }
        }
    }

    public func forEachToken(_ body: (UInt64, TokenCounts) throws(BayesStoreError) -> Void) throws(BayesStoreError) {
        lock.lock()
        defer { lock.unlock() }
        guard let database = try database() else { return }
        try read(database, "SELECT hash, spam, ham, seen FROM tokens ORDER BY hash") { (row: SQLiteStatement) throws(BayesStoreError) in
            try body(UInt64(bitPattern: row.int64(0)), TokenCounts(spam: row.int(1), ham: row.int(2), lastSeen: row.int64(3)))
        }
    }

    public func forEachJournalEntry(_ body: (JournalEntry) throws(BayesStoreError) -> Void) throws(BayesStoreError) {
        lock.lock()
        defer { lock.unlock() }
        guard let database = try database() else { return }
        try read(database, "SELECT key, class, learned, tokens, signature FROM journal ORDER BY key") { (row: SQLiteStatement) throws(BayesStoreError) in
            guard let key = SQLiteBayesTransaction.key(row.bytes(0)) else { return }
            try body(JournalEntry(key: key, learnedAs: row.int(1) == 1 ? .spam : .ham, learnedAt: row.int64(2),
                                  tokenCount: row.int(3), signature: row.int64(4)))
        }
    }

    public func statistics() throws(BayesStoreError) -> BayesStatistics {
        lock.lock()
        defer { lock.unlock() }
        let size = fileSize(path) + fileSize(path + "-wal")
        guard let database = try database() else {
            return BayesStatistics(totals: BayesTotals(), journalEntries: 0, oldestToken: 0, newestToken: 0, location: path, bytes: nil)
        }
        return try map { () throws(SQLiteError) -> BayesStatistics in
            try database.execute("BEGIN")
            defer { try? database.execute("COMMIT") }
            var totals = try readTotals(database)
            totals.tokens = Int(try database.scalar("SELECT count(*) FROM tokens") ?? 0)
            return BayesStatistics(
                totals: totals, journalEntries: Int(try database.scalar("SELECT count(*) FROM journal") ?? 0),
                oldestToken: try database.scalar("SELECT min(seen) FROM tokens") ?? 0,
                newestToken: try database.scalar("SELECT max(seen) FROM tokens") ?? 0,
                location: path, bytes: size)
        }
    }

    // MARK: Internals (called with the lock held)

    /// The open connection; nil when the file does not exist and may not be created.
    private func database(create: Bool = false) throws(BayesStoreError) -> SQLiteConnection? {
        if let connection { return connection }
        let mayCreate = createIfMissing || create
        if !mayCreate, !FileManager.default.fileExists(atPath: path) { return nil }
        let opened = try map { () throws(SQLiteError) -> SQLiteConnection in
            let database = try SQLiteConnection(path: path, create: mayCreate, busyTimeout: busyTimeoutMilliseconds)
            let mode = try database.statement("PRAGMA journal_mode = WAL")
            _ = try mode.step()
            mode.reset()
            try database.execute("PRAGMA synchronous = NORMAL")
            // Token look-ups are random reads all over the file: map it, and cache generously,
            // rather than copying a page out of the kernel for every token.
            try database.execute("PRAGMA mmap_size = \(Self.mapBytes)")
            try database.execute("PRAGMA cache_size = -\(Self.cacheKilobytes)")
            try database.execute("BEGIN IMMEDIATE")
            do throws(SQLiteError) {
                try database.execute(BayesSchema.create)
                try database.execute("COMMIT")
            } catch {
                try? database.execute("ROLLBACK")
                throw error
            }
            return database
        }
        let version = try map { () throws(SQLiteError) in try opened.scalar("SELECT value FROM meta WHERE key = 'schema_version'") ?? 0 }
        guard version <= BayesSchema.version else {
            throw BayesStoreError(.unsupportedVersion, location: path, detail: "schema version \(version); this swfilter reads up to \(BayesSchema.version)")
        }
        connection = opened
        return opened
    }

    /// Leaves WAL for a rollback journal if the token table is empty and no other connection
    /// has the database open (without waiting for one); whether it did.
    private func enterRollbackJournal(_ database: SQLiteConnection) -> Bool {
        do throws(SQLiteError) {
            guard try database.scalar(BayesSchema.selectAnyToken) == nil else { return false }
            let left = try database.withBusyTimeout(0, restoring: busyTimeoutMilliseconds) { () throws(SQLiteError) -> Bool in
                try database.setJournalMode("DELETE") == "delete"
            }
            // NORMAL is power-safe in WAL mode only: a rollback journal needs FULL.
            if left { try? database.execute("PRAGMA synchronous = FULL") }
            return left
        } catch {
            return false
        }
    }

    /// Back to WAL, waiting as usual for readers that opened meanwhile. Should that fail, the
    /// next connection to open the database switches it (every one asks for WAL).
    private func leaveRollbackJournal(_ database: SQLiteConnection) {
        _ = try? database.setJournalMode("WAL")
        try? database.execute("PRAGMA synchronous = NORMAL")
    }

    private func readTotals(_ database: SQLiteConnection) throws(SQLiteError) -> BayesTotals {
        let statement = try database.statement(BayesSchema.selectTotals)
        defer { statement.reset() }
        guard try statement.step() else { return BayesTotals() }
        return BayesTotals(spam: statement.int(0), ham: statement.int(1), tokens: statement.int(2))
    }

    private func invalidateCache(version: Int64 = -1) {
        cache.removeAll(keepingCapacity: true)
        cachedTotals = nil
        cacheVersion = version
    }

    /// Runs `body` in BEGIN IMMEDIATE … COMMIT, rolling back when it throws. `busyTimeout`
    /// bounds the wait for the write lock, when given.
    private func write<Result>(_ database: SQLiteConnection, busyTimeout: Int32? = nil, _ body: () throws(BayesStoreError) -> Result) throws(BayesStoreError) -> Result {
        // This connection's own writes do not change its data_version.
        invalidateCache()
        let usual = busyTimeoutMilliseconds
        try map { () throws(SQLiteError) in
            try database.withBusyTimeout(busyTimeout ?? usual, restoring: usual) { () throws(SQLiteError) in try database.execute("BEGIN IMMEDIATE") }
        }
        do {
            let result = try body()
            try map { () throws(SQLiteError) in try database.execute("COMMIT") }
            return result
        } catch {
            if database.isInTransaction { try? database.execute("ROLLBACK") }
            throw error
        }
    }

    private func read(_ database: SQLiteConnection, _ sql: String, _ body: (SQLiteStatement) throws(BayesStoreError) -> Void) throws(BayesStoreError) {
        let statement = try map { () throws(SQLiteError) in try database.statement(sql) }
        defer { statement.reset() }
        while try map({ () throws(SQLiteError) in try statement.step() }) {
            try body(statement)
        }
    }

    /// Writes the buffered refreshes, waiting at most `Self.useFlushWait` for the lock: a scan
    /// must not stall behind `swfilter learn`, and the refreshes can wait for the next flush.
    private func flushUsesLocked() throws(BayesStoreError) {
        guard !pendingUses.isEmpty, let database = try database() else { return }
        let uses = pendingUses.sorted { $0.key < $1.key }
        try write(database, busyTimeout: Self.useFlushWait) { () throws(BayesStoreError) in
            try map { () throws(SQLiteError) in
                let touch = try database.statement(BayesSchema.touchToken)
                for (hash, time) in uses {
                    touch.bind(1, Int64(bitPattern: hash))
                    touch.bind(2, time)
                    try touch.run()
                }
            }
        }
        pendingUses.removeAll()
    }

    /// Milliseconds a last-seen flush waits for another process's lock before giving up.
    static let useFlushWait: Int32 = 50

    private func map<Result>(_ body: () throws(SQLiteError) -> Result) throws(BayesStoreError) -> Result {
        do {
            return try body()
        } catch {
            throw Self.storeError(error, location: path)
        }
    }

    static func storeError(_ error: SQLiteError, location: String) -> BayesStoreError {
        if error.isCorrupt { return BayesStoreError(.corrupt, location: location, detail: error.message) }
        if error.isBusy { return BayesStoreError(.busy, location: location, detail: error.message) }
        if error.isUnavailable { return BayesStoreError(.unavailable, location: location, detail: error.message) }
        return BayesStoreError(.failed, location: location, detail: error.description)
    }

    private func unavailable(_ detail: String) -> BayesStoreError {
        BayesStoreError(.unavailable, location: path, detail: detail)
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}
