/// An eval call as the registry sees it: the function, its arguments as SpamAssassin hands them
/// over (strings), the kind of rule that calls it, and the loaded configuration.
struct EvalCallSite {
    let function: String
    let arguments: [EvalArgument]
    let kind: RuleKind
    let configuration: EvalConfiguration

    /// The argument at `index` as text, nil when absent.
    func text(_ index: Int) -> String? {
        index < arguments.count ? arguments[index].text : nil
    }

    /// The argument at `index` as Perl would numify it, nil when absent.
    func number(_ index: Int) -> Double? {
        text(index).map(PerlNumber.value)
    }

    /// The argument at `index`, nil when absent or "undef".
    func bound(_ index: Int) -> Double? {
        guard let text = text(index), text != "undef" else { return nil }
        return PerlNumber.value(text)
    }
}
