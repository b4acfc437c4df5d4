/// What `swfilter rules lint` found: the rules loaded by kind, the rules that cannot run here,
/// and every problem with its file and line. Its JSON form is a published interface (`--json`):
/// fields are only ever added.
public struct RulesLintReport: Codable, Sendable, Equatable {
    public let loaded: RuleKindCounts
    public let unsupported: [RulesLintUnsupportedRule]
    public let problems: [RulesLintProblem]
    /// The rule files read, in order.
    public let files: [String]

    public init(loaded: RuleKindCounts, unsupported: [RulesLintUnsupportedRule], problems: [RulesLintProblem], files: [String]) {
        self.loaded = loaded
        self.unsupported = unsupported
        self.problems = problems
        self.files = files
    }

    public func count(_ severity: String) -> Int { problems.filter { $0.severity == severity }.count }

    /// EX_DATAERR (65) when any error or warning was found, else 0. Like `spamassassin --lint`,
    /// which fails for any line it could not parse, an unknown directive (a warning here: most
    /// often a typo) fails the lint; notes ("info") and rules swfilter cannot run do not.
    public var exitStatus: Sysexits {
        count("error") + count("warning") > 0 ? .dataError : .ok
    }

    /// The text form: errors and warnings as `file:line: severity: message` (with `verbose`, also
    /// the notes and the unsupported rules), then one summary line.
    public func text(verbose: Bool) -> String {
        var lines: [String] = []
        for problem in problems where verbose || problem.severity != "info" {
            lines.append(problem.description)
        }
        if verbose {
            for rule in unsupported {
                lines.append("\(rule.file):\(rule.line): unsupported: \(rule.rule): \(rule.reason)")
            }
        }
        lines.append("\(loaded.total) rules loaded (\(loaded.summary)); \(unsupported.count) unsupported; "
            + "\(count("error")) errors, \(count("warning")) warnings, \(count("info")) notes; \(files.count) files")
        return lines.joined(separator: "\n")
    }
}
