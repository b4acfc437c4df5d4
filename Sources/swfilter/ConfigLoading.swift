import ArgumentParser
import Server

extension GlobalOptions {
    /// The configuration every command runs on; a broken one ends the command with every problem
    /// listed and EX_CONFIG, before anything starts.
    func loadConfig() throws -> SwfilterConfig {
        do {
            return try ConfigLoader.load(path: config, stateDirOverride: stateDir)
        } catch {
            FileStreamOutput.standardError("\(error)")
            throw ExitCode(Sysexits.config.rawValue)
        }
    }
}
