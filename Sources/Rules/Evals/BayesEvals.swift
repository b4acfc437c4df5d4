/// `check_bayes(min, max)` over the probability an earlier analyzer set (never hits without one).
enum BayesEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        guard site.function == "check_bayes" else { return nil }
        let arguments = site.arguments
        return .test { checkBayes(arguments, probability: $0.bayesProbability) }
    }

    /// True when the probability is above `min` (or `min` is 0) and at most `max` (or `max` is
    /// "undef"), as SpamAssassin's Bayes plugin tests it.
    static func checkBayes(_ arguments: [EvalArgument], probability: Double?) -> Bool {
        guard let probability, arguments.count == 2, let low = arguments[0].number else { return false }
        let high = arguments[1].number
        if high == nil, arguments[1].text != "undef" { return false }
        return (low == 0 || probability > low) && (high.map { probability <= $0 } ?? true)
    }
}
