import ArgumentParser
import Server

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Scan messages and print one result per message.",
        discussion: "PATH is a message file, a directory of message files, an mbox file or a Maildir."
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var rules: RulePathOptions

    @Flag(name: .long, help: "One JSON object per line: file, score, required, action, spam, hits, details, defects, bayes, viruses, failures, trace_id.")
    var json = false

    @Argument(help: "Messages to check.")
    var paths: [String]

    func run() throws {
        var config = try global.loadConfig()
        rules.apply(to: &config)
        let status = CheckRunner(engine: EngineFactory.engine(for: config), json: json).run(paths: paths)
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
