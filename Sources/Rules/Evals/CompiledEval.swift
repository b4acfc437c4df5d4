/// One supported `eval:` rule, its arguments checked and any regex compiled at load; `test`
/// answers for one message from the per-scan `EvalContext`.
struct CompiledEval: Sendable {
    let id: RuleID
    let test: @Sendable (EvalContext) -> Bool
}
