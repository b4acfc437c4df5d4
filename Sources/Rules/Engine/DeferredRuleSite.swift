/// Where a sub-rule deferred by `SubRuleDeferral` runs when a meta reads it: the list of
/// `CompiledRuleSet` it is in (`body`, `rawBody`, `full`, `uri`, `compiledEvals`).
enum DeferredRuleSite: UInt8, Sendable {
    /// Not deferred: runs in its phase.
    case none
    case body, rawBody, full, uri, eval
}
