import Foundation
import Testing
@testable import Server

@Suite struct CheckReportFormatterTests {
    static func scan(rules: String, body: String) throws -> (text: String, record: CheckRecord) {
        let folder = try ConfigFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(rules.utf8).write(to: folder.appendingPathComponent("local.cf"))
        var config = SwfilterConfig.defaults
        config.virus.enabled = false
        config.bayes.enabled = false
        config.rules.replacePaths(with: [folder.path])
        let engine = EngineFactory.engine(for: config, log: { _ in })
        let message = Array("From: a@example.com\r\nTo: b@example.org\r\nSubject: test\r\n\r\n\(body)\r\n".utf8)
        let result = engine.scan(message)
        return (CheckReportFormatter.text(file: "m.eml", result: result), CheckRecord(file: "m.eml", result: result))
    }

    @Test func tableIsLaidOutLikeSpamAssassinTest() throws {
        let rules = """
            body BIG_HIT /cheap/
            describe BIG_HIT Offers something cheap
            score BIG_HIT 1000
            body SMALL_HIT /watches/
            describe SMALL_HIT Mentions watches
            score SMALL_HIT 2.5
            body INFORMATIONAL /today/
            describe INFORMATIONAL Says today
            score INFORMATIONAL -0.001
            body A_RULE_WITH_A_VERY_LONG_NAME /cheap/
            describe A_RULE_WITH_A_VERY_LONG_NAME A description long enough that it has to wrap onto a second line of the report table
            score A_RULE_WITH_A_VERY_LONG_NAME 0.1
            body MISSED /nowhere/
            """
        let text = try Self.scan(rules: rules, body: "cheap watches today").text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("m.eml: spam, score=1002.6 required=5.0"))
        #expect(lines[1] == "Content analysis details:   (1002.6 points, 5.0 required)")
        #expect(lines[2] == "")
        #expect(lines[3] == " pts rule name              description")
        #expect(lines[4] == "---- ---------------------- --------------------------------------------------")
        #expect(lines.contains("1000 BIG_HIT                Offers something cheap"))
        #expect(lines.contains(" 2.5 SMALL_HIT              Mentions watches"))
        #expect(lines.contains("-0.0 INFORMATIONAL          Says today"))
        let long = try #require(lines.firstIndex { $0.hasPrefix(" 0.1 A_RULE_WITH_A_VERY_LONG_NAME A description") })
        #expect(lines[long].count <= CheckReportFormatter.lineWidth)
        let indent = String(repeating: " ", count: CheckReportFormatter.descriptionColumn)
        #expect(lines[long + 1].hasPrefix(indent + "wrap onto"))
        #expect(lines[long + 1].hasSuffix("report table"))
        #expect(!text.contains("MISSED"))
    }

    @Test func jsonHasEveryHitWithScoreAndDescription() throws {
        let rules = "body CHEAP /cheap/\ndescribe CHEAP Offers something cheap\nscore CHEAP 3.5\n"
        let record = try Self.scan(rules: rules, body: "cheap").record
        #expect(record.hits == ["CHEAP"])
        #expect(record.details == [CheckRecord.Hit(name: "CHEAP", score: 3.5, description: "Offers something cheap")])
        #expect(record.required == 5)
        #expect(!record.spam)
    }

    @Test func noHitsStillPrintsTheEmptyTable() throws {
        let text = try Self.scan(rules: "body NEVER /nowhere/\n", body: "hello").text
        #expect(text.hasSuffix("---- ---------------------- --------------------------------------------------"))
        #expect(text.contains("(0.0 points, 5.0 required)"))
    }

    @Test func catastrophicBacktrackingRuleShowsAsANote() throws {
        let line = String(repeating: "a", count: 1500) + "c b"
        let scanned = try Self.scan(rules: "body CATASTROPHIC_BODY /(a+)+b/\nbody SANE /zzz/\n", body: "zzz\r\n\(line)")
        let note = "rules: rule CATASTROPHIC_BODY stopped at its regex match or depth limit; counted as no hit"
        #expect(scanned.text.split(separator: "\n").contains { $0 == "  note: \(note)" })
        #expect(scanned.record.notes == [note])
        #expect(scanned.record.hits == ["SANE"])
        let json = String(decoding: try JSONEncoder().encode(scanned.record), as: UTF8.self)
        #expect(json.contains("\"notes\":[\"rules: rule CATASTROPHIC_BODY"))
    }

    @Test func notesAreAnEmptyListWhenNothingStopped() throws {
        let scanned = try Self.scan(rules: "body SANE /zzz/\n", body: "zzz")
        #expect(scanned.record.notes.isEmpty)
        let json = String(decoding: try JSONEncoder().encode(scanned.record), as: UTF8.self)
        #expect(json.contains("\"notes\":[]"))
    }
}
