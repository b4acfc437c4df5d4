/// What `LazyMetaProgram` asks for the count of a rule it reads before that rule ran. A class,
/// so that the interpreter's recursion passes one reference, not the message's state.
protocol DeferredRuleResolver: AnyObject {
    /// The count of rule `index` (`RuleID.index`); not below zero.
    func count(of index: Int) -> Int
}
