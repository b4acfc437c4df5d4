import Foundation
import Testing

/// `swfilter rules lint` and `--rules` run as an admin runs them.
@Suite struct RulesCommandLineTests {
    static let gtube = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"
    static let noScanners = "[virus]\nenabled = false\n[bayes]\nenabled = false\n"

    static func folder(_ files: [String: String]) throws -> URL {
        let url = try ConfigFixture.temporaryDirectory()
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func lintPrintsFileLineAndExitsDataErrorOnErrors() throws {
        let folder = try Self.folder(["local.cf": "body GOOD /good/\nbody BAD /(?<=a+)b/\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["rules", "lint", "--rules", folder.path])
        #expect(run.status == 65)
        #expect(run.output.contains("\(folder.path)/local.cf:2: error: regex does not compile"))
        #expect(run.output.contains("1 errors"))
    }

    @Test func lintOfCleanRulesExitsZero() throws {
        let folder = try Self.folder(["a.cf": "body GOOD /good/\n", "b.cf": "header GOOD_HEADER Subject =~ /x/\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandLineTests.run(["rules", "lint", "--json", "--rules", folder.path + "/a.cf", "--rules", folder.path + "/b.cf"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let loaded = try #require(object["loaded"] as? [String: Int])
        #expect(loaded["body"] == 1)
        #expect(loaded["header"] == 1)
        #expect((object["problems"] as? [Any])?.isEmpty == true)
    }

    @Test func checkWithRulesUsesOnlyThoseRules() throws {
        let folder = try Self.folder(["mine.cf": "body MY_RULE /hello/\ndescribe MY_RULE Says hello\nscore MY_RULE 6\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandLineTests.temporaryFile(Self.noScanners)
        let message = try CommandLineTests.temporaryFile("Subject: hi\n\nhello \(Self.gtube)\n")
        let run = try CommandLineTests.run(["check", "--config", config.path, "--rules", folder.path, message.path])
        #expect(run.status == 0)
        #expect(run.output.contains(" 6.0 MY_RULE                Says hello"))
        #expect(!run.output.contains("GTUBE"))
    }

    @Test func gtubeHitsThroughCheckUnderTheDefaultConfiguration() throws {
        let config = try CommandLineTests.temporaryFile(Self.noScanners)
        let message = try CommandLineTests.temporaryFile("From: a@example.com\nSubject: test\n\n\(Self.gtube)\n")
        let run = try CommandLineTests.run(["check", "--config", config.path, message.path])
        #expect(run.output.contains("1000 GTUBE "))
        #expect(run.output.contains(": spam, score="))
        let json = try CommandLineTests.run(["check", "--json", "--config", config.path, message.path])
        #expect(json.output.contains("\"GTUBE\""))
    }

    @Test func filterWithRulesTagsWhatThoseRulesFind() throws {
        let folder = try Self.folder(["mine.cf": "body MY_SPAM_RULE /buy now/\nscore MY_SPAM_RULE 9\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandLineTests.temporaryFile(Self.noScanners)
        let run = try CommandLineTests.run(["filter", "--config", config.path, "--rules", folder.path],
                                           input: Array("Subject: offer\n\nbuy now\n".utf8))
        #expect(run.status == 0)
        #expect(run.output.contains("MY_SPAM_RULE"))
        #expect(run.output.contains("X-Spam-Flag: YES") || run.output.contains("X-Spam-Status: Yes"))
    }

    @Test func checkJSONCarriesTheRegexLimitNoteAndWarnsOnce() throws {
        let folder = try Self.folder(["local.cf": "body CATASTROPHIC_BODY /(a+)+b/\nbody SANE /zzz/\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = try CommandLineTests.temporaryFile(Self.noScanners)
        let line = String(repeating: "a", count: 1500) + "c b"
        let first = try CommandLineTests.temporaryFile("Subject: one\n\nzzz\n\(line)\n")
        let second = try CommandLineTests.temporaryFile("Subject: two\n\nzzz\n\(line)\n\(line)\n")
        let run = try CommandLineTests.run(["check", "--json", "--config", config.path, "--rules", folder.path, first.path, second.path])
        #expect(run.status == 0)
        let records = try run.output.split(separator: "\n").map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(records.count == 2)
        for record in records {
            #expect(record["notes"] as? [String] == ["rules: rule CATASTROPHIC_BODY stopped at its regex match or depth limit; counted as no hit"])
            #expect(record["hits"] as? [String] == ["SANE"])
            #expect(record["failures"] as? [String] == [])
        }
        let warnings = run.errors.split(separator: "\n").filter { $0.contains("CATASTROPHIC_BODY") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("warning: rules: rule CATASTROPHIC_BODY") == true)
        let text = try CommandLineTests.run(["check", "--config", config.path, "--rules", folder.path, first.path])
        #expect(text.output.contains("  note: rules: rule CATASTROPHIC_BODY stopped at its regex match or depth limit; counted as no hit"))
    }
}
