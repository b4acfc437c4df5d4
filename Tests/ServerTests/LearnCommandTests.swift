import Foundation
import Testing

/// `swfilter learn` and `check --json` end to end, each test on a state directory of its own.
@Suite struct LearnCommandTests {
    /// A directory with `count` ham or spam messages written for this test, one per file.
    static func messages(_ kind: String, count: Int, in root: URL, offset: Int = 0) throws -> URL {
        let directory = root.appendingPathComponent("\(kind)-\(offset)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for number in offset..<(offset + count) {
            let body = kind == "spam"
                ? "Claim your cash prize now! Winner number \(number), act today at http://prize.example.biz/\(number)"
                : "The nightly build of branch \(number) passed; please review the patch before the release."
            let text = """
                From: \(kind)\(number % 5)@\(kind).example
                To: me@example.org
                Subject: \(kind == "spam" ? "WINNER" : "build") \(number)
                Message-ID: <\(kind)-\(number)@\(kind).example>

                \(body)

                """
            try Data(text.utf8).write(to: directory.appendingPathComponent(String(format: "%04d.eml", number)))
        }
        return directory
    }

    static func stateDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-learn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func config(_ directory: URL) throws -> String {
        let url = directory.appendingPathComponent("swfilter.toml")
        try Data("[bayes]\nmin_spam = 5\nmin_ham = 5\n".utf8).write(to: url)
        return url.path
    }

    @Test func learnTwiceThenCheckGivesAProbability() throws {
        let state = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let config = try Self.config(state)
        let spam = try Self.messages("spam", count: 20, in: state)
        let ham = try Self.messages("ham", count: 30, in: state)
        let common = ["--config", config, "--state-dir", state.path]

        let first = try CommandLineTests.run(["learn"] + common + ["--spam", spam.path, "--ham", ham.path])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.hasPrefix("50 messages: 50 learned (20 spam, 30 ham), 0 already known, 0 skipped; "), "\(first.output)")
        #expect(first.output.contains("msg/s"))
        #expect(first.errors.isEmpty, "no progress bar when standard error is not a terminal")

        let again = try CommandLineTests.run(["learn"] + common + ["--spam", spam.path])
        #expect(again.output.hasPrefix("20 messages: 0 learned (0 spam, 0 ham), 20 already known, 0 skipped"), "\(again.output)")

        let stats = try CommandLineTests.run(["learn"] + common + ["--stats"])
        #expect(stats.status == 0)
        #expect(stats.output.contains("spam learned  20"))
        #expect(stats.output.contains("ham learned   30"))
        #expect(stats.output.contains("journal       50 messages"))
        #expect(stats.output.contains("classifier    votes"))

        let fresh = try Self.messages("spam", count: 1, in: state, offset: 500)
        let freshHam = try Self.messages("ham", count: 1, in: state, offset: 500)
        let check = try CommandLineTests.run(["check", "--json"] + common + [fresh.path, freshHam.path])
        #expect(check.status == 0, "\(check.errors)")
        let records = try check.output.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.count == 2)
        let spamProbability = try #require(records[0]["bayes"] as? Double)
        let hamProbability = try #require(records[1]["bayes"] as? Double)
        #expect(spamProbability > 0.9)
        #expect(hamProbability < 0.1)
    }

    @Test func checkGivesNullUntilTheMinimumIsLearned() throws {
        let state = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let config = try Self.config(state)
        let common = ["--config", config, "--state-dir", state.path]
        let spam = try Self.messages("spam", count: 4, in: state)
        let ham = try Self.messages("ham", count: 10, in: state)
        let probe = try Self.messages("spam", count: 1, in: state, offset: 900)
        let before = try CommandLineTests.run(["check", "--json"] + common + [probe.path])
        #expect(before.output.contains("\"bayes\":null"))
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("bayes.sqlite").path), "checking creates no database")
        _ = try CommandLineTests.run(["learn"] + common + ["--spam", spam.path, "--ham", ham.path])
        let after = try CommandLineTests.run(["check", "--json"] + common + [probe.path])
        #expect(after.output.contains("\"bayes\":null"), "4 spam is below min_spam = 5")
    }

    @Test func forgetUndoesAndDumpRestoresExactly() throws {
        let state = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let config = try Self.config(state)
        let common = ["--config", config, "--state-dir", state.path]
        let spam = try Self.messages("spam", count: 10, in: state)
        let ham = try Self.messages("ham", count: 10, in: state)
        let extra = try Self.messages("spam", count: 3, in: state, offset: 100)
        _ = try CommandLineTests.run(["learn"] + common + ["--spam", spam.path, "--ham", ham.path])
        let dumped = try CommandLineTests.run(["learn"] + common + ["--dump"])
        #expect(dumped.status == 0)
        #expect(dumped.output.hasPrefix("# swfilter bayes dump 1\ntotals 10 10\ntoken "))

        _ = try CommandLineTests.run(["learn"] + common + ["--spam", extra.path])
        let forgot = try CommandLineTests.run(["learn"] + common + ["--forget", extra.path, spam.appendingPathComponent("0000.eml").path + "-missing"])
        #expect(forgot.status == 66, "a path that does not exist")
        #expect(forgot.output.contains("3 forgotten, 0 not learned before"), "\(forgot.output)")
        let afterForget = try CommandLineTests.run(["learn"] + common + ["--dump"])
        // Counts come back exactly; last-seen times record use and stay as they are.
        func counts(_ dump: String) -> [Substring] {
            dump.split(separator: "\n").map { $0.hasPrefix("token ") ? $0[..<$0.lastIndex(of: " ")!] : $0 }
        }
        #expect(counts(afterForget.output) == counts(dumped.output), "forget took out exactly what was learned")

        // Restore into another state directory gives the same database.
        let other = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(at: other) }
        let dumpFile = other.appendingPathComponent("bayes.dump")
        try Data(dumped.output.utf8).write(to: dumpFile)
        let restored = try CommandLineTests.run(["learn", "--config", config, "--state-dir", other.path, "--restore", dumpFile.path])
        #expect(restored.status == 0, "\(restored.errors)")
        #expect(restored.output.contains("restored 10 spam, 10 ham"))
        let redumped = try CommandLineTests.run(["learn", "--config", config, "--state-dir", other.path, "--dump"])
        #expect(redumped.output == dumped.output)

        try Data("# swfilter bayes dump 1\ntotals 1 1\ntoken zz 1 0 5\n".utf8).write(to: dumpFile)
        let bad = try CommandLineTests.run(["learn", "--config", config, "--state-dir", other.path, "--restore", dumpFile.path])
        #expect(bad.status == 65)
        #expect(bad.errors.contains("line 3"))
    }

    @Test func twoLearnProcessesAtOnceLoseNothing() throws {
        let state = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let config = try Self.config(state)
        let common = ["--config", config, "--state-dir", state.path]
        let spam = try Self.messages("spam", count: 300, in: state)
        let ham = try Self.messages("ham", count: 300, in: state)
        let processes = try [["--spam", spam.path], ["--ham", ham.path]].map { arguments -> Process in
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["learn"] + common + arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let stats = try CommandLineTests.run(["learn"] + common + ["--stats"])
        #expect(stats.output.contains("spam learned  300"))
        #expect(stats.output.contains("ham learned   300"))
        #expect(stats.output.contains("journal       600 messages"))
    }

    @Test func aCorruptDatabaseStopsLearnWithAClearErrorAndCheckFailsOpen() throws {
        let state = try Self.stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let config = try Self.config(state)
        let common = ["--config", config, "--state-dir", state.path]
        try Data(repeating: 0x5A, count: 4096).write(to: state.appendingPathComponent("bayes.sqlite"))
        let ham = try Self.messages("ham", count: 2, in: state)
        let learn = try CommandLineTests.run(["learn"] + common + ["--ham", ham.path])
        #expect(learn.status == 74)
        #expect(learn.errors.contains("bayes.sqlite is damaged or not a swfilter database"), "\(learn.errors)")
        let check = try CommandLineTests.run(["check", "--json"] + common + [ham.path])
        #expect(check.status == 0, "Bayes fails open: the scan goes on")
        #expect(check.output.contains("\"bayes\":null"))
        #expect(check.output.contains("bayes: Bayes database"))
    }

    @Test func learnWithNothingToDoIsAUsageError() throws {
        let run = try CommandLineTests.run(["learn"])
        #expect(run.status == 64)
        #expect(run.errors.contains("nothing to do"))
        let mixed = try CommandLineTests.run(["learn", "--restore", "x", "--spam", "y"])
        #expect(mixed.status == 64)
    }
}
