import Filter

/// The composition root for the scanning engine: which analyzers run, with which policy and
/// limits, as the configuration says. Only the app layer knows the implementations.
public enum EngineFactory {
    public static func engine(for config: SwfilterConfig) -> FilterEngine {
        let bayes = BayesComposition.analyzers(for: config)
        return FilterEngine(analyzers: bayes.classify + bayes.autolearn, policy: policy(for: config.policy), limits: config.messageLimits)
    }

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
        return PipeFilter(engine: engine(for: config), options: options)
    }
}
