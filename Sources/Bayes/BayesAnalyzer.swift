import ScanModel
import MailMessage

/// The Bayes classifier as a scan step: tokenizes the message, reads the token counts and sets
/// `report.bayesProbability` (nil while too little has been learned). It adds no rule hit: the
/// rules engine scores the BAYES_xx bands from the probability, as SpamAssassin's 23_bayes.cf
/// does with `check_bayes`, so their scores stay in the rule files.
///
/// It fails open: a damaged or locked database leaves the probability unset and the failure in
/// the report, and the message goes on to the other analyzers, since Bayes is one signal among
/// several and refusing all mail for its sake would do more harm than scanning without it.
public struct BayesAnalyzer: MessageAnalyzer {
    public let name = "bayes"
    public let failureMode = AnalyzerFailure.Mode.failOpen

    public let store: any BayesStore
    public let tokenizer: Tokenizer
    public let classifier: BayesClassifier
    public let clock: @Sendable () -> Int64
    /// A token's last-seen time is refreshed when it is used and older than this (seconds), so
    /// that classifying writes rarely.
    public let touchInterval: Int64

    public init(
        store: any BayesStore, tokenizer: Tokenizer = Tokenizer(), classifier: BayesClassifier = BayesClassifier(),
        clock: @escaping @Sendable () -> Int64 = BayesLearner.systemClock, touchInterval: Int64 = 86_400
    ) {
        self.store = store
        self.tokenizer = tokenizer
        self.classifier = classifier
        self.clock = clock
        self.touchInterval = touchInterval
    }

    public func classify(_ message: MailMessage) throws(BayesStoreError) -> BayesClassification {
        try classify(tokenizer.tokens(of: message))
    }

    public func classify(_ tokens: TokenSet) throws(BayesStoreError) -> BayesClassification {
        classify(tokens, try store.snapshot(for: tokens.hashes))
    }

    private func classify(_ tokens: TokenSet, _ snapshot: (totals: BayesTotals, counts: [TokenCounts])) -> BayesClassification {
        let result = classifier.classify(tokens, counts: snapshot.counts, totals: snapshot.totals)
        if result.probability != nil {
            let now = clock()
            var stale: [UInt64] = []
            for (index, counts) in snapshot.counts.enumerated() where counts.isSeen && counts.lastSeen + touchInterval < now {
                stale.append(tokens.hashes[index])
            }
            if !stale.isEmpty { store.recordUse(of: stale, at: now) }
        }
        return result
    }

    public func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        report.bayesProbability = try classify(tokenizer.tokens(of: message)).probability
    }
}
