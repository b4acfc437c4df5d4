import ArgumentParser
import Server

/// `--rules PATH` (repeatable): rule files or directories that replace the configured ones.
struct RulePathOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A rule file or directory (its *.cf files, sorted by name) to load instead of the configured rule paths; repeat for more.",
        valueName: "path"))
    var paths: [String] = []

    func apply(to config: inout SwfilterConfig) {
        config.rules.replacePaths(with: paths)
    }
}
