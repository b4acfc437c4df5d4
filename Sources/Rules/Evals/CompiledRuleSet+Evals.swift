extension CompiledRuleSet {
    /// The eval rules that hit one message, by name, in run order (every supported eval rule is
    /// run, active or not in the current score set). For comparisons and benchmarks.
    public func evalHits(_ views: SpamAssassinViews, bayesProbability: Double? = nil) -> [String] {
        let context = EvalContext(views: views, bayesProbability: bayesProbability, configuration: evalConfiguration)
        return compiledEvals.filter { $0.test(context) }.map { ruleSet[$0.id].name }
    }

    /// How many eval rules run (the rest are in `unsupportedRules`).
    public var supportedEvalCount: Int { compiledEvals.count }

    /// The names of the eval rules `evalHits` runs, in run order.
    public var evalRuleNames: [String] { compiledEvals.map { ruleSet[$0.id].name } }

    /// `evalHits(views).count`, each eval run through `measure(index, run)` (index into
    /// `evalRuleNames`), which must call `run` once and return its answer. For per-eval timing.
    public func evalHitCount(_ views: SpamAssassinViews, measure: (Int, () -> Bool) -> Bool) -> Int {
        let context = EvalContext(views: views, bayesProbability: nil, configuration: evalConfiguration)
        var hits = 0
        for (index, eval) in compiledEvals.enumerated() where measure(index, { eval.test(context) }) { hits += 1 }
        return hits
    }
}
