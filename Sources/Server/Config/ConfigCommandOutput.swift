/// What a `swfilter config` subcommand prints and how it exits; the executable only writes it.
public struct ConfigCommandOutput: Sendable, Equatable {
    public var standardOutput: String
    public var standardError: String
    public var exitCode: Sysexits

    public init(standardOutput: String = "", standardError: String = "", exitCode: Sysexits = .ok) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.exitCode = exitCode
    }

    /// Every problem on its own line on stderr, exit EX_CONFIG (78).
    static func failure(_ error: ConfigError) -> ConfigCommandOutput {
        ConfigCommandOutput(standardError: error.description + "\n", exitCode: .config)
    }
}
