import Foundation
import Testing

/// The swfilter executable run as an admin runs it: standard input and output, exit codes.
@Suite struct CommandLineTests {
    struct Run {
        let status: Int32
        let output: String
        let errors: String
    }

    /// The swfilter binary built beside the test bundle.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("swfilter")

    static func run(_ arguments: [String], input: [UInt8] = []) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self), errors: String(decoding: errors, as: UTF8.self))
    }

    static func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-cli-\(UUID().uuidString).toml")
        try Data(text.utf8).write(to: url)
        return url
    }

    let message = Array("From: a@example.com\nSubject: hi\n\nbody\n".utf8)

    @Test func filterTagsTheMessageOnStandardOutput() throws {
        let run = try Self.run(["filter", "--config", "/nonexistent-but-default-is-not-used"], input: message)
        #expect(run.status == 78, "an explicit --config that does not exist is a configuration error")
        let state = FileManager.default.temporaryDirectory.path
        let tagged = try Self.run(["filter", "--state-dir", state], input: message)
        #expect(tagged.status == 0)
        #expect(tagged.output.hasPrefix("From: a@example.com\nSubject: hi\nX-Spam-Checker-Version: swfilter "))
        #expect(tagged.output.hasSuffix("\n\nbody\n"))
        #expect(tagged.output.contains("X-Spam-Flag: NO\n"))
    }

    @Test func filterOnEmptyInputExitsWithDataError() throws {
        let run = try Self.run(["filter"], input: [])
        #expect(run.status == 65)
        #expect(run.output.isEmpty)
        #expect(run.errors.contains("empty input"))
    }

    @Test func aSpamThresholdFromTheConfigAndExitCodeReportSpam() throws {
        // No rules exist yet, so a required score of -1 makes every message spam.
        let config = try Self.temporaryFile("[policy]\nrequired_score = -1.0\nsubject_tag = \"[SPAM]\"\n")
        defer { try? FileManager.default.removeItem(at: config) }
        let run = try Self.run(["filter", "--exit-code", "--config", config.path], input: message)
        #expect(run.status == 1)
        #expect(run.output.contains("Subject: [SPAM] hi\n"))
        #expect(run.output.contains("X-Spam-Flag: YES\n"))
    }

    @Test func aBrokenConfigStopsEveryCommandWithFileLineAndKey() throws {
        let config = try Self.temporaryFile("[policy]\nrequired_scor = 4.0\n")
        defer { try? FileManager.default.removeItem(at: config) }
        for arguments in [["filter"], ["check", "/dev/null"], ["config", "check"]] {
            let run = try Self.run(arguments + ["--config", config.path], input: message)
            #expect(run.status == 78, "\(arguments)")
            #expect(run.errors.contains("\(config.lastPathComponent):2"), "\(arguments): \(run.errors)")
            #expect(run.errors.contains("required_score"), "did-you-mean in \(arguments)")
        }
    }

    @Test func checkJSONPrintsOneObjectPerMessageWithTheStableFields() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../corpus/mime").standardized
        let run = try Self.run(["check", "--json", corpus.path])
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        // A directory is read as one message per file, whatever the files hold.
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasPrefix(".") }
        #expect(lines.count == files.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["file", "score", "action", "hits", "defects", "bayes", "viruses"] {
                #expect(object[key] != nil, "missing \(key) in \(line)")
            }
            #expect(object["bayes"] is NSNull)
        }
    }

    @Test func checkOnAMissingPathSaysSoAndExitsNoInput() throws {
        let run = try Self.run(["check", "/nonexistent/mailbox"])
        #expect(run.status == 66)
        #expect(run.errors.contains("/nonexistent/mailbox"))
    }
}
