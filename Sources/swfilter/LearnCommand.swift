import ArgumentParser
import Server

struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "Train the Bayes classifier: learn spam and ham, forget, show, dump or restore the database.",
        discussion: """
            PATH is a message file, a directory of message files, an mbox file or a Maildir. Learning a \
            message twice counts it once; learning it as the other class moves it; --forget takes out \
            exactly what was learned. The database is [bayes] database in the state directory \
            (--state-dir). Exit status: 0; 64 usage; 65 a dump that cannot be restored; 66 a PATH that \
            cannot be read; 74 an unreadable message (the others are still learned) or a damaged \
            database; 75 the database stayed locked by another process; 78 bad configuration.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, parsing: .upToNextOption, help: "Learn these messages as spam.")
    var spam: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Learn these messages as ham (not spam).")
    var ham: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Forget these messages (undo learning them).")
    var forget: [String] = []

    @Flag(name: .long, help: "Show what the database holds.")
    var stats = false

    @Flag(name: .long, help: "Write the database to standard output as text (format: BayesDump in the source, and the README).")
    var dump = false

    @Option(name: .long, help: "Replace the database with a dump (\"-\" reads standard input).")
    var restore: String?

    @Flag(name: .customLong("no-progress"), help: "No progress bar, even on a terminal.")
    var noProgress = false

    @Option(name: .customLong("transaction-tokens"), help: .hidden)
    var transactionTokens: Int = LearnRunner.defaultTransactionTokens

    func validate() throws {
        let learning = !spam.isEmpty || !ham.isEmpty || !forget.isEmpty
        if restore != nil, learning || dump {
            throw ValidationError("--restore replaces the whole database: use it alone (or with --stats)")
        }
        if !learning, !stats, !dump, restore == nil {
            throw ValidationError("nothing to do: give --spam, --ham or --forget with paths, or --stats, --dump or --restore")
        }
    }

    func run() throws {
        let config = try global.loadConfig()
        let runner = LearnRunner(config: config, transactionTokens: transactionTokens)
        var status = Sysexits.ok
        if let restore { status = runner.restore(from: restore) }
        if status == .ok, !spam.isEmpty || !ham.isEmpty || !forget.isEmpty {
            status = runner.learn(spam: spam, ham: ham, forget: forget, progress: !noProgress)
        }
        if dump, status == .ok || status == .ioError {
            let dumped = runner.dump()
            if status == .ok { status = dumped }
        }
        if stats {
            let shown = runner.stats()
            if status == .ok { status = shown }
        }
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
