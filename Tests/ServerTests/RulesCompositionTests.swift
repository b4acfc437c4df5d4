import Filter
import ScanModel
import Foundation
import Testing
@testable import Server

@Suite struct RulesCompositionTests {
    static let gtube = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"

    static func message(body: String) -> [UInt8] {
        Array("From: a@example.com\r\nTo: b@example.org\r\nSubject: test\r\n\r\n\(body)\r\n".utf8)
    }

    @Test func gtubeHitsUnderTheDefaultConfiguration() {
        var config = SwfilterConfig.defaults
        config.virus.enabled = false
        let engine = EngineFactory.engine(for: config, log: { _ in })
        let spam = engine.scan(Self.message(body: "This is the GTUBE:\r\n\(Self.gtube)"))
        #expect(spam.report.hit(named: "GTUBE")?.score == 1000)
        #expect(spam.report.hit(named: "GTUBE")?.source == "rules")
        #expect(spam.verdict.isSpam)
        let ham = engine.scan(Self.message(body: "Lunch at noon?"))
        #expect(ham.report.hit(named: "GTUBE") == nil)
    }

    @Test func defaultPathsStartWithTheProjectRules() {
        var config = SwfilterConfig.defaults
        config.general.rulesDir = "/srv/rules"
        let paths = RulesComposition.paths(for: config)
        #expect(paths.first == "/srv/rules")
        #expect(paths.contains(RulesConfig.stockRules) == FileManager.default.fileExists(atPath: RulesConfig.stockRules))
        config.rules.paths = ["/etc/mine.cf"]
        #expect(RulesComposition.paths(for: config) == ["/etc/mine.cf"])
    }

    @Test func disabledMeansNoRuleHits() {
        var config = SwfilterConfig.defaults
        config.virus.enabled = false
        config.rules.enabled = false
        let result = EngineFactory.engine(for: config, log: { _ in }).scan(Self.message(body: Self.gtube))
        #expect(result.report.hit(named: "GTUBE") == nil)
    }

    @Test func ruleFileErrorsAreLogged() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "body BROKEN /(?<=a+)b/\nbody FINE /fine/\n".write(to: directory.appendingPathComponent("local.cf"), atomically: true, encoding: .utf8)
        try "body NOT_A_CF_FILE /x/\n".write(to: directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        var config = SwfilterConfig.defaults
        config.virus.enabled = false
        config.rules.paths = [directory.path]
        let lines = LogLines()
        let engine = EngineFactory.engine(for: config, log: { lines.append($0) })
        #expect(lines.all.contains { $0.contains("local.cf:1") && $0.contains("error") })
        let result = engine.scan(Self.message(body: "fine x"))
        #expect(result.report.hit(named: "FINE") != nil)
        #expect(result.report.hit(named: "NOT_A_CF_FILE") == nil)
    }

    @Test func catastrophicBacktrackingRuleIsWarnedAboutOncePerProcess() throws {
        let directory = try ConfigFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "body CATASTROPHIC_BODY /(a+)+b/\nbody SANE /zzz/\n".write(to: directory.appendingPathComponent("local.cf"), atomically: true, encoding: .utf8)
        var config = SwfilterConfig.defaults
        config.virus.enabled = false
        config.bayes.enabled = false
        config.rules.paths = [directory.path]
        let lines = LogLines()
        let logged = LoggedOnce()
        let line = String(repeating: "a", count: 1500) + "c b"
        for _ in 0..<2 {
            // A reload builds a new analyzer: it does not warn again either.
            let built = RulesComposition.analyzer(for: config, log: { lines.append($0) }, logged: logged)
            let analyzer = try #require(built)
            let engine = FilterEngine(analyzers: [analyzer])
            let result = engine.scan(Self.message(body: "zzz\r\n\(line)\r\n\(line)"))
            #expect(result.report.hit(named: "CATASTROPHIC_BODY") == nil)
            #expect(result.report.hit(named: "SANE") != nil)
            #expect(result.report.notes.map(\.text) == ["rule CATASTROPHIC_BODY stopped at its regex match or depth limit; counted as no hit"])
        }
        let warnings = lines.all.filter { $0.contains("CATASTROPHIC_BODY") }
        #expect(warnings == [RulesComposition.limitWarning(rule: "CATASTROPHIC_BODY")])
        #expect(warnings.first?.hasPrefix("warning: rules: ") == true)
    }

    @Test func loggedOnceAnswersTrueOnlyTheFirstTime() {
        let logged = LoggedOnce()
        #expect(logged.first("A"))
        #expect(!logged.first("A"))
        #expect(logged.first("B"))
    }
}
