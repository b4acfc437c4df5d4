import ArgumentParser

struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "filter", abstract: "Pipe filter: one message on stdin, the tagged message on stdout.")
    @OptionGroup var global: GlobalOptions
}
