extension CompiledRuleSet {
    /// The eval rules that hit one message, by name, in run order (every supported eval rule is
    /// run, active or not in the current score set). For comparisons and benchmarks.
    public func evalHits(_ views: SpamAssassinViews, bayesProbability: Double? = nil) -> [String] {
        let context = EvalContext(views: views, bayesProbability: bayesProbability, configuration: evalConfiguration)
        return compiledEvals.filter { $0.test(context) }.map { ruleSet[$0.id].name }
    }

    /// How many eval rules run (the rest are in `unsupportedRules`).
    public var supportedEvalCount: Int { compiledEvals.count }
}
