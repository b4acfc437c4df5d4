import Foundation
import Testing
@testable import Server

/// However `swfilter learn` cuts a run into transactions, the database ends the same: one
/// transaction per parse batch of three messages, or the whole run in one.
@Suite struct LearnRunnerTransactionTests {
    /// Runs `body` with a descriptor to a file in `directory`; returns what was written to it.
    static func capture(in directory: URL, _ name: String, _ body: (Int32) -> Sysexits) throws -> (Sysexits, String) {
        let path = directory.appendingPathComponent(name).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        let status = body(descriptor)
        close(descriptor)
        return (status, try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The dump's totals and token counts, without the last-seen times (they record when).
    static func counts(_ dump: String) -> [Substring] {
        dump.split(separator: "\n").compactMap { line in
            if line.hasPrefix("token ") { return line[..<line.lastIndex(of: " ")!] }
            return line.hasPrefix("totals ") ? line : nil
        }
    }

    @Test func smallAndLargeTransactionsGiveTheSameDatabase() throws {
        let root = try LearnCommandTests.stateDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let spam = try LearnCommandTests.messages("spam", count: 17, in: root)
        let ham = try LearnCommandTests.messages("ham", count: 23, in: root)
        let forget = try LearnCommandTests.messages("spam", count: 5, in: root, offset: 3)
        var dumps: [String] = []
        var summaries: [String] = []
        for (name, tokens) in [("small", 1), ("large", LearnRunner.defaultTransactionTokens)] {
            let state = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            var config = SwfilterConfig.defaults
            config.general.stateDir = state.path
            let base = LearnRunner(config: config)
            let runner = LearnRunner(store: base.store, learner: base.learner, batchSize: 3, transactionTokens: tokens)
            let (learned, summary) = try Self.capture(in: state, "learn.out") {
                runner.learn(spam: [spam.path, spam.path], ham: [ham.path], forget: [], progress: false, output: $0, errors: $0)
            }
            #expect(learned == .ok)
            let (forgot, _) = try Self.capture(in: state, "forget.out") {
                runner.learn(spam: [], ham: [], forget: [forget.path], progress: false, output: $0, errors: $0)
            }
            #expect(forgot == .ok)
            let (dumped, dump) = try Self.capture(in: state, "dump.out") { runner.dump(output: $0, errors: $0) }
            #expect(dumped == .ok)
            summaries.append(String(summary.prefix { $0 != ";" }))
            dumps.append(dump)
        }
        #expect(summaries[0] == "57 messages: 40 learned (17 spam, 23 ham), 17 already known, 0 skipped")
        #expect(summaries[1] == summaries[0])
        #expect(dumps[0].contains("totals 12 23"), "17 spam learned, 5 forgotten")
        #expect(Self.counts(dumps[0]) == Self.counts(dumps[1]))
        #expect(Self.counts(dumps[0]).count > 20)
    }
}
