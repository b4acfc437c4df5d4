import Rules

/// One problem of `swfilter rules lint`, as its JSON output spells it.
public struct RulesLintProblem: Codable, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based, or 0 when the problem concerns a whole file.
    public let line: Int
    /// "error", "warning" or "info".
    public let severity: String
    public let message: String

    public init(file: String, line: Int, severity: String, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    init(_ problem: RuleProblem) {
        self.init(file: problem.file, line: problem.line, severity: problem.severity.description, message: problem.message)
    }

    /// `file:line: severity: message`, the form compilers and `spamassassin --lint` users expect.
    public var description: String {
        let place = line > 0 ? "\(file):\(line): " : (file.isEmpty ? "" : "\(file): ")
        return "\(place)\(severity): \(message)"
    }
}
