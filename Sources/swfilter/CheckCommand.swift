import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Scan messages and print one result per message.")
    @OptionGroup var global: GlobalOptions
}
