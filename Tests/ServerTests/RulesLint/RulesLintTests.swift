import Foundation
import Testing
@testable import Server

@Suite struct RulesLintTests {
    /// One broken thing per line, with good rules around them.
    static let brokenFile = """
        # a rule file with one of everything
        body GOOD_RULE /cheap watches/i
        describe GOOD_RULE Offers watches
        score GOOD_RULE 1.5
        body
        body UNBALANCED /abc
        header UNBALANCED_HEADER Subject =~ m{abc
        body BAD_REGEX /(?<=a+)b/
        meta LOOP_A LOOP_B && GOOD_RULE
        meta LOOP_B LOOP_A
        scroe GOOD_RULE 3
        body NEEDS_EVAL eval:check_something_unknown()
        header LAST_RULE Subject =~ /last/

        """

    static func directory(_ files: [String: String]) throws -> URL {
        let url = try ConfigFixture.temporaryDirectory()
        for (name, text) in files {
            try Data(text.utf8).write(to: url.appendingPathComponent(name))
        }
        return url
    }

    @Test func brokenRuleFileReportsEveryProblemWithFileAndLineAndTheRestLoads() throws {
        let folder = try Self.directory(["broken.cf": Self.brokenFile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.cf").path
        let report = RulesLint.lint(paths: [file])
        let errorLines = report.problems.filter { $0.severity == "error" }.map(\.line)
        // The bare directive, both unbalanced patterns, the regex PCRE2 refuses, both loop members.
        #expect(errorLines == [5, 6, 7, 8, 9, 10])
        #expect(report.problems.allSatisfy { $0.file == file })
        #expect(report.problems.contains { $0.line == 8 && $0.message.contains("does not compile") })
        #expect(report.problems.contains { $0.line == 9 && $0.message.contains("meta loop") && $0.message.contains("LOOP_A") })
        #expect(report.problems.contains { $0.line == 11 && $0.severity == "warning" && $0.message.contains("scroe") })
        #expect(report.loaded.body == 1)
        #expect(report.loaded.header == 1)
        #expect(report.loaded.meta == 0)
        #expect(report.loaded.eval == 1)
        #expect(report.unsupported.map(\.rule) == ["NEEDS_EVAL"])
        #expect(report.unsupported.first?.reason.contains("check_something_unknown") == true)
        #expect(report.unsupported.first?.file == file)
        #expect(report.unsupported.first?.line == 12)
        #expect(report.exitStatus == .dataError)
        #expect(report.text(verbose: false).contains("\(file):8: error: regex does not compile"))
    }

    @Test func unknownDirectiveAloneFailsLikeSpamAssassinLint() throws {
        let folder = try Self.directory(["local.cf": "body FINE /fine/\nrequired_scroe 5\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = RulesLint.lint(paths: [folder.path])
        #expect(report.problems.map(\.severity) == ["warning"])
        #expect(report.problems.first?.line == 2)
        #expect(report.exitStatus == .dataError)
    }

    @Test func unsupportedEvalsAndNotesAlonePass() throws {
        let folder = try Self.directory(["local.cf": """
            body FINE /fine/
            header EVAL_RULE eval:check_for_nothing_here()
            body BAYES_99 eval:check_bayes('0.99', '1.00')
            meta USES_MISSING FINE && NOWHERE_DEFINED
            """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = RulesLint.lint(paths: [folder.path])
        #expect(report.problems.map(\.severity) == ["info"])
        #expect(report.unsupported.map(\.rule) == ["EVAL_RULE"])
        #expect(report.loaded.eval == 2)
        #expect(report.loaded.meta == 1)
        #expect(report.exitStatus == .ok)
        #expect(!report.text(verbose: false).contains("NOWHERE_DEFINED"))
        #expect(report.text(verbose: true).contains("NOWHERE_DEFINED"))
        #expect(report.text(verbose: true).contains("unsupported: EVAL_RULE: "))
        #expect(report.unsupported.first?.reason.contains("check_for_nothing_here") == true)
    }

    @Test func directoryLoadsItsCfFilesSortedByName() throws {
        let folder = try Self.directory(["20_b.cf": "body B /b/\n", "10_a.cf": "body A /a/\n", "notes.txt": "body NOT_RULES /x/\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = RulesLint.lint(paths: [folder.path])
        #expect(report.files.map { ($0 as NSString).lastPathComponent } == ["10_a.cf", "20_b.cf"])
        #expect(report.loaded.body == 2)
    }

    @Test func missingPathIsAnError() {
        let report = RulesLint.lint(paths: ["/nonexistent/swfilter-rules.cf"])
        #expect(report.problems.first?.severity == "error")
        #expect(report.problems.first?.message.contains("no such file") == true)
        #expect(report.exitStatus == .dataError)
    }

    @Test func tenMegabyteRuleFileWithABrokenLineNearItsEnd() throws {
        var text = ""
        var index = 0
        while text.utf8.count < 10 << 20 {
            text += "body R\(index) /word\(index)\\b/i\ndescribe R\(index) rule number \(index) \(String(repeating: "padding ", count: 20))\n"
            index += 1
        }
        let lines = text.split(separator: "\n").count
        text += "body BROKEN /(unclosed/\nbody AFTER_BROKEN /after/\n"
        let folder = try Self.directory(["big.cf": text])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = RulesLint.lint(paths: [folder.path])
        #expect(report.problems.count == 1)
        #expect(report.problems.first?.line == lines + 1)
        #expect(report.problems.first?.file.hasSuffix("big.cf") == true)
        #expect(report.loaded.body == index + 1)
    }

    @Test func jsonIsOneObjectWithLoadedUnsupportedAndProblems() throws {
        let folder = try Self.directory(["broken.cf": Self.brokenFile])
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("out.json").path
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        let output = open(outputPath, O_WRONLY)
        let status = RulesLint.run(paths: [folder.path], json: true, verbose: false, output: output)
        close(output)
        #expect(status == .dataError)
        let data = try #require(FileManager.default.contents(atPath: outputPath))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let loaded = try #require(object["loaded"] as? [String: Int])
        #expect(Set(loaded.keys) == ["header", "body", "rawbody", "full", "uri", "mimeheader", "meta", "eval", "other"])
        #expect(loaded["body"] == 1)
        let unsupported = try #require(object["unsupported"] as? [[String: Any]])
        #expect(unsupported.first?["rule"] as? String == "NEEDS_EVAL")
        #expect((unsupported.first?["reason"] as? String)?.contains("check_something_unknown") == true)
        let problems = try #require(object["problems"] as? [[String: Any]])
        #expect(problems.count == RulesLint.lint(paths: [folder.path]).problems.count)
        #expect(problems.allSatisfy { $0["file"] is String && $0["line"] is Int && $0["severity"] is String && $0["message"] is String })
        // One object: nothing after it but the final newline.
        #expect(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("}"))
    }

    @Test func projectRulesLintClean() {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules").path
        let report = RulesLint.lint(paths: [rules])
        #expect(report.problems.filter { $0.severity != "info" }.map(\.description) == [])
        #expect(report.files.contains { $0.hasSuffix("50_swfilter_gtube.cf") })
        #expect(report.loaded.total > 50)
    }

    @Test func rulesOptionReplacesTheConfiguredPathsAndTurnsRulesOn() {
        var config = SwfilterConfig.defaults
        config.rules.enabled = false
        config.rules.paths = ["/etc/configured.cf"]
        config.rules.replacePaths(with: [])
        #expect(config.rules.paths == ["/etc/configured.cf"])
        #expect(!config.rules.enabled)
        config.rules.replacePaths(with: ["/tmp/a.cf", "/tmp/dir"])
        #expect(RulesLint.paths(for: config) == ["/tmp/a.cf", "/tmp/dir"])
        #expect(config.rules.enabled)
    }
}
