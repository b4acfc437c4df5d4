/// The expression of a `meta` rule, as a tree.
///
/// SpamAssassin evaluates a meta as Perl: a rule's value is its hit count (0 when it did not hit),
/// `!` gives 1 or 0, comparisons give 1 or 0, `&&` gives the first false operand or the last one,
/// `||` the first true operand or the last one. The meta hits when the result is not zero.
/// Chains of `&&`, `||` and `+` are flattened into lists so long sums stay shallow.
public indirect enum MetaExpression: Sendable, Hashable {
    case number(Double)
    /// A defined rule; its value comes from the `values` function.
    case rule(RuleID)
    /// A name no rule defines (or not resolved yet); it counts as 0.
    case name(String)
    /// `rules_matching(GLOB)` before the rule set resolves it into a `.sum` of the matching rules.
    case rulesMatching(String)
    /// The `local_tests_only` flag: 1 when network tests are off.
    case localTestsOnly
    case not(MetaExpression)
    case negate(MetaExpression)
    /// `a && b && …`
    case all([MetaExpression])
    /// `a || b || …`
    case any([MetaExpression])
    /// `a + b + …`
    case sum([MetaExpression])
    case binary(MetaOperator, MetaExpression, MetaExpression)
    /// `condition ? then : else`
    case conditional(MetaExpression, MetaExpression, MetaExpression)

    /// Parses a meta expression such as `__A && !(__B || __C)` or `(__X + __Y) > 1`.
    public static func parse(_ text: String, limits: MetaExpressionParser.Limits = .init()) throws(ExpressionError) -> MetaExpression {
        try MetaExpressionParser.parse(Array(text.utf8), limits: limits)
    }

    /// The value of the expression given each rule's value (its hit count; 0 when not hit).
    public func evaluate(localTestsOnly: Bool = false, values: (RuleID) -> Double) -> Double {
        switch self {
        case .number(let value): return value
        case .rule(let id): return values(id)
        case .name, .rulesMatching: return 0
        case .localTestsOnly: return localTestsOnly ? 1 : 0
        case .not(let operand): return operand.evaluate(localTestsOnly: localTestsOnly, values: values) == 0 ? 1 : 0
        case .negate(let operand): return -operand.evaluate(localTestsOnly: localTestsOnly, values: values)
        case .all(let operands):
            var value = 0.0
            for operand in operands {
                value = operand.evaluate(localTestsOnly: localTestsOnly, values: values)
                if value == 0 { return value }
            }
            return value
        case .any(let operands):
            var value = 0.0
            for operand in operands {
                value = operand.evaluate(localTestsOnly: localTestsOnly, values: values)
                if value != 0 { return value }
            }
            return value
        case .sum(let operands):
            return operands.reduce(0) { $0 + $1.evaluate(localTestsOnly: localTestsOnly, values: values) }
        case .binary(let op, let left, let right):
            return op.apply(left.evaluate(localTestsOnly: localTestsOnly, values: values),
                            right.evaluate(localTestsOnly: localTestsOnly, values: values))
        case .conditional(let condition, let then, let otherwise):
            return condition.evaluate(localTestsOnly: localTestsOnly, values: values) != 0
                ? then.evaluate(localTestsOnly: localTestsOnly, values: values)
                : otherwise.evaluate(localTestsOnly: localTestsOnly, values: values)
        }
    }

    /// Whether the meta hits: its value is not zero.
    public func isTrue(localTestsOnly: Bool = false, values: (RuleID) -> Double) -> Bool {
        evaluate(localTestsOnly: localTestsOnly, values: values) != 0
    }

    /// The rules the expression reads, each once, in order of first use.
    public var dependencies: [RuleID] {
        var seen = Set<RuleID>()
        var result: [RuleID] = []
        visit { node in
            if case .rule(let id) = node, seen.insert(id).inserted { result.append(id) }
        }
        return result
    }

    /// The names the expression reads that are not (yet) resolved to rules.
    public var unresolvedNames: [String] {
        var seen = Set<String>()
        var result: [String] = []
        visit { node in
            if case .name(let name) = node, seen.insert(name).inserted { result.append(name) }
        }
        return result
    }

    /// Replaces names with rules, and `rules_matching` globs with sums of the matching rules.
    /// `lookup` gives a rule's id; `matching` gives the ids whose names match a glob.
    public func resolved(lookup: (String) -> RuleID?, matching: (String) -> [RuleID]) -> MetaExpression {
        func resolve(_ node: MetaExpression) -> MetaExpression {
            switch node {
            case .number, .rule, .localTestsOnly: return node
            case .name(let name): return lookup(name).map(MetaExpression.rule) ?? node
            case .rulesMatching(let glob):
                let ids = matching(glob)
                return ids.isEmpty ? .number(0) : .sum(ids.map(MetaExpression.rule))
            case .not(let operand): return .not(resolve(operand))
            case .negate(let operand): return .negate(resolve(operand))
            case .all(let operands): return .all(operands.map(resolve))
            case .any(let operands): return .any(operands.map(resolve))
            case .sum(let operands): return .sum(operands.map(resolve))
            case .binary(let op, let left, let right): return .binary(op, resolve(left), resolve(right))
            case .conditional(let a, let b, let c): return .conditional(resolve(a), resolve(b), resolve(c))
            }
        }
        return resolve(self)
    }

    /// True when some division can meet a zero divisor while every rule is 0: SpamAssassin
    /// rejects such metas ("division by zero possible").
    var dividesByZeroWhenNothingHits: Bool {
        var found = false
        visit { node in
            if case .binary(.divide, _, let divisor) = node, divisor.evaluate(values: { _ in 0 }) == 0 { found = true }
        }
        return found
    }

    /// Calls `body` on every node, parents before children.
    func visit(_ body: (MetaExpression) -> Void) {
        body(self)
        switch self {
        case .number, .rule, .name, .rulesMatching, .localTestsOnly: break
        case .not(let operand), .negate(let operand): operand.visit(body)
        case .all(let operands), .any(let operands), .sum(let operands): operands.forEach { $0.visit(body) }
        case .binary(_, let left, let right):
            left.visit(body)
            right.visit(body)
        case .conditional(let a, let b, let c):
            a.visit(body)
            b.visit(body)
            c.visit(body)
        }
    }
}
