import Foundation
import Testing

/// `swfilter learn` killed with SIGKILL midway, as an OOM killer or a power cut would stop it:
/// the database must open, classify, and hold exactly the batches that were committed, with a
/// learned-id journal that matches its counts. Runs the swfilter binary built beside the tests
/// and is skipped when it is not there.
@Suite(.serialized) struct LearnKillTests {
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("swfilter")
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }

    /// Enough messages for many of the learner's 256-message parse batches.
    static let messagesPerClass = 3_000
    static let pollLimit = 600
    static let pollInterval = 0.05

    struct Run {
        let status: Int32
        let output: String
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    /// Small distinct messages, one per file.
    static func writeMessages(_ kind: String, count: Int, in root: URL, tag: String = "") throws -> URL {
        let directory = root.appendingPathComponent(kind + tag)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let words = kind == "spam"
            ? ["cash", "prize", "winner", "offer", "cheap", "pills", "casino", "bonus", "credit", "loan"]
            : ["build", "patch", "review", "release", "branch", "merge", "test", "commit", "design", "meeting"]
        for number in 0..<count {
            let body = (0..<12).map { words[(number * 7 + $0 * 3) % words.count] + String(number % 97 + $0) }.joined(separator: " ")
            let text = """
                From: \(kind)\(number % 13)@\(kind).example
                To: me@example.org
                Subject: \(words[number % words.count]) \(number)
                Message-ID: <\(kind)\(tag)-\(number)@\(kind).example>

                \(body)

                """
            try Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "%05d.eml", number)))
        }
        return directory
    }

    /// "spam learned N", "ham learned N" and "journal N messages" of `learn --stats`.
    static func statistics(_ common: [String]) throws -> (spam: Int, ham: Int, journal: Int)? {
        let stats = try run(["learn"] + common + ["--stats"])
        guard stats.status == 0 else { return nil }
        func number(after label: String) -> Int? {
            guard let line = stats.output.split(separator: "\n").first(where: { $0.hasPrefix(label) }) else { return nil }
            return line.dropFirst(label.count).split(separator: " ").first.flatMap { Int($0) }
        }
        guard let spam = number(after: "spam learned"), let ham = number(after: "ham learned"),
              let journal = number(after: "journal") else { return nil }
        return (spam, ham, journal)
    }

    /// Token and totals lines of a dump, without the last-seen times (they record when).
    static func counts(_ dump: String) -> [Substring] {
        dump.split(separator: "\n").compactMap { line in
            if line.hasPrefix("token ") { return line[..<line.lastIndex(of: " ")!] }
            return line.hasPrefix("totals ") ? line : nil
        }
    }

    @Test(.enabled(if: binaryExists, "needs the swfilter binary (swift build)"))
    func sigkillDuringLearnLeavesAConsistentDatabase() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("swfilter.toml")
        try Data("[bayes]\nmin_spam = 5\nmin_ham = 5\n".utf8).write(to: config)
        let spam = try Self.writeMessages("spam", count: Self.messagesPerClass, in: root)
        let ham = try Self.writeMessages("ham", count: Self.messagesPerClass, in: root)
        let state = root.appendingPathComponent("killed")
        let clean = root.appendingPathComponent("clean")
        for directory in [state, clean] { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
        let common = ["--config", config.path, "--state-dir", state.path]
        // One transaction per parse batch (the hidden option's least): several commits to kill between.
        let learnAll = ["--no-progress", "--transaction-tokens", "1", "--spam", spam.path, "--ham", ham.path]
        // Some ham first, so that the spam of the first batch is enough for the classifier to vote.
        let seed = try Self.writeMessages("ham", count: 10, in: root, tag: "-seed")
        for directory in [state, clean] {
            let seeded = try Self.run(["learn", "--config", config.path, "--state-dir", directory.path, "--no-progress", "--ham", seed.path])
            #expect(seeded.status == 0)
        }

        let learner = Process()
        learner.executableURL = Self.binary
        learner.arguments = ["learn"] + common + learnAll
        learner.standardOutput = FileHandle.nullDevice
        learner.standardError = FileHandle.nullDevice
        try learner.run()
        // Kill as soon as the first batch is committed, while later ones are being written.
        var polls = 0
        while polls < Self.pollLimit, learner.isRunning {
            if let seen = try Self.statistics(common), seen.journal > 10 { break }
            Thread.sleep(forTimeInterval: Self.pollInterval)
            polls += 1
        }
        let killedMidway = learner.isRunning
        if learner.isRunning { kill(learner.processIdentifier, SIGKILL) }
        learner.waitUntilExit()
        #expect(killedMidway, "learning finished before it could be killed")
        #expect(learner.terminationReason == .uncaughtSignal)

        let total = 2 * Self.messagesPerClass
        let after = try #require(try Self.statistics(common), "the killed database opens")
        #expect(after.journal == after.spam + after.ham, "the journal holds exactly the learned messages")
        #expect(after.journal > 10 && after.journal < total + 10, "\(after.journal - 10) of \(total) learned when killed")
        let dump = try Self.run(["learn"] + common + ["--dump"])
        #expect(dump.status == 0)
        let journalLines = dump.output.split(separator: "\n").filter { $0.hasPrefix("journal ") }
        #expect(journalLines.filter { $0.contains(" spam ") }.count == after.spam)
        #expect(journalLines.filter { $0.contains(" ham ") }.count == after.ham)

        let probe = root.appendingPathComponent("probe.eml")
        try Data("From: spam1@spam.example\nSubject: cash 5\nMessage-ID: <probe@x>\n\ncash7 prize8 winner9 offer10\n".utf8).write(to: probe)
        let check = try Self.run(["check", "--json"] + common + [probe.path])
        #expect(check.status == 0)
        #expect(!check.output.contains("\"bayes\":null"), "the killed database classifies: \(check.output)")

        // Learning everything again completes the interrupted run: what was committed is known,
        // the rest is learned, and the result equals an uninterrupted run.
        let resumed = try Self.run(["learn"] + common + learnAll)
        #expect(resumed.status == 0)
        #expect(resumed.output.contains("\(after.journal - 10) already known"), "\(resumed.output)")
        let uninterrupted = try Self.run(["learn", "--config", config.path, "--state-dir", clean.path] + learnAll)
        #expect(uninterrupted.status == 0)
        let resumedDump = try Self.run(["learn"] + common + ["--dump"])
        let cleanDump = try Self.run(["learn", "--config", config.path, "--state-dir", clean.path, "--dump"])
        #expect(Self.counts(resumedDump.output) == Self.counts(cleanDump.output), "nothing half-written survived the kill")
    }
}
