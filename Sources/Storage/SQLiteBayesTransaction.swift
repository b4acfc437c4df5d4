import Bayes

/// The writes of one learning batch on SQLite, inside the store's BEGIN IMMEDIATE transaction.
final class SQLiteBayesTransaction: BayesStoreTransaction {
    /// Batches changing at least this many tokens recount the table instead of counting inserts.
    static let recountThreshold = 20_000

    private let database: SQLiteConnection
    private let location: String

    init(database: SQLiteConnection, location: String) {
        self.database = database
        self.location = location
    }

    func journalEntry(for key: MessageKey) throws(BayesStoreError) -> JournalEntry? {
        try map { () throws(SQLiteError) -> JournalEntry? in
            let select = try database.statement(BayesSchema.selectJournal)
            defer { select.reset() }
            select.bind(1, bytes: Self.bytes(key))
            guard try select.step() else { return nil }
            return JournalEntry(key: key, learnedAs: select.int(0) == 1 ? .spam : .ham, learnedAt: select.int64(1),
                                tokenCount: select.int(2), signature: select.int64(3))
        }
    }

    func insertJournalEntry(_ entry: JournalEntry) throws(BayesStoreError) {
        try map { () throws(SQLiteError) in
            let insert = try database.statement(BayesSchema.insertJournal)
            insert.bind(1, bytes: Self.bytes(entry.key))
            insert.bind(2, entry.learnedAs == .spam ? 1 : 0)
            insert.bind(3, entry.learnedAt)
            insert.bind(4, entry.tokenCount)
            insert.bind(5, entry.signature)
            try insert.run()
        }
    }

    func removeJournalEntry(for key: MessageKey) throws(BayesStoreError) {
        try map { () throws(SQLiteError) in
            let delete = try database.statement(BayesSchema.deleteJournal)
            delete.bind(1, bytes: Self.bytes(key))
            try delete.run()
        }
    }

    func apply(_ deltas: SortedTokenDeltas, at time: Int64) throws(BayesStoreError) {
        try map { () throws(SQLiteError) in
            // A large batch counts the rows once at the end; a small one (autolearn) is told by
            // each insert whether its row is new, since counting a big table costs milliseconds.
            let recount = deltas.count >= Self.recountThreshold
            // Into an empty table (a first training run), additions are plain inserts in rowid
            // order: no conflict to look for, and each lands after the one before.
            var intoEmpty = false
            if recount, deltas.rows.allSatisfy(\.delta.isAddition) { intoEmpty = try database.scalar(BayesSchema.selectAnyToken) == nil }
            let add = try database.statement(intoEmpty ? BayesSchema.insertToken : recount ? BayesSchema.addTokenQuietly : BayesSchema.addToken)
            let rowsPerAdd = BayesSchema.addRowsPerStatement
            let addMany = recount ? try database.statement(intoEmpty ? BayesSchema.insertTokens(rows: rowsPerAdd) : BayesSchema.addTokensQuietly(rows: rowsPerAdd)) : nil
            // The time is the same for every row: bound once, kept from run to run.
            addMany?.bind(1, time)
            let subtract = try database.statement(BayesSchema.subtractToken)
            let deleteEmpty = try database.statement(BayesSchema.deleteEmptyToken)
            var added = 0, removed = 0
            // Rowid order keeps the B-tree writes local.
            let rows = deltas.rows
            // Additions not yet written, as a run of indices into `rows`.
            var pending: [Int] = []
            pending.reserveCapacity(rowsPerAdd)
            for index in rows.indices {
                let row = rows[index]
                if row.delta.isAddition {
                    guard let addMany else {
                        add.bind(1, row.signedHash)
                        add.bind(2, row.delta.spam)
                        add.bind(3, row.delta.ham)
                        add.bind(4, time)
                        if try add.step(), add.int(0) == 1 { added += 1 }
                        add.reset()
                        continue
                    }
                    pending.append(index)
                    if pending.count == rowsPerAdd {
                        for (slot, pendingIndex) in pending.enumerated() {
                            let first = Int32(slot * 3 + 2)
                            addMany.bind(first, rows[pendingIndex].signedHash)
                            addMany.bind(first + 1, rows[pendingIndex].delta.spam)
                            addMany.bind(first + 2, rows[pendingIndex].delta.ham)
                        }
                        do throws(SQLiteError) {
                            try addMany.runKeepingBindings()
                        } catch {
                            addMany.reset()
                            throw error
                        }
                        pending.removeAll(keepingCapacity: true)
                    }
                } else {
                    subtract.bind(1, row.signedHash)
                    subtract.bind(2, row.delta.spam)
                    subtract.bind(3, row.delta.ham)
                    try subtract.run()
                    deleteEmpty.bind(1, row.signedHash)
                    try deleteEmpty.run()
                    removed += database.changes
                }
            }
            for index in pending {
                add.bind(1, rows[index].signedHash)
                add.bind(2, rows[index].delta.spam)
                add.bind(3, rows[index].delta.ham)
                add.bind(4, time)
                try add.run()
            }
            if recount {
                try database.execute(BayesSchema.recountTokens)
            } else if added != removed {
                try adjustMeta("tokens", added - removed)
            }
        }
    }

    func adjustTotals(spam: Int, ham: Int) throws(BayesStoreError) {
        try map { () throws(SQLiteError) in
            if spam != 0 { try adjustMeta("spam", spam) }
            if ham != 0 { try adjustMeta("ham", ham) }
        }
    }

    func removeEverything() throws(BayesStoreError) {
        try map { () throws(SQLiteError) in
            try database.execute("DELETE FROM tokens; DELETE FROM journal; UPDATE meta SET value = 0 WHERE key IN ('spam', 'ham', 'tokens');")
        }
    }

    func setToken(_ hash: UInt64, _ counts: TokenCounts) throws(BayesStoreError) {
        try map { () throws(SQLiteError) in
            let existed = try exists(hash)
            if counts.isSeen {
                let set = try database.statement(BayesSchema.setToken)
                set.bind(1, Int64(bitPattern: hash))
                set.bind(2, counts.spam)
                set.bind(3, counts.ham)
                set.bind(4, counts.lastSeen)
                try set.run()
                if !existed { try adjustMeta("tokens", 1) }
            } else if existed {
                try database.execute("DELETE FROM tokens WHERE hash = \(Int64(bitPattern: hash))")
                try adjustMeta("tokens", -1)
            }
        }
    }

    private func exists(_ hash: UInt64) throws(SQLiteError) -> Bool {
        let select = try database.statement(BayesSchema.selectToken)
        defer { select.reset() }
        select.bind(1, Int64(bitPattern: hash))
        return try select.step()
    }

    private func adjustMeta(_ key: String, _ delta: Int) throws(SQLiteError) {
        let adjust = try database.statement(BayesSchema.adjustMeta)
        adjust.bind(1, key)
        adjust.bind(2, delta)
        try adjust.run()
    }

    private func map<Result>(_ body: () throws(SQLiteError) -> Result) throws(BayesStoreError) -> Result {
        do {
            return try body()
        } catch {
            throw SQLiteBayesStore.storeError(error, location: location)
        }
    }

    static func bytes(_ key: MessageKey) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for value in [key.high, key.low] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        return bytes
    }

    static func key(_ bytes: [UInt8]) -> MessageKey? {
        guard bytes.count == 16 else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for index in 0..<8 { high = high << 8 | UInt64(bytes[index]) }
        for index in 8..<16 { low = low << 8 | UInt64(bytes[index]) }
        return MessageKey(high: high, low: low)
    }
}
