import Filter
import ScanModel

/// The composition root for the scanning engine: which analyzers run, with which policy and
/// limits, as the configuration says. Only the app layer knows the implementations.
public enum EngineFactory {
    /// `log` receives lines about building the analyzers (signatures that failed to load…).
    public static func engine(for config: SwfilterConfig, log: @escaping @Sendable (String) -> Void = EngineFactory.logToStandardError) -> FilterEngine {
        var analyzers: [any MessageAnalyzer] = []
        if let virus = VirusComposition.analyzer(for: config, log: log) { analyzers.append(virus) }
        // Bayes before the rules (they read its probability); autolearn after everything.
        let bayes = BayesComposition.analyzers(for: config)
        analyzers += bayes.classify
        if let rules = RulesComposition.analyzer(for: config, log: log) { analyzers.append(rules) }
        analyzers += bayes.autolearn
        return FilterEngine(analyzers: analyzers, policy: policy(for: config.policy), limits: config.messageLimits)
    }

    public static let logToStandardError: @Sendable (String) -> Void = { line in FileStream(2).writeLine("swfilter: \(line)") }

    static func policy(for config: PolicyConfig) -> Policy {
        func thresholds(_ effective: EffectivePolicy) -> Policy.Thresholds {
            Policy.Thresholds(requiredScore: effective.requiredScore, rejectScore: effective.rejectScore.score,
                              subjectTag: effective.subjectTag.isEmpty ? nil : effective.subjectTag)
        }
        var domains: [String: Policy.Thresholds] = [:]
        for domain in config.domains.keys { domains[domain] = thresholds(config.effective(forDomain: domain)) }
        return Policy(thresholds: thresholds(config.effective(forDomain: nil)), domains: domains)
    }

    public static func pipeFilter(for config: SwfilterConfig, exitCodeOnSpam: Bool? = nil) -> PipeFilter {
        let options = PipeFilter.Options(
            exitCodeOnSpam: exitCodeOnSpam ?? config.filter.exitCodeOnSpam,
            maxMessageBytes: config.filterMaxMessageBytes,
            tempfailOnError: config.filter.onError == .tempfail,
            hostname: config.general.hostname,
            addHeaders: config.policy.addHeaders
        )
        // procmail keeps the filter's standard error in its log for every message: only problems go there.
        let problemsOnly: @Sendable (String) -> Void = { line in
            if line.contains("warning") || line.contains("fail") || line.contains("unusable") { logToStandardError(line) }
        }
        return PipeFilter(engine: engine(for: config, log: problemsOnly), options: options)
    }
}
