/// `check_bayes(min, max)` over the probability an earlier analyzer set (never hits without one).
enum BayesEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        guard site.function == "check_bayes" else { return nil }
        let arguments = site.arguments
        return .test { EvalFunctions.checkBayes(arguments, probability: $0.bayesProbability) }
    }
}
