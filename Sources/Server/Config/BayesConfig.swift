import Bayes

/// `[bayes]`: the Bayesian learner: where its database is, when it votes, how it weighs tokens,
/// how big the database may grow, and autolearning.
public struct BayesConfig: Sendable, Equatable, ConfigSection {
    static let name = "bayes"

    public var enabled: Bool
    /// The SQLite database; a relative path is taken inside `general.state_dir`.
    public var database: String
    public var classifier: ClassifierParameters
    /// Word pairs as extra tokens (see `TokenizerOptions.wordPairs`).
    public var wordPairs: Bool
    /// Expiry keeps at most this many tokens, removing the least recently seen first.
    public var maxDatabaseTokens: Int
    /// Milliseconds to wait for another process holding the database locked.
    public var busyTimeout: Int
    public var autolearn: Bool
    public var autolearnSpamThreshold: Double
    public var autolearnHamThreshold: Double

    public static let defaultDatabase = "bayes.sqlite"

    public init() {
        enabled = true
        database = Self.defaultDatabase
        classifier = ClassifierParameters()
        wordPairs = TokenizerOptions().wordPairs
        maxDatabaseTokens = 1_000_000
        busyTimeout = 10_000
        autolearn = false
        autolearnSpamThreshold = AutolearnPolicy().spamThreshold
        autolearnHamThreshold = AutolearnPolicy().hamThreshold
    }

    init(reading table: ConfigTableReader) {
        self.init()
        if let value = table.bool("enabled") { enabled = value }
        if let value = table.string("database") {
            if value.isEmpty { table.report("database", "must not be empty") } else { database = value }
        }
        if let value = table.integer("min_spam", minimum: 0) { classifier.minSpam = value }
        if let value = table.integer("min_ham", minimum: 0) { classifier.minHam = value }
        if let value = probability(table, "strength", above: 0, below: 100) { classifier.strength = value }
        if let value = probability(table, "assumed_probability", above: 0, below: 1) { classifier.assumedProbability = value }
        if let value = table.number("min_deviation") {
            if value >= 0, value < 0.5 { classifier.minDeviation = value } else { table.report("min_deviation", "must be at least 0 and below 0.5, found \(value)") }
        }
        if let value = table.integer("significant_tokens", minimum: 0) { classifier.maxTokens = value }
        if let value = table.number("conflict_tail") {
            if value >= 0, value < 1 { classifier.conflictTail = value } else { table.report("conflict_tail", "must be at least 0 and below 1, found \(value)") }
        }
        if let value = table.integer("max_tokens_per_field", minimum: 0) { classifier.maxTokensPerField = value }
        if let value = table.bool("word_pairs") { wordPairs = value }
        if let value = table.integer("max_db_tokens", minimum: 1000) { maxDatabaseTokens = value }
        if let value = table.integer("busy_timeout_ms", minimum: 0) { busyTimeout = value }
        if let value = table.bool("autolearn") { autolearn = value }
        let spam = table.number("autolearn_spam_threshold")
        let ham = table.number("autolearn_ham_threshold")
        if let spam { autolearnSpamThreshold = spam }
        if let ham { autolearnHamThreshold = ham }
        if autolearnHamThreshold >= autolearnSpamThreshold {
            table.report(spam != nil ? "autolearn_spam_threshold" : "autolearn_ham_threshold",
                         "autolearn_ham_threshold (\(autolearnHamThreshold)) must be below autolearn_spam_threshold (\(autolearnSpamThreshold))")
        }
    }

    private func probability(_ table: ConfigTableReader, _ key: String, above low: Double, below high: Double) -> Double? {
        guard let value = table.number(key) else { return nil }
        guard value > low, value < high else {
            table.report(key, "must be above \(low) and below \(high), found \(value)")
            return nil
        }
        return value
    }

    func write(to writer: inout ConfigTOMLWriter) {
        writer.set("enabled", .bool(enabled))
        writer.set("database", .string(database))
        writer.set("min_spam", .integer(classifier.minSpam))
        writer.set("min_ham", .integer(classifier.minHam))
        writer.set("strength", .float(classifier.strength))
        writer.set("assumed_probability", .float(classifier.assumedProbability))
        writer.set("min_deviation", .float(classifier.minDeviation))
        writer.set("significant_tokens", .integer(classifier.maxTokens))
        writer.set("conflict_tail", .float(classifier.conflictTail))
        writer.set("max_tokens_per_field", .integer(classifier.maxTokensPerField))
        writer.set("word_pairs", .bool(wordPairs))
        writer.set("max_db_tokens", .integer(maxDatabaseTokens))
        writer.set("busy_timeout_ms", .integer(busyTimeout))
        writer.set("autolearn", .bool(autolearn))
        writer.set("autolearn_spam_threshold", .float(autolearnSpamThreshold))
        writer.set("autolearn_ham_threshold", .float(autolearnHamThreshold))
    }

    /// The database path, inside `stateDir` unless absolute.
    public func databasePath(stateDir: String) -> String {
        database.hasPrefix("/") ? database : (stateDir.hasSuffix("/") ? stateDir : stateDir + "/") + database
    }

    public var tokenizerOptions: TokenizerOptions {
        var options = TokenizerOptions()
        options.wordPairs = wordPairs
        return options
    }

    public var autolearnPolicy: AutolearnPolicy {
        AutolearnPolicy(spamThreshold: autolearnSpamThreshold, hamThreshold: autolearnHamThreshold)
    }
}
