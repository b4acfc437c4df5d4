/// The tables of the Bayes database, version 1.
///
/// - `tokens`: one row per token hash (the 64-bit hash as a signed integer, which makes it the
///   rowid: the fastest lookup SQLite has), its spam and ham message counts, and the time it was
///   last learned or used (seconds since 1970).
/// - `journal`: one row per learned message: its 128-bit key, class (1 spam, 0 ham), when, how
///   many tokens it gave, and the tokenizer signature then.
/// - `meta`: schema version, learned spam and ham totals, and the number of token rows (kept
///   exact by every write, so the totals are read without counting).
enum BayesSchema {
    static let version: Int64 = 1

    static let create = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS tokens (
            hash INTEGER PRIMARY KEY, spam INTEGER NOT NULL, ham INTEGER NOT NULL, seen INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS journal (
            key BLOB PRIMARY KEY, class INTEGER NOT NULL, learned INTEGER NOT NULL,
            tokens INTEGER NOT NULL, signature INTEGER NOT NULL) WITHOUT ROWID;
        INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', \(version)), ('spam', 0), ('ham', 0), ('tokens', 0);
        """

    static let selectToken = "SELECT spam, ham, seen FROM tokens WHERE hash = ?1"
    static let selectTotals = "SELECT (SELECT value FROM meta WHERE key = 'spam'), (SELECT value FROM meta WHERE key = 'ham'), (SELECT value FROM meta WHERE key = 'tokens')"
    /// Adds to a token, creating it if needed; returns whether the row is new (its counts are
    /// exactly the delta, which an existing row's cannot be since empty rows are deleted).
    static let addToken = """
        INSERT INTO tokens (hash, spam, ham, seen) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (hash) DO UPDATE SET spam = spam + excluded.spam, ham = ham + excluded.ham, seen = max(seen, excluded.seen)
        RETURNING spam = ?2 AND ham = ?3
        """
    /// The same without telling whether the row is new: cheaper, for large batches, which
    /// count the rows afterwards instead.
    static let addTokenQuietly = """
        INSERT INTO tokens (hash, spam, ham, seen) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (hash) DO UPDATE SET spam = spam + excluded.spam, ham = ham + excluded.ham, seen = max(seen, excluded.seen)
        """
    /// `addTokenQuietly` for `rows` tokens at once: ?1 is the time for every row, and row k's
    /// hash, spam and ham are ?(3k+2) … ?(3k+4). One statement keeps its table cursor from
    /// row to row, and the per-statement cost is paid once per `rows`.
    static func addTokensQuietly(rows: Int) -> String {
        "INSERT INTO tokens (hash, spam, ham, seen) VALUES " + valueRows(rows) + """

            ON CONFLICT (hash) DO UPDATE SET spam = spam + excluded.spam, ham = ham + excluded.ham, seen = max(seen, excluded.seen)
            """
    }
    private static func valueRows(_ rows: Int) -> String {
        (0..<rows).map { row in "(?\(row * 3 + 2), ?\(row * 3 + 3), ?\(row * 3 + 4), ?1)" }.joined(separator: ", ")
    }
    /// Whether the table has a row at all (a row, or none).
    static let selectAnyToken = "SELECT 1 FROM tokens LIMIT 1"
    /// A token known to be missing (the table was empty): no conflict clause to evaluate.
    static let insertToken = "INSERT INTO tokens (hash, spam, ham, seen) VALUES (?1, ?2, ?3, ?4)"
    /// `insertToken` for `rows` tokens at once, parameters as in `addTokensQuietly`.
    static func insertTokens(rows: Int) -> String {
        "INSERT INTO tokens (hash, spam, ham, seen) VALUES " + valueRows(rows)
    }
    /// Rows per `addTokensQuietly` statement: past a few dozen the gain levels off.
    static let addRowsPerStatement = 64
    static let recountTokens = "UPDATE meta SET value = (SELECT count(*) FROM tokens) WHERE key = 'tokens'"
    static let subtractToken = "UPDATE tokens SET spam = max(0, spam + ?2), ham = max(0, ham + ?3) WHERE hash = ?1"
    static let deleteEmptyToken = "DELETE FROM tokens WHERE hash = ?1 AND spam = 0 AND ham = 0"
    static let setToken = "INSERT OR REPLACE INTO tokens (hash, spam, ham, seen) VALUES (?1, ?2, ?3, ?4)"
    static let touchToken = "UPDATE tokens SET seen = ?2 WHERE hash = ?1 AND seen < ?2"
    static let adjustMeta = "UPDATE meta SET value = max(0, value + ?2) WHERE key = ?1"
    static let setMeta = "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)"
    static let selectJournal = "SELECT class, learned, tokens, signature FROM journal WHERE key = ?1"
    static let insertJournal = "INSERT OR REPLACE INTO journal (key, class, learned, tokens, signature) VALUES (?1, ?2, ?3, ?4, ?5)"
    static let deleteJournal = "DELETE FROM journal WHERE key = ?1"
    static let expire = "DELETE FROM tokens WHERE hash IN (SELECT hash FROM tokens ORDER BY seen, spam + ham, hash LIMIT ?1)"
}
