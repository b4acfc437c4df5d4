import ArgumentParser

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default /etc/swfilter/swfilter.toml; built-in defaults when it is absent).")
    var config: String?

    @Option(name: .customLong("state-dir"), help: "Where databases, spool and quarantine live (overrides the configuration).")
    var stateDir: String?
}
