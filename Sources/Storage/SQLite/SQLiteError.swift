import CSQLite

/// A failed SQLite call: the result code and SQLite's message.
struct SQLiteError: Error, Sendable, CustomStringConvertible {
    let code: Int32
    let message: String

    /// The primary result code (extended codes carry detail in the high bits).
    var primaryCode: Int32 { code & 0xFF }

    var isCorrupt: Bool { primaryCode == SQLITE_NOTADB || primaryCode == SQLITE_CORRUPT }
    var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    var isUnavailable: Bool {
        [SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_AUTH].contains(primaryCode)
    }

    var description: String { "\(message) (SQLite code \(code))" }
}
