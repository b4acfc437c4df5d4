import Foundation
import MailMessage
import Testing
@testable import Server

@Suite struct ConfigLoaderTests {
    // MARK: Where the configuration comes from

    @Test func missingDefaultFileMeansBuiltInDefaults() throws {
        let directory = try ConfigFixture.temporaryDirectory()
        let defaultPath = directory.appendingPathComponent("swfilter.toml").path
        #expect(ConfigLoader.resolvedPath(path: nil, defaultPath: defaultPath) == nil)
        let config = try ConfigLoader.load(path: nil, stateDirOverride: nil, defaultPath: defaultPath)
        #expect(config == SwfilterConfig())
    }

    @Test func existingDefaultFileIsRead() throws {
        let file = try ConfigFixture.temporaryFile("[general]\nlog_level = \"debug\"\n")
        #expect(ConfigLoader.resolvedPath(path: nil, defaultPath: file.path) == file.path)
        let config = try ConfigLoader.load(path: nil, stateDirOverride: nil, defaultPath: file.path)
        #expect(config.general.logLevel == .debug)
    }

    @Test func explicitMissingFileIsAnError() throws {
        let directory = try ConfigFixture.temporaryDirectory()
        let missing = directory.appendingPathComponent("nope.toml").path
        let error = #expect(throws: ConfigError.self) {
            try ConfigLoader.load(path: missing, stateDirOverride: nil, defaultPath: missing)
        }
        #expect(error?.problems == [ConfigProblem(file: missing, line: nil, key: "", message: "no such file")])
    }

    @Test func directoryIsAnError() throws {
        let directory = try ConfigFixture.temporaryDirectory()
        let error = #expect(throws: ConfigError.self) {
            try ConfigLoader.load(path: directory.path, stateDirOverride: nil)
        }
        #expect(error?.description == "\(directory.path): cannot read: is a directory")
    }

    @Test func danglingSymlinkAtTheDefaultPathIsReportedNotIgnored() throws {
        let directory = try ConfigFixture.temporaryDirectory()
        let link = directory.appendingPathComponent("swfilter.toml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: directory.appendingPathComponent("gone").path)
        #expect(ConfigLoader.resolvedPath(path: nil, defaultPath: link) == link)
        #expect(throws: ConfigError.self) { try ConfigLoader.load(path: nil, stateDirOverride: nil, defaultPath: link) }
    }

    @Test func stateDirOverrideReplacesTheFileSetting() throws {
        let file = try ConfigFixture.temporaryFile("[general]\nstate_dir = \"/srv/swfilter\"\n")
        let fromFile = try ConfigLoader.load(path: file.path, stateDirOverride: nil)
        #expect(fromFile.general.stateDir == "/srv/swfilter")
        let overridden = try ConfigLoader.load(path: file.path, stateDirOverride: "/tmp/state")
        #expect(overridden.general.stateDir == "/tmp/state")
    }

    @Test func relativeStateDirOverrideIsTakenFromTheCurrentDirectory() throws {
        let directory = try ConfigFixture.temporaryDirectory()
        let config = try ConfigLoader.load(path: nil, stateDirOverride: "state", defaultPath: directory.appendingPathComponent("none").path)
        #expect(config.general.stateDir == FileManager.default.currentDirectoryPath + "/state")
    }

    @Test func exampleConfigurationIsTheDefaults() throws {
        let config = try ConfigLoader.load(path: ConfigFixture.examplePath, stateDirOverride: nil)
        #expect(config == SwfilterConfig())
    }

    // MARK: Every section

    @Test func readsEverySection() throws {
        let config = try ConfigLoader.parse("""
            [general]
            state_dir = "/srv/swfilter"
            log_level = "warning"
            hostname = "mx1.example.org"
            trace_ids = false

            [limits]
            max_message_bytes = "20M"
            max_header_bytes = 65536
            max_header_fields = 500
            max_line_length = "4k"
            max_mime_depth = 0
            max_parts = 200
            max_decoded_bytes = "128 MiB"

            [policy]
            required_score = 6
            reject_score = 15.5
            subject_tag = "[SPAM _SCORE_]"
            add_headers = "spam"
            report_safe = true

            [filter]
            exit_code_on_spam = true
            max_message_bytes = "10 MB"
            on_error = "tempfail"
            """, file: "all.toml")
        #expect(config.general == GeneralConfig(stateDir: "/srv/swfilter", logLevel: .warning, hostname: "mx1.example.org", traceIDs: false))
        #expect(config.limits.maxMessageBytes == 20 << 20)
        #expect(config.messageLimits == MessageLimits(
            maxHeaderBytes: 65536, maxHeaderFields: 500, maxLineLength: 4096, maxMimeDepth: 0, maxParts: 200, maxDecodedBytes: 128 << 20))
        #expect(config.policy == PolicyConfig(
            requiredScore: 6, rejectScore: .threshold(15.5), subjectTag: "[SPAM _SCORE_]", addHeaders: .spam, reportSafe: true))
        #expect(config.filter == FilterConfig(exitCodeOnSpam: true, maxMessageBytes: 10 << 20, onError: .tempfail))
        #expect(config.filterMaxMessageBytes == 10 << 20)
    }

    @Test func absentKeysKeepTheirDefaults() throws {
        let config = try ConfigLoader.parse("[policy]\nrequired_score = 4.5\n", file: "f.toml")
        var expected = SwfilterConfig()
        expected.policy.requiredScore = 4.5
        #expect(config == expected)
        #expect(config.filterMaxMessageBytes == 50 << 20)
    }

    @Test func defaultsAreTheDocumentedOnes() {
        let config = SwfilterConfig()
        #expect(config.general.stateDir == "/var/lib/swfilter")
        #expect(config.general.logLevel == .info)
        #expect(config.general.hostname == MachineHostName.current)
        #expect(config.general.traceIDs)
        #expect(config.limits.maxMessageBytes == 52_428_800)
        #expect(config.messageLimits == MessageLimits.default)
        #expect(config.policy.requiredScore == 5.0)
        #expect(config.policy.rejectScore == .never)
        #expect(config.policy.subjectTag == "")
        #expect(config.policy.addHeaders == .all)
        #expect(!config.policy.reportSafe)
        #expect(config.policy.domains.isEmpty)
        #expect(!config.filter.exitCodeOnSpam)
        #expect(config.filter.maxMessageBytes == nil)
        #expect(config.filter.onError == .pass)
    }

    @Test func dottedKeysAndInlineTablesReadLikeSections() throws {
        let config = try ConfigLoader.parse("""
            general.log_level = "error"
            policy = { required_score = 3, domains = { "example.com" = { subject_tag = "[S]" } } }
            """, file: "f.toml")
        #expect(config.general.logLevel == .error)
        #expect(config.policy.requiredScore == 3)
        #expect(config.policy.domains["example.com"] == DomainPolicy(subjectTag: "[S]"))
    }

    // MARK: Problems, each with its line

    @Test func wrongTypeNamesFileLineAndKey() {
        let lines = ConfigFixture.lines(in: """
            [general]
            trace_ids = true

            [policy]
            # the threshold
            add_headers = "all"
            required_score = "five"
            """)
        #expect(lines == ["swfilter.toml:7: policy.required_score: expected a number, found a string"])
    }

    @Test func everyProblemIsReportedInFileOrder() {
        let problems = ConfigFixture.problems(in: """
            [filter]
            on_error = "retry"
            [general]
            log_level = 3
            trace_ids = "yes"
            [limits]
            max_parts = -1
            """)
        #expect(problems.map(\.line) == [2, 4, 5, 7])
        #expect(problems.map(\.key) == ["filter.on_error", "general.log_level", "general.trace_ids", "limits.max_parts"])
        #expect(problems[1].message == "expected a string, found an integer")
        #expect(problems[2].message == "expected a boolean (true or false), found a string")
        #expect(problems[3].message == "must not be negative, found -1")
    }

    @Test func unknownKeySuggestsTheNearestKnownOne() {
        let lines = ConfigFixture.lines(in: """
            [policy]
            requried_score = 6.0
            subject_tag = "x"
            """)
        #expect(lines == ["swfilter.toml:2: policy.requried_score: unknown key; did you mean required_score?"])
    }

    @Test func unknownKeyFarFromAnyListsTheKnownKeys() {
        let lines = ConfigFixture.lines(in: "[filter]\nquarantine = true\n")
        #expect(lines == ["swfilter.toml:2: filter.quarantine: unknown key; known keys here: exit_code_on_spam, max_message_bytes, on_error"])
    }

    @Test func misspeltSectionSuggestsTheSection() {
        let lines = ConfigFixture.lines(in: """
            [general]
            log_level = "info"

            [polcy]
            required_score = 4.0
            """)
        #expect(lines == ["swfilter.toml:4: polcy: unknown section [polcy]; did you mean [policy]?"])
    }

    @Test func unknownSectionFarFromAnyListsTheSections() {
        let lines = ConfigFixture.lines(in: "[zzzzzzzzzz]\nenabled = true\n")
        let listed = SwfilterConfig.sections.map { "[\($0.name)]" }.joined(separator: ", ")
        #expect(listed.hasPrefix("[general], [limits], [policy], [filter]"))
        #expect(lines == ["swfilter.toml:1: zzzzzzzzzz: unknown section [zzzzzzzzzz]; sections are: \(listed)"])
    }

    @Test func keyAboveTheFirstHeaderIsPointedToItsSection() {
        let lines = ConfigFixture.lines(in: "# settings\nrequired_score = 4.0\n[policy]\n")
        #expect(lines == [
            "swfilter.toml:2: required_score: unknown key at the top level; did you mean policy.required_score? (keys above the first [section] header are top-level)",
        ])
    }

    @Test func maxMessageBytesAtTheTopLevelNamesBothHomes() {
        let problems = ConfigFixture.problems(in: "max_message_bytes = 5\n")
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("did you mean limits.max_message_bytes or filter.max_message_bytes?") == true)
    }

    @Test func sectionThatIsNotATable() {
        let lines = ConfigFixture.lines(in: "general = \"on\"\n")
        #expect(lines == ["swfilter.toml:1: general: expected a table, found a string"])
    }

    @Test func unknownEnumValueListsTheAllowedOnes() {
        let lines = ConfigFixture.lines(in: "[general]\nlog_level = \"warn\"\n[policy]\nadd_headers = \"some\"\n")
        #expect(lines == [
            "swfilter.toml:2: general.log_level: unknown value \"warn\"; expected one of: debug, info, notice, warning, error (did you mean \"warning\"?)",
            "swfilter.toml:4: policy.add_headers: unknown value \"some\"; expected one of: all, spam, none",
        ])
    }

    @Test func badSizes() {
        let problems = ConfigFixture.problems(in: """
            [limits]
            max_message_bytes = "-5M"
            max_header_bytes = "12 parsecs"
            max_decoded_bytes = 1.5
            max_line_length = 0
            max_header_fields = "10k"
            max_parts = "99999999999999999999T"
            """)
        #expect(problems.map(\.line) == [2, 3, 4, 5, 6, 7])
        #expect(problems.map(\.message) == [
            "must not be negative, found \"-5M\"",
            "expected a size such as 1048576, \"64k\", \"50M\" or \"1 GiB\", found \"12 parsecs\"",
            "expected a size (an integer, or a string such as \"50M\"), found a floating-point number",
            "must be at least 1, found 0",
            "expected an integer, found a string",
            "expected an integer, found a string",
        ])
    }

    @Test func relativeStateDirIsRefused() {
        let lines = ConfigFixture.lines(in: "[general]\nstate_dir = \"var/lib\"\n")
        #expect(lines == ["swfilter.toml:2: general.state_dir: must be an absolute path, found \"var/lib\""])
    }

    @Test func hostnameWithSpacesIsRefused() {
        let problems = ConfigFixture.problems(in: "[general]\nhostname = \"mail server\"\n")
        #expect(problems.map(\.key) == ["general.hostname"])
        #expect(problems.map(\.line) == [2])
    }

    @Test func nonFiniteScoreIsRefused() {
        let problems = ConfigFixture.problems(in: "[policy]\nrequired_score = nan\n")
        #expect(problems.map(\.description) == ["swfilter.toml:2: policy.required_score: must be a finite number, not nan"])
    }

    @Test func syntaxErrorHasTheParsersLine() {
        let problems = ConfigFixture.problems(in: "[general]\nlog_level = \"info\"\n\nstate_dir = /var\n")
        #expect(problems.count == 1)
        #expect(problems.first?.line == 4)
        #expect(problems.first?.message.hasPrefix("TOML syntax error at column") == true)
    }

    @Test func redefinedTableIsASyntaxError() {
        let problems = ConfigFixture.problems(in: "[general]\n[policy]\n[general]\n")
        #expect(problems.map(\.line) == [3])
    }

    @Test func invalidUTF8IsReportedWithItsLine() throws {
        var bytes = Array("[general]\nhostname = \"".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\"\n".utf8)
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.parse(bytes, file: "f.toml") }
        #expect(error?.problems == [ConfigProblem(file: "f.toml", line: 2, key: "", message: "not valid UTF-8 at byte offset 22")])
    }

    @Test func nulByteIsReportedRatherThanCuttingTheFileShort() throws {
        let bytes = Array("[general]\n\n# \0\n[policy]\nrequired_score = \"x\"\n".utf8)
        let error = #expect(throws: ConfigError.self) { try ConfigLoader.parse(bytes, file: "f.toml") }
        #expect(error?.problems == [ConfigProblem(file: "f.toml", line: 3, key: "", message: "NUL byte in the file")])
    }
}
