import ArgumentParser
import Server

struct FilterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "filter",
        abstract: "Pipe filter: one message on stdin, the same message on stdout with X-Spam-* headers.",
        discussion: """
            For procmail, maildrop or Postfix's pipe(8). The message comes out byte for byte as it went \
            in, apart from the X-Spam-* fields (replaced, never duplicated) and the subject tag when \
            configured. Exit status: 0, or with --exit-code 1 for spam; 65 empty input; 74 I/O error; \
            75 scanning failed and [filter] on_error = "tempfail"; 78 bad configuration.
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var rules: RulePathOptions

    @Flag(name: [.customShort("e"), .customLong("exit-code")], help: "Exit 1 when the message is spam, 0 when not (like spamassassin -e).")
    var exitCode = false

    func run() throws {
        var config = try global.loadConfig()
        rules.apply(to: &config)
        let status = EngineFactory.pipeFilter(for: config, exitCodeOnSpam: exitCode ? true : nil).run()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}
