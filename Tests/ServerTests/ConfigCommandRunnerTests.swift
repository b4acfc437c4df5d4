import Foundation
import Testing
@testable import Server

@Suite struct ConfigCommandRunnerTests {
    @Test func checkWithoutAFileUsesTheDefaults() throws {
        let absent = try ConfigFixture.temporaryDirectory().appendingPathComponent("swfilter.toml").path
        let output = ConfigCommandRunner.check(path: nil, stateDirOverride: nil, defaultPath: absent)
        #expect(output == ConfigCommandOutput(standardOutput: "config OK: built-in defaults\n", exitCode: .ok))
    }

    @Test func checkOfAGoodFileNamesIt() throws {
        let file = try ConfigFixture.temporaryFile("[policy]\nrequired_score = 4\n")
        let output = ConfigCommandRunner.check(path: file.path, stateDirOverride: nil)
        #expect(output == ConfigCommandOutput(standardOutput: "config OK: \(file.path)\n", exitCode: .ok))
    }

    @Test func checkPrintsEveryProblemAndExitsWithEXConfig() throws {
        let file = try ConfigFixture.temporaryFile("""
            [general]
            log_levle = "info"

            [policy]
            required_score = "5"
            """)
        let output = ConfigCommandRunner.check(path: file.path, stateDirOverride: nil)
        #expect(output.exitCode == .config)
        #expect(output.exitCode.rawValue == 78)
        #expect(output.standardOutput == "")
        #expect(output.standardError == """
            \(file.path):2: general.log_levle: unknown key; did you mean log_level?
            \(file.path):5: policy.required_score: expected a number, found a string

            """)
    }

    @Test func checkOfAMissingExplicitFileFails() throws {
        let missing = try ConfigFixture.temporaryDirectory().appendingPathComponent("gone.toml").path
        let output = ConfigCommandRunner.check(path: missing, stateDirOverride: nil)
        #expect(output == ConfigCommandOutput(standardError: "\(missing): no such file\n", exitCode: .config))
    }

    @Test func showLoadsBackToTheSameConfiguration() throws {
        let file = try ConfigFixture.temporaryFile("""
            [policy]
            reject_score = 20
            [policy.domains."example.com"]
            subject_tag = "[SPAM]"
            [filter]
            max_message_bytes = "2M"
            """)
        let shown = ConfigCommandRunner.show(path: file.path, stateDirOverride: "/override")
        #expect(shown.exitCode == .ok)
        #expect(shown.standardOutput.hasPrefix("# swfilter effective configuration (from \(file.path))\n"))
        let reread = try ConfigLoader.parse(shown.standardOutput, file: "shown.toml")
        #expect(reread == (try ConfigLoader.load(path: file.path, stateDirOverride: "/override")))
        #expect(reread.general.stateDir == "/override")
    }

    @Test func showOfTheExampleIsTheDefaults() throws {
        let shown = ConfigCommandRunner.show(path: ConfigFixture.examplePath, stateDirOverride: nil)
        #expect(try ConfigLoader.parse(shown.standardOutput, file: "shown.toml") == SwfilterConfig())
    }

    @Test func showOfABadFileFails() throws {
        let file = try ConfigFixture.temporaryFile("[filter]\non_error = \"drop\"\n")
        let output = ConfigCommandRunner.show(path: file.path, stateDirOverride: nil)
        #expect(output.exitCode == .config)
        #expect(output.standardOutput == "")
        #expect(output.standardError.hasPrefix("\(file.path):2: filter.on_error: unknown value \"drop\""))
    }
}
