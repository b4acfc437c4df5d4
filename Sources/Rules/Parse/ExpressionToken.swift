/// A token of a meta expression or an `if` condition (SpamAssassin's arithmetic expression lexer).
enum ExpressionToken: Sendable, Hashable {
    case number(Double)
    case name(String)
    /// `rules_matching(GLOB)` in a meta rule.
    case rulesMatching(String)
    case leftParen, rightParen
    case and, or, xor, not
    case greater, greaterOrEqual, less, lessOrEqual, equal, notEqual
    case plus, minus, times, divide
    case question, colon

    var text: String {
        switch self {
        case .number(let value): "\(value)"
        case .name(let name): name
        case .rulesMatching(let glob): "rules_matching(\(glob))"
        case .leftParen: "("
        case .rightParen: ")"
        case .and: "&&"
        case .or: "||"
        case .xor: "^"
        case .not: "!"
        case .greater: ">"
        case .greaterOrEqual: ">="
        case .less: "<"
        case .lessOrEqual: "<="
        case .equal: "=="
        case .notEqual: "!="
        case .plus: "+"
        case .minus: "-"
        case .times: "*"
        case .divide: "/"
        case .question: "?"
        case .colon: ":"
        }
    }
}
