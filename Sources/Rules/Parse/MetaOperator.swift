/// A two-operand operator of a meta expression that is not flattened into a list
/// (`&&`, `||` and `+` chains are `MetaExpression.all`, `.any` and `.sum`).
public enum MetaOperator: String, Sendable, Hashable {
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case xor = "^"
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
    case equal = "=="
    case notEqual = "!="

    /// Perl semantics on numbers: comparisons give 1 or 0, `^` works on integers,
    /// and a division by zero gives 0 (SpamAssassin's meta would die and not hit).
    func apply(_ left: Double, _ right: Double) -> Double {
        switch self {
        case .subtract: left - right
        case .multiply: left * right
        case .divide: right == 0 ? 0 : left / right
        case .xor: Double(Self.integer(left) ^ Self.integer(right))
        case .greater: left > right ? 1 : 0
        case .greaterOrEqual: left >= right ? 1 : 0
        case .less: left < right ? 1 : 0
        case .lessOrEqual: left <= right ? 1 : 0
        case .equal: left == right ? 1 : 0
        case .notEqual: left != right ? 1 : 0
        }
    }

    private static func integer(_ value: Double) -> Int64 {
        guard value.isFinite else { return 0 }
        return Int64(max(-9.0e18, min(9.0e18, value)))
    }
}
