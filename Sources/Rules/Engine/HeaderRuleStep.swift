/// What the header scan needs of one rule, packed so that a slot's rules sit next to each other
/// in `HeaderRulePlan.steps` (a few cache lines per slot rather than one per rule per fact).
struct HeaderRuleStep: Sendable {
    /// Index in `CompiledRuleSet.header` (and the plan's per-rule arrays).
    let header: Int32
    /// `RuleID.index`.
    let rule: Int32
    /// Target in its slot's prefilter, -1 when it has none or the scan does not ask it
    /// (`HeaderRulePlan.prefilterPays`).
    let target: Int32
    let isNegated: Bool
    let capturesTags: Bool
    /// Whether a `HeaderRuleGate` or `HeaderRuleWindow` applies (looked up only then).
    let hasGate: Bool
    /// Its outcome on its unset text: 1 match, 0 no match, -1 unknown (a limit was hit).
    let unsetMatch: Int8
}
