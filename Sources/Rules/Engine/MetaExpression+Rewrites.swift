extension MetaExpression {
    /// The expression with each rule read replaced by `transform(id)`.
    func mappingReads(_ transform: (RuleID) -> MetaExpression) -> MetaExpression {
        switch self {
        case .number, .name, .rulesMatching, .localTestsOnly: self
        case .rule(let id): transform(id)
        case .not(let operand): .not(operand.mappingReads(transform))
        case .negate(let operand): .negate(operand.mappingReads(transform))
        case .all(let operands): .all(operands.map { $0.mappingReads(transform) })
        case .any(let operands): .any(operands.map { $0.mappingReads(transform) })
        case .sum(let operands): .sum(operands.map { $0.mappingReads(transform) })
        case .binary(let op, let left, let right): .binary(op, left.mappingReads(transform), right.mappingReads(transform))
        case .conditional(let a, let b, let c): .conditional(a.mappingReads(transform), b.mappingReads(transform), c.mappingReads(transform))
        }
    }

    /// What reading every rule of the expression would cost: the sum of `cost` over its reads.
    func readCost(_ cost: (RuleID) -> Int) -> Int {
        switch self {
        case .number, .name, .rulesMatching, .localTestsOnly: 0
        case .rule(let id): cost(id)
        case .not(let operand), .negate(let operand): operand.readCost(cost)
        case .all(let operands), .any(let operands), .sum(let operands): operands.reduce(0) { $0 + $1.readCost(cost) }
        case .binary(_, let left, let right): left.readCost(cost) + right.readCost(cost)
        case .conditional(let a, let b, let c): a.readCost(cost) + b.readCost(cost) + c.readCost(cost)
        }
    }

    /// The expression with the operands of each `&&` / `||` chain whose value only counts as
    /// true or false reordered: those that cost nothing to read (`readCost` 0) first, the rest in
    /// written order (rule writers put the rare gate first, as in `__MONERO && __PAY_ME`: a
    /// cheaper but common operand first would run more), so that a short-circuit skips the
    /// costly ones. Such a chain's truth does not depend on the order
    /// (operands have no side effects); a chain whose value is used as a number keeps its order.
    /// The whole expression counts as true or false: a meta hits when its value is not zero.
    func freeOperandsFirst(cost: (RuleID) -> Int) -> MetaExpression {
        reordered(asTruth: true, cost: cost)
    }

    private func reordered(asTruth: Bool, cost: (RuleID) -> Int) -> MetaExpression {
        func sorted(_ operands: [MetaExpression]) -> [MetaExpression] {
            let rewritten = operands.map { $0.reordered(asTruth: true, cost: cost) }
            return rewritten.enumerated().map { (costs: $1.readCost(cost) > 0 ? 1 : 0, index: $0, operand: $1) }
                .sorted { ($0.costs, $0.index) < ($1.costs, $1.index) }.map(\.operand)
        }
        switch self {
        case .number, .rule, .name, .rulesMatching, .localTestsOnly:
            return self
        case .not(let operand):
            return .not(operand.reordered(asTruth: true, cost: cost))
        case .negate(let operand):
            return .negate(operand.reordered(asTruth: false, cost: cost))
        case .all(let operands):
            if asTruth { return .all(sorted(operands)) }
            // Perl's `&&` gives a false operand's value (0) or the last operand's.
            return .all(operands.enumerated().map { $1.reordered(asTruth: $0 < operands.count - 1, cost: cost) })
        case .any(let operands):
            if asTruth { return .any(sorted(operands)) }
            return .any(operands.map { $0.reordered(asTruth: false, cost: cost) })
        case .sum(let operands):
            return .sum(operands.map { $0.reordered(asTruth: false, cost: cost) })
        case .binary(let op, let left, let right):
            return .binary(op, left.reordered(asTruth: false, cost: cost), right.reordered(asTruth: false, cost: cost))
        case .conditional(let condition, let then, let otherwise):
            return .conditional(condition.reordered(asTruth: true, cost: cost), then.reordered(asTruth: asTruth, cost: cost),
                                otherwise.reordered(asTruth: asTruth, cost: cost))
        }
    }
}
