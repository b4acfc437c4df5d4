import Foundation

/// Evaluates the condition of an `if` line (`ifplugin X` is `if plugin(X)`), such as
/// `(version >= 3.004000)`, `can(Mail::SpamAssassin::Conf::feature_bug6558_free)` or
/// `!plugin(Mail::SpamAssassin::Plugin::DKIM)`, with Perl's operators and precedence.
struct ConditionEvaluator {
    private enum Value {
        case number(Double)
        case text(String)

        var number: Double {
            switch self {
            case .number(let value): value
            case .text(let text): Double(text) ?? 0
            }
        }

        var isTrue: Bool {
            switch self {
            case .number(let value): value != 0
            case .text(let text): !text.isEmpty && text != "0"
            }
        }
    }

    static let maxDepth = 64

    private let tokens: [ExpressionToken]
    private let context: ConditionContext
    private var position = 0

    static func evaluate(_ text: String, in context: ConditionContext) throws(ExpressionError) -> Bool {
        let tokens = try ExpressionLexer.tokens(of: Array(text.utf8), mode: .condition)
        guard !tokens.isEmpty else { throw ExpressionError("empty condition") }
        var evaluator = ConditionEvaluator(tokens: tokens, context: context)
        let value = try evaluator.conditional(depth: 0)
        if evaluator.position < tokens.count {
            throw ExpressionError("unexpected '\(tokens[evaluator.position].text)' in condition")
        }
        return value.isTrue
    }

    private init(tokens: [ExpressionToken], context: ConditionContext) {
        self.tokens = tokens
        self.context = context
    }

    private var current: ExpressionToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func take(_ token: ExpressionToken) -> Bool {
        guard current == token else { return false }
        position += 1
        return true
    }

    private mutating func conditional(depth: Int) throws(ExpressionError) -> Value {
        guard depth <= Self.maxDepth else { throw ExpressionError("condition nested deeper than \(Self.maxDepth)") }
        let condition = try or(depth: depth)
        guard take(.question) else { return condition }
        let then = try conditional(depth: depth + 1)
        guard take(.colon) else { throw ExpressionError("'?' without ':'") }
        let otherwise = try conditional(depth: depth + 1)
        return condition.isTrue ? then : otherwise
    }

    private mutating func or(depth: Int) throws(ExpressionError) -> Value {
        var value = try and(depth: depth)
        while take(.or) {
            let right = try and(depth: depth)
            if !value.isTrue { value = right }
        }
        return value
    }

    private mutating func and(depth: Int) throws(ExpressionError) -> Value {
        var value = try comparison(depth: depth)
        while take(.and) {
            let right = try comparison(depth: depth)
            if value.isTrue { value = right }
        }
        return value
    }

    private mutating func comparison(depth: Int) throws(ExpressionError) -> Value {
        let left = try additive(depth: depth)
        let operators: [ExpressionToken: MetaOperator] = [
            .equal: .equal, .notEqual: .notEqual, .less: .less, .lessOrEqual: .lessOrEqual,
            .greater: .greater, .greaterOrEqual: .greaterOrEqual, .xor: .xor,
        ]
        guard let token = current, let op = operators[token] else { return left }
        position += 1
        let right = try additive(depth: depth)
        return .number(op.apply(left.number, right.number))
    }

    private mutating func additive(depth: Int) throws(ExpressionError) -> Value {
        var value = try unary(depth: depth)
        while let token = current, [.plus, .minus, .times, .divide].contains(token) {
            position += 1
            let right = try unary(depth: depth).number
            let left = value.number
            switch token {
            case .plus: value = .number(left + right)
            case .minus: value = .number(left - right)
            case .times: value = .number(left * right)
            default: value = .number(right == 0 ? 0 : left / right)
            }
        }
        return value
    }

    private mutating func unary(depth: Int) throws(ExpressionError) -> Value {
        guard depth <= Self.maxDepth else { throw ExpressionError("condition nested deeper than \(Self.maxDepth)") }
        if take(.not) { return .number(try unary(depth: depth + 1).isTrue ? 0 : 1) }
        if take(.minus) { return .number(-(try unary(depth: depth + 1).number)) }
        if take(.plus) { return try unary(depth: depth + 1) }
        return try primary(depth: depth)
    }

    private mutating func primary(depth: Int) throws(ExpressionError) -> Value {
        guard let token = current else { throw ExpressionError("condition ends too early") }
        position += 1
        switch token {
        case .number(let value):
            return .number(value)
        case .leftParen:
            let value = try conditional(depth: depth + 1)
            guard take(.rightParen) else { throw ExpressionError("missing ')' in condition") }
            return value
        case .name(let name):
            switch name {
            case "version": return .number(context.version)
            case "perl_version": return .number(context.perlVersion)
            case "local_tests_only": return .number(context.localTestsOnly ? 1 : 0)
            case "plugin", "can", "has":
                let argument = try functionArgument(of: name)
                let answer = name == "plugin" ? context.pluginLoaded(argument) : context.can(argument)
                return .number(answer ? 1 : 0)
            default:
                guard PluginName.isValid(name) else { throw ExpressionError("not allowed in a condition: '\(name)'") }
                return .text(name)
            }
        default:
            throw ExpressionError("unexpected '\(token.text)' in condition")
        }
    }

    private mutating func functionArgument(of function: String) throws(ExpressionError) -> String {
        guard take(.leftParen), case .name(let argument)? = current else {
            throw ExpressionError("\(function)() needs a module or function name")
        }
        position += 1
        guard take(.rightParen) else { throw ExpressionError("missing ')' after \(function)(\(argument)") }
        guard PluginName.isValid(argument) else { throw ExpressionError("not allowed in a condition: '\(argument)'") }
        if function != "plugin", !argument.contains("::") {
            throw ExpressionError("\(function)(\(argument)): cannot find '::'")
        }
        return argument
    }
}
