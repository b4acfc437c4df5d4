/// Recursive-descent parser for meta expressions with Perl's precedence, lowest first:
/// `?:`, `||`, `&&`, `^`, `== !=`, `< <= > >=`, `+ -`, `* /`, unary `! - +`.
/// Comparisons do not chain. Nesting is limited so hostile input cannot exhaust the stack.
public struct MetaExpressionParser {
    /// Named limits on one expression.
    public struct Limits: Sendable, Hashable {
        /// Deepest tree allowed (parentheses, unary operators and unflattened binary chains).
        public var maxDepth: Int
        /// Most operands in one flattened `&&`, `||` or `+` list.
        public var maxListLength: Int

        public init(maxDepth: Int = 128, maxListLength: Int = 10_000) {
            self.maxDepth = maxDepth
            self.maxListLength = maxListLength
        }
    }

    private struct Node {
        var expression: MetaExpression
        var depth: Int
    }

    private let tokens: [ExpressionToken]
    private let limits: Limits
    private var position = 0

    private init(tokens: [ExpressionToken], limits: Limits) {
        self.tokens = tokens
        self.limits = limits
    }

    static func parse(_ text: [UInt8], limits: Limits) throws(ExpressionError) -> MetaExpression {
        let tokens = try ExpressionLexer.tokens(of: text, mode: .meta)
        if tokens.isEmpty { throw ExpressionError("empty expression") }
        // `meta NAME ()` declares a rule that something else sets; it is 0 here.
        if tokens == [.leftParen, .rightParen] { return .number(0) }
        var parser = MetaExpressionParser(tokens: tokens, limits: limits)
        let node = try parser.conditional(level: 0)
        if parser.position < tokens.count {
            throw ExpressionError("unexpected '\(tokens[parser.position].text)' after a complete expression")
        }
        return node.expression
    }

    private var current: ExpressionToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func take(_ token: ExpressionToken) -> Bool {
        guard current == token else { return false }
        position += 1
        return true
    }

    private func checked(_ node: Node) throws(ExpressionError) -> Node {
        if node.depth > limits.maxDepth { throw ExpressionError("expression nested deeper than \(limits.maxDepth)") }
        return node
    }

    private mutating func conditional(level: Int) throws(ExpressionError) -> Node {
        if level > limits.maxDepth { throw ExpressionError("expression nested deeper than \(limits.maxDepth)") }
        let condition = try list(level: level, separator: .or, combine: MetaExpression.any) { (parser: inout Self) throws(ExpressionError) in
            try parser.list(level: level, separator: .and, combine: MetaExpression.all) { (parser: inout Self) throws(ExpressionError) in
                try parser.xor(level: level)
            }
        }
        guard take(.question) else { return condition }
        let then = try conditional(level: level + 1)
        guard take(.colon) else { throw ExpressionError("'?' without ':'") }
        let otherwise = try conditional(level: level + 1)
        return try checked(Node(expression: .conditional(condition.expression, then.expression, otherwise.expression),
                                depth: max(condition.depth, then.depth, otherwise.depth) + 1))
    }

    private mutating func list(level: Int, separator: ExpressionToken, combine: ([MetaExpression]) -> MetaExpression,
                               operand: (inout Self) throws(ExpressionError) -> Node) throws(ExpressionError) -> Node {
        let first = try operand(&self)
        guard current == separator else { return first }
        var operands = [first.expression]
        var depth = first.depth
        while take(separator) {
            let next = try operand(&self)
            operands.append(next.expression)
            depth = max(depth, next.depth)
            if operands.count > limits.maxListLength {
                throw ExpressionError("more than \(limits.maxListLength) operands of '\(separator.text)'")
            }
        }
        return try checked(Node(expression: combine(operands), depth: depth + 1))
    }

    private mutating func xor(level: Int) throws(ExpressionError) -> Node {
        var left = try equality(level: level)
        while take(.xor) {
            let right = try equality(level: level)
            left = try checked(Node(expression: .binary(.xor, left.expression, right.expression), depth: max(left.depth, right.depth) + 1))
        }
        return left
    }

    private mutating func equality(level: Int) throws(ExpressionError) -> Node {
        try comparison(level: level, operators: [.equal: .equal, .notEqual: .notEqual]) { (parser: inout Self) throws(ExpressionError) in
            try parser.comparison(level: level, operators: [.less: .less, .lessOrEqual: .lessOrEqual, .greater: .greater, .greaterOrEqual: .greaterOrEqual]) { (parser: inout Self) throws(ExpressionError) in
                try parser.additive(level: level)
            }
        }
    }

    private mutating func comparison(level: Int, operators: [ExpressionToken: MetaOperator],
                                     operand: (inout Self) throws(ExpressionError) -> Node) throws(ExpressionError) -> Node {
        let left = try operand(&self)
        guard let token = current, let op = operators[token] else { return left }
        position += 1
        let right = try operand(&self)
        if let next = current, operators[next] != nil {
            throw ExpressionError("chained comparison '\(token.text) … \(next.text)' is not supported; use && between two comparisons")
        }
        return try checked(Node(expression: .binary(op, left.expression, right.expression), depth: max(left.depth, right.depth) + 1))
    }

    private mutating func additive(level: Int) throws(ExpressionError) -> Node {
        var left = try multiplicative(level: level)
        var terms: [MetaExpression] = []
        var termDepth = 0
        while let token = current, token == .plus || token == .minus {
            position += 1
            let right = try multiplicative(level: level)
            if token == .plus {
                if terms.isEmpty {
                    terms = [left.expression]
                    termDepth = left.depth
                }
                terms.append(right.expression)
                termDepth = max(termDepth, right.depth)
                if terms.count > limits.maxListLength { throw ExpressionError("more than \(limits.maxListLength) operands of '+'") }
            } else {
                if !terms.isEmpty {
                    left = try checked(Node(expression: .sum(terms), depth: termDepth + 1))
                    terms = []
                }
                left = try checked(Node(expression: .binary(.subtract, left.expression, right.expression), depth: max(left.depth, right.depth) + 1))
            }
        }
        if !terms.isEmpty { left = try checked(Node(expression: .sum(terms), depth: termDepth + 1)) }
        return left
    }

    private mutating func multiplicative(level: Int) throws(ExpressionError) -> Node {
        var left = try unary(level: level)
        while let token = current, token == .times || token == .divide {
            position += 1
            let right = try unary(level: level)
            left = try checked(Node(expression: .binary(token == .times ? .multiply : .divide, left.expression, right.expression),
                                    depth: max(left.depth, right.depth) + 1))
        }
        return left
    }

    private mutating func unary(level: Int) throws(ExpressionError) -> Node {
        if level > limits.maxDepth { throw ExpressionError("expression nested deeper than \(limits.maxDepth)") }
        switch current {
        case .not?:
            position += 1
            let operand = try unary(level: level + 1)
            return try checked(Node(expression: .not(operand.expression), depth: operand.depth + 1))
        case .minus?:
            position += 1
            let operand = try unary(level: level + 1)
            if case .number(let value) = operand.expression { return Node(expression: .number(-value), depth: operand.depth) }
            return try checked(Node(expression: .negate(operand.expression), depth: operand.depth + 1))
        case .plus?:
            position += 1
            return try unary(level: level + 1)
        default:
            return try primary(level: level)
        }
    }

    private mutating func primary(level: Int) throws(ExpressionError) -> Node {
        guard let token = current else { throw ExpressionError("expression ends too early") }
        position += 1
        switch token {
        case .number(let value):
            return Node(expression: .number(value), depth: 1)
        case .name(let name):
            if name == "local_tests_only" { return Node(expression: .localTestsOnly, depth: 1) }
            guard RuleName.isValid(name) else { throw ExpressionError("'\(name)' is not a rule name") }
            if current == .leftParen { throw ExpressionError("'\(name)(' : functions are not allowed in a meta expression") }
            return Node(expression: .name(name), depth: 1)
        case .rulesMatching(let glob):
            return Node(expression: .rulesMatching(glob), depth: 1)
        case .leftParen:
            let inner = try conditional(level: level + 1)
            guard take(.rightParen) else { throw ExpressionError("missing ')'") }
            return try checked(Node(expression: inner.expression, depth: inner.depth + 1))
        default:
            throw ExpressionError("unexpected '\(token.text)'")
        }
    }
}
