import ArgumentParser
import Foundation
import Server

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Validate or print the configuration.",
        subcommands: [Check.self, Show.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the configuration; print every problem as file:line: key: message and exit 78 if any.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try emit(ConfigCommandRunner.check(path: global.config, stateDirOverride: global.stateDir))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective configuration as TOML, defaults included.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try emit(ConfigCommandRunner.show(path: global.config, stateDirOverride: global.stateDir))
        }
    }
}

private func emit(_ output: ConfigCommandOutput) throws {
    FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
    FileHandle.standardError.write(Data(output.standardError.utf8))
    if output.exitCode != .ok { throw ExitCode(output.exitCode.rawValue) }
}
