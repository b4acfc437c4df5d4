import Testing
@testable import Server

@Suite struct VirusConfigTests {
    @Test func defaultsScanInProcessAndFailClosed() {
        let virus = SwfilterConfig.defaults.virus
        #expect(virus.enabled)
        #expect(virus.backend == .libclamav)
        #expect(virus.signatureDirectory == "/var/lib/clamav")
        #expect(virus.projectSignatures)
        #expect(virus.onFailure == .tempfail)
    }

    @Test func clamdAddressesAreAListOrOneString() throws {
        let list = try ConfigLoader.parse("[virus]\nbackend = \"clamd\"\nclamd = [\"tcp:127.0.0.1:3310\", \"unix:/run/c.sock\"]\n", file: "f")
        #expect(list.virus.backend == .clamd)
        #expect(list.virus.clamdAddresses == ["tcp:127.0.0.1:3310", "unix:/run/c.sock"])
        let single = try ConfigLoader.parse("[virus]\nclamd = \"tcp:[::1]:3310\"\n", file: "f")
        #expect(single.virus.clamdAddresses == ["tcp:[::1]:3310"])
    }

    @Test func badClamdAddressesAreNamed() {
        let lines = ConfigFixture.lines(in: "[virus]\nclamd = [\"localhost:3310\", \"tcp:h:99999\"]\n")
        #expect(lines == ["swfilter.toml:2: virus.clamd: expected addresses such as \"unix:/run/clamav/clamd.ctl\" or \"tcp:127.0.0.1:3310\", found \"localhost:3310\", \"tcp:h:99999\""])
    }

    @Test func aListMustHoldStrings() {
        let lines = ConfigFixture.lines(in: "[virus]\nextra_signatures = [\"a.ndb\", 3]\n")
        #expect(lines == ["swfilter.toml:2: virus.extra_signatures: every element must be a string, found an integer"])
        let typed = ConfigFixture.lines(in: "[virus]\nextra_signatures = 3\n")
        #expect(typed == ["swfilter.toml:2: virus.extra_signatures: expected a list of strings, found an integer"])
    }

    @Test func limitsTakeSizes() throws {
        let config = try ConfigLoader.parse("[virus]\nmax_file_size = \"25M\"\nmax_recursion = 5\non_failure = \"pass\"\n", file: "f")
        #expect(config.virus.maxFileSize == 25 * 1024 * 1024)
        #expect(config.virus.maxRecursion == 5)
        #expect(config.virus.onFailure == .pass)
    }

    @Test func showReadsBackToItself() throws {
        var config = SwfilterConfig.defaults
        config.virus.extraSignatures = ["/etc/swfilter/local.ndb", "quote\"d"]
        config.virus.backend = .clamd
        let again = try ConfigLoader.parse(config.renderTOML(), file: "show")
        #expect(again == config)
    }
}

@Suite struct VirusLimitConfigTests {
    @Test func onLimitAndTemporaryDirectory() throws {
        let config = try ConfigLoader.parse("[virus]\non_limit = \"accept\"\ntemporary_dir = \"/run/swfilter\"\nscan_whole_message = false\n", file: "f")
        #expect(config.virus.onLimit == .accept)
        #expect(config.virus.temporaryDirectory == "/run/swfilter")
        #expect(!config.virus.scanWholeMessage)
        #expect(ConfigFixture.lines(in: "[virus]\ntemporary_dir = \"tmp\"\n") == ["swfilter.toml:2: virus.temporary_dir: must be an absolute path, found \"tmp\""])
    }
}
