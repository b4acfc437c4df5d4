import ArgumentParser

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with the SpamAssassin rule files.",
        subcommands: [RulesLintCommand.self]
    )
}
