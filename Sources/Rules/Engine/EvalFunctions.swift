/// The `eval:` functions the rule engine implements; any other counts as not hit.
enum EvalFunctions {
    static func evaluate(_ function: String, arguments: [EvalArgument], bayesProbability: Double?) -> Bool {
        switch function {
        case "check_bayes": checkBayes(arguments, probability: bayesProbability)
        default: false
        }
    }

    /// `check_bayes(min, max)`: the probability is above `min` (or `min` is 0) and at most `max`
    /// (or `max` is "undef"), as SpamAssassin's Bayes plugin tests it.
    static func checkBayes(_ arguments: [EvalArgument], probability: Double?) -> Bool {
        guard let probability, arguments.count == 2, let low = arguments[0].number else { return false }
        let high = arguments[1].number
        if high == nil, arguments[1].text != "undef" { return false }
        return (low == 0 || probability > low) && (high.map { probability <= $0 } ?? true)
    }
}
