/// What the registry makes of an eval call: a test to run on each message, or the reason it
/// cannot run.
enum EvalImplementation {
    case test(@Sendable (EvalContext) -> Bool)
    case unsupported(String)

    /// For an eval whose arguments make no sense: SpamAssassin warns and the rule never hits.
    static func invalid(_ function: String, _ why: String) -> EvalImplementation {
        .unsupported("\(function): \(why)")
    }
}
