import Foundation
import Rules

/// `swfilter rules lint`: loads and compiles rule files exactly as the scanner does and reports
/// everything that went wrong, by file and line.
public enum RulesLint {
    /// The rule paths a configuration loads (`--rules` already applied to it).
    public static func paths(for config: SwfilterConfig) -> [String] {
        RulesComposition.paths(for: config)
    }

    public static func lint(paths: [String], options: RuleLoaderOptions = .init()) -> RulesLintReport {
        report(for: CompiledRuleSet(RuleLoader(options: options).load(paths: paths)))
    }

    static func report(for compiled: CompiledRuleSet) -> RulesLintReport {
        let ruleSet = compiled.ruleSet
        let broken = Set(compiled.problems.compactMap(\.rule))
        var loaded = RuleKindCounts()
        for rule in ruleSet.rules where rule.disabledReason == nil && !broken.contains(rule.name) {
            loaded.count(rule)
        }
        let fileOrder = Dictionary(ruleSet.files.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let problems = (ruleSet.problems + compiled.problems).enumerated()
            .sorted { left, right in
                let leftKey = (fileOrder[left.element.file] ?? Int.max, left.element.line, left.offset)
                let rightKey = (fileOrder[right.element.file] ?? Int.max, right.element.line, right.offset)
                return leftKey < rightKey
            }
            .map { RulesLintProblem($0.element) }
        return RulesLintReport(loaded: loaded, unsupported: unsupportedRules(in: compiled), problems: problems, files: ruleSet.files)
    }

    /// The `eval:` rules the engine cannot answer, with the reason its eval registry gives.
    static func unsupportedEvalReasons(in compiled: CompiledRuleSet) -> [String: String] {
        Dictionary(compiled.unsupportedRules.map { ($0.rule, $0.reason) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rules that loaded but never run here, in definition order: `eval:` rules the engine cannot
    /// answer, and rules of plugin directives (askdns).
    static func unsupportedRules(in compiled: CompiledRuleSet) -> [RulesLintUnsupportedRule] {
        let evalReasons = unsupportedEvalReasons(in: compiled)
        return compiled.ruleSet.rules.compactMap { rule in
            let reason: String
            switch rule.test {
            case .eval:
                guard let why = evalReasons[rule.name] else { return nil }
                reason = why
            case .plugin(let directive, _):
                reason = "\(directive) rules not implemented"
            default:
                return nil
            }
            return RulesLintUnsupportedRule(rule: rule.name, reason: reason, file: rule.location.file, line: rule.location.line)
        }
    }

    /// Lints `paths` and writes the report to `output` as text or as one JSON object.
    public static func run(paths: [String], json: Bool, verbose: Bool, output: Int32 = 1) -> Sysexits {
        let report = lint(paths: paths)
        let out = FileStream(output)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(report) else { return .software }
            do { try out.write([UInt8](data) + [0x0A]) } catch { return .ioError }
        } else {
            out.writeLine(report.text(verbose: verbose))
        }
        return report.exitStatus
    }
}
