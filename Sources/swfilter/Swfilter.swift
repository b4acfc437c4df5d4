import ArgumentParser
import Server

@main
struct Swfilter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swfilter",
        abstract: "A mail content filter and gateway: virus scanning, spam rules, Bayes, greylisting.",
        version: SwfilterVersion.current,
        subcommands: [FilterCommand.self, CheckCommand.self, LearnCommand.self, ConfigCommand.self, RulesCommand.self,
                      ReloadCommand.self]
    )
}
