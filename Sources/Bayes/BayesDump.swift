/// The text form of a Bayes store, for `swfilter learn --dump` and `--restore`: a backup, a way
/// to move a database between machines or store back ends, and something to grep.
///
/// ```
/// # swfilter bayes dump 1
/// totals SPAM HAM
/// token HASH SPAM HAM LASTSEEN
/// journal KEY CLASS LEARNED TOKENS SIGNATURE
/// ```
///
/// One record a line, fields separated by one space. HASH is the token's 64-bit hash in 16
/// lower-case hexadecimal digits; SPAM and HAM are message counts; LASTSEEN and LEARNED are
/// seconds since 1970; KEY is the message's 128-bit journal key in 32 hexadecimal digits;
/// CLASS is `spam` or `ham`; TOKENS the number of tokens it gave; SIGNATURE the tokenizer
/// signature (a decimal integer). Lines starting with `#` and empty lines are ignored, apart
/// from the first, which names the format and its version. Restoring replaces everything in
/// the store.
public enum BayesDump {
    public static let header = "# swfilter bayes dump 1"

    /// Writes the store, one line at a time (each without its line break).
    public static func write(_ store: any BayesStore, to emit: (String) throws(BayesStoreError) -> Void) throws(BayesStoreError) {
        let totals = try store.totals()
        try emit(header)
        try emit("totals \(totals.spam) \(totals.ham)")
        try store.forEachToken { (hash, counts) throws(BayesStoreError) in
            try emit("token \(hex(hash)) \(counts.spam) \(counts.ham) \(counts.lastSeen)")
        }
        try store.forEachJournalEntry { (entry) throws(BayesStoreError) in
            try emit("journal \(entry.key) \(entry.learnedAs.rawValue) \(entry.learnedAt) \(entry.tokenCount) \(entry.signature)")
        }
    }

    /// What a dump holds, read and checked whole before anything is written.
    public struct Contents: Sendable {
        public var spam = 0
        public var ham = 0
        public var tokens: [(hash: UInt64, counts: TokenCounts)] = []
        public var journal: [JournalEntry] = []

        public init() {}
    }

    /// Reads a dump; the first problem ends it with the line number.
    public static func parse(_ lines: some Sequence<Substring>) throws(BayesDumpError) -> Contents {
        var contents = Contents()
        var number = 0
        var sawTotals = false
        for line in lines {
            number += 1
            let text = line.hasSuffix("\r") ? line.dropLast() : line
            if number == 1 {
                guard text == header else { throw BayesDumpError(line: 1, message: "not a swfilter Bayes dump: the first line must be \"\(header)\"") }
                continue
            }
            if text.isEmpty || text.hasPrefix("#") { continue }
            let fields = text.split(separator: " ", omittingEmptySubsequences: false)
            func integer(_ index: Int, _ name: String, minimum: Int64 = 0) throws(BayesDumpError) -> Int64 {
                guard index < fields.count, let value = Int64(fields[index]), value >= minimum else {
                    throw BayesDumpError(line: number, message: "\(name) must be an integer of at least \(minimum)")
                }
                return value
            }
            func expectFields(_ count: Int) throws(BayesDumpError) {
                guard fields.count == count else { throw BayesDumpError(line: number, message: "\"\(fields[0])\" takes \(count - 1) fields, found \(fields.count - 1)") }
            }
            switch fields[0] {
            case "totals":
                try expectFields(3)
                contents.spam = Int(try integer(1, "SPAM"))
                contents.ham = Int(try integer(2, "HAM"))
                sawTotals = true
            case "token":
                try expectFields(5)
                guard fields[1].utf8.count == 16, let hash = UInt64(fields[1], radix: 16) else {
                    throw BayesDumpError(line: number, message: "HASH must be 16 hexadecimal digits")
                }
                let counts = TokenCounts(spam: Int(try integer(2, "SPAM")), ham: Int(try integer(3, "HAM")), lastSeen: try integer(4, "LASTSEEN"))
                contents.tokens.append((hash, counts))
            case "journal":
                try expectFields(6)
                guard let key = MessageKey(hex: String(fields[1])) else { throw BayesDumpError(line: number, message: "KEY must be 32 hexadecimal digits") }
                guard let kind = BayesClass(rawValue: String(fields[2])) else { throw BayesDumpError(line: number, message: "CLASS must be spam or ham") }
                contents.journal.append(JournalEntry(key: key, learnedAs: kind, learnedAt: try integer(3, "LEARNED"),
                                                     tokenCount: Int(try integer(4, "TOKENS")), signature: try integer(5, "SIGNATURE", minimum: .min)))
            default:
                throw BayesDumpError(line: number, message: "unknown record \"\(fields[0].prefix(40))\"; expected totals, token or journal")
            }
        }
        guard number > 0 else { throw BayesDumpError(line: 0, message: "empty input") }
        guard sawTotals else { throw BayesDumpError(line: number, message: "no totals line") }
        return contents
    }

    /// Replaces everything in `store` with `contents`, in one transaction.
    public static func restore(_ contents: Contents, into store: any BayesStore) throws(BayesStoreError) {
        try store.transaction { (transaction: any BayesStoreTransaction) throws(BayesStoreError) in
            try transaction.removeEverything()
            for (hash, counts) in contents.tokens { try transaction.setToken(hash, counts) }
            for entry in contents.journal { try transaction.insertJournalEntry(entry) }
            try transaction.adjustTotals(spam: contents.spam, ham: contents.ham)
        }
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
