import CSQLite

/// One open SQLite database connection. Not thread-safe: its owner serialises every use.
final class SQLiteConnection {
    let path: String
    private let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (and with `create`, creates) the database; waits up to `busyTimeout` milliseconds
    /// for locks held by other connections and processes.
    init(path: String, create: Bool, busyTimeout: Int32) throws(SQLiteError) {
        _ = Self.configured
        self.path = path
        var connection: OpaquePointer?
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        let code = sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(connection)
            throw SQLiteError(code: code, message: message)
        }
        handle = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeout)
    }

    /// Process-wide settings, applied once before the first connection.
    private static let configured: Bool = {
        _ = csqlite_disable_memory_statistics()
        return true
    }()

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Waits at most `milliseconds` for locks while `body` runs, then the usual timeout again.
    func withBusyTimeout<Result>(_ milliseconds: Int32, restoring usual: Int32, _ body: () throws(SQLiteError) -> Result) throws(SQLiteError) -> Result {
        sqlite3_busy_timeout(handle, milliseconds)
        defer { sqlite3_busy_timeout(handle, usual) }
        return try body()
    }

    /// Runs SQL that returns no rows we need (several statements allowed).
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text)
        }
    }

    /// The prepared statement for `sql`, prepared once and cached.
    func statement(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        let prepared = try SQLiteStatement(connection: handle, sql: sql)
        statements[sql] = prepared
        return prepared
    }

    /// The first column of the first row, or nil when there is no row.
    func scalar(_ sql: String) throws(SQLiteError) -> Int64? {
        let statement = try statement(sql)
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : nil
    }

    /// Sets the journal mode ("WAL", "DELETE"); returns the mode in effect after, lower-cased:
    /// SQLite keeps the old one when it cannot change, or fails with SQLITE_BUSY.
    func setJournalMode(_ mode: String) throws(SQLiteError) -> String {
        let statement = try statement("PRAGMA journal_mode = \(mode)")
        defer { statement.reset() }
        _ = try statement.step()
        return statement.text(0).lowercased()
    }

    /// The journal mode in effect, lower-cased ("wal", "delete").
    func journalMode() throws(SQLiteError) -> String {
        let statement = try statement("PRAGMA journal_mode")
        defer { statement.reset() }
        _ = try statement.step()
        return statement.text(0).lowercased()
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int { Int(sqlite3_changes(handle)) }

    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
