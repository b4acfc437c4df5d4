import ArgumentParser
import Server

struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Make running swfilter daemons reload their virus signatures (sends them SIGHUP).",
        discussion: """
            The daemons are found by their pid files in the run folder of the state directory \
            (<state-dir>/run/*.pid, --state-dir or [general] state_dir); a pid file no process \
            holds any more is reported and skipped. Each daemon builds the new engine in the \
            background and keeps scanning with the old one until it is ready; a failed load keeps \
            the old engine and is logged. Exit status: 0 reloading; 69 no swfilter daemon is \
            running; 74 a pid file could not be read; 77 not allowed to signal a daemon; 78 bad \
            configuration.
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let config = try global.loadConfig()
        let outcome = ReloadRequest.send(stateDir: config.general.stateDir)
        for line in outcome.report { print(line) }
        for line in outcome.warnings { FileStreamOutput.standardError("swfilter reload: \(line)") }
        if outcome.exitStatus != .ok { throw ExitCode(outcome.exitStatus.rawValue) }
    }
}
