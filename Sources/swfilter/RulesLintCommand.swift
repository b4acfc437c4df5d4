import ArgumentParser
import Server

struct RulesLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Load the rule files and report every problem as file:line: severity: message.",
        discussion: """
            Loads the configured rule paths (or those given with --rules) as the scanner does: syntax \
            errors, unbalanced delimiters, regexes that do not compile, meta loops, unknown directives. \
            Rules swfilter cannot run (eval functions it does not implement) are listed with --verbose \
            and in the JSON. Exit status: 0 no errors or warnings; 65 any error or warning (like \
            spamassassin --lint, an unknown directive fails); 78 bad configuration.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var rules: RulePathOptions

    @Flag(name: .long, help: "Print one JSON object: loaded (rules by kind), unsupported ({rule, reason}), problems (file, line, severity, message), files.")
    var json = false

    @Flag(name: .long, help: "Also print notes and the rules swfilter cannot run.")
    var verbose = false

    func run() throws {
        let paths: [String]
        if rules.paths.isEmpty {
            paths = RulesLint.paths(for: try global.loadConfig())
        } else {
            paths = rules.paths
        }
        let status = RulesLint.run(paths: paths, json: json, verbose: verbose)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
