/// A rule that loaded but that swfilter cannot run, so it never hits (metas read it as false,
/// as SpamAssassin does with a rule it cannot run).
public struct RulesLintUnsupportedRule: Codable, Sendable, Equatable {
    public let rule: String
    public let reason: String
    public let file: String
    public let line: Int

    public init(rule: String, reason: String, file: String, line: Int) {
        self.rule = rule
        self.reason = reason
        self.file = file
        self.line = line
    }
}
