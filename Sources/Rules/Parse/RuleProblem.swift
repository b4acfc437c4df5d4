/// Something the rule loader noticed: a syntax error, an unknown directive, a meta loop. Loading
/// never stops at a problem; the offending line or rule is skipped and the problem is recorded.
public struct RuleProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: Int, Sendable, Comparable, CustomStringConvertible {
        /// Worth knowing, nothing is wrong (a meta uses a rule that no file defines).
        case info
        /// Skipped on purpose or suspicious (an unknown directive, a rule disabled by a loop).
        case warning
        /// The line or rule is broken and was dropped.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

        public var description: String {
            switch self {
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    public let severity: Severity
    /// The file, or the path that could not be read; "" when no file is involved.
    public let file: String
    /// 1-based line, or 0 when the problem concerns a whole file or the finished rule set.
    public let line: Int
    public let message: String
    /// The rule the problem is about, when there is one.
    public let rule: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, rule: String? = nil) {
        self.init(severity, file: location.file, line: location.line, message, rule: rule)
    }

    public init(_ severity: Severity, file: String, line: Int, _ message: String, rule: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.message = message
        self.rule = rule
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line) }

    public var description: String {
        let place = line > 0 ? "\(file):\(line): " : (file.isEmpty ? "" : "\(file): ")
        return "\(place)\(severity): \(message)"
    }
}
