import Bayes
import Filter
import ScanModel
import Storage

/// Builds the Bayes parts from the configuration: the store (SQLite in the state directory),
/// the analyzer that sets the probability, the autolearner, and the learner `swfilter learn`
/// uses. Scanning opens the database without creating it, so a host that never learned gets
/// no vote instead of an error; learning creates it.
public enum BayesComposition {
    public static func store(for config: SwfilterConfig, create: Bool) -> SQLiteBayesStore {
        SQLiteBayesStore(path: config.bayes.databasePath(stateDir: config.general.stateDir), createIfMissing: create,
                         busyTimeoutMilliseconds: Int32(clamping: config.bayes.busyTimeout))
    }

    public static func learner(for config: SwfilterConfig, store: any BayesStore) -> BayesLearner {
        BayesLearner(store: store, tokenizer: Tokenizer(options: config.bayes.tokenizerOptions), maxTokens: config.bayes.maxDatabaseTokens)
    }

    /// The Bayes analyzer (first, so the rules can read its probability) and the autolearner
    /// (to run after every other analyzer), sharing one store; empty when Bayes is off.
    public static func analyzers(for config: SwfilterConfig) -> (classify: [any MessageAnalyzer], autolearn: [any MessageAnalyzer]) {
        guard config.bayes.enabled else { return ([], []) }
        let store = store(for: config, create: config.bayes.autolearn)
        let tokenizer = Tokenizer(options: config.bayes.tokenizerOptions)
        let analyzer = BayesAnalyzer(store: store, tokenizer: tokenizer, classifier: BayesClassifier(parameters: config.bayes.classifier))
        guard config.bayes.autolearn else { return ([analyzer], []) }
        return ([analyzer], [BayesAutolearner(learner: learner(for: config, store: store), policy: config.bayes.autolearnPolicy)])
    }
}
