import Foundation
import Testing
@testable import Server

@Suite struct RulesDirectoryTests {
    @Test func configuredPathWins() {
        #expect(RulesDirectory.locate(configured: "/opt/rules", executable: "/nonexistent/bin/swfilter") == "/opt/rules")
    }

    @Test func aBinaryInsideASourceTreeFindsItsRules() throws {
        let root = try ConfigFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let binaryFolder = root.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release")
        try FileManager.default.createDirectory(at: binaryFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("Package.swift"))
        let found = RulesDirectory.locate(configured: nil, executable: binaryFolder.appendingPathComponent("swfilter").path)
        if FileManager.default.fileExists(atPath: RulesDirectory.installed) {
            #expect(found == RulesDirectory.installed)
        } else {
            #expect(found.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path } == root.appendingPathComponent("rules").resolvingSymlinksInPath().path)
        }
    }

    @Test func relativeRulesDirIsRefused() {
        let lines = ConfigFixture.lines(in: "[general]\nrules_dir = \"rules\"\n")
        #expect(lines == ["swfilter.toml:2: general.rules_dir: must be an absolute path, found \"rules\""])
    }
}
