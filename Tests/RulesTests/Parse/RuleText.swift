@testable import Rules

/// Loads rules from text for tests.
func loadRules(_ text: String, options: RuleLoaderOptions = .init(), fileName: String = "test.cf") -> RuleSet {
    RuleLoader(options: options).load(text: text, fileName: fileName)
}

extension RuleSet {
    /// The messages of problems of a severity, with their line numbers: "3: message".
    func messages(_ severity: RuleProblem.Severity) -> [String] {
        problems.filter { $0.severity == severity }.map { "\($0.line): \($0.message)" }
    }
}
