import ScanModel

/// When a scanned message is learned without anyone asking: SpamAssassin's
/// bayes_auto_learn_threshold_spam (12.0) and _nonspam (0.1), applied to the score without
/// the Bayes rules' own points (a classifier must not train itself on its own say-so).
/// Messages whose scan failed or that carry a virus are never learned.
public struct AutolearnPolicy: Sendable, Hashable {
    public var spamThreshold: Double
    public var hamThreshold: Double

    public init(spamThreshold: Double = 12.0, hamThreshold: Double = 0.1) {
        self.spamThreshold = spamThreshold
        self.hamThreshold = hamThreshold
    }

    public func decision(for report: ScanReport) -> BayesClass? {
        guard report.failures.isEmpty, report.viruses.isEmpty else { return nil }
        let score = report.hits.reduce(0.0) { sum, hit in
            hit.source == "bayes" || hit.name.hasPrefix("BAYES_") ? sum : sum + hit.score
        }
        if score >= spamThreshold { return .spam }
        if score <= hamThreshold { return .ham }
        return nil
    }
}
