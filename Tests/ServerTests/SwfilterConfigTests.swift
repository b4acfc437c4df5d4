import MailMessage
import Testing
@testable import Server

@Suite struct SwfilterConfigTests {
    private func roundTrip(_ config: SwfilterConfig) throws -> SwfilterConfig {
        try ConfigLoader.parse(config.renderTOML(source: "test"), file: "shown.toml")
    }

    @Test func defaultsRoundTrip() throws {
        #expect(try roundTrip(SwfilterConfig()) == SwfilterConfig())
    }

    @Test func everySettingRoundTrips() throws {
        let config = SwfilterConfig(
            general: GeneralConfig(stateDir: "/srv/sw \"filter\"", logLevel: .notice, hostname: "mx_1.example.org", traceIDs: false),
            limits: LimitsConfig(maxMessageBytes: 12_345_678, messageLimits: MessageLimits(
                maxHeaderBytes: 3 << 30, maxHeaderFields: 7, maxLineLength: 1000, maxMimeDepth: 0, maxParts: 2, maxDecodedBytes: 1)),
            policy: PolicyConfig(
                requiredScore: 0.1, rejectScore: .threshold(1e20), subjectTag: "[SPAM _SCORE_] «ünïcode» \\ \"q\"",
                addHeaders: .none, reportSafe: true,
                domains: [
                    "example.com": DomainPolicy(requiredScore: -2.5),
                    "xn--bcher-kva.example": DomainPolicy(rejectScore: .never, subjectTag: ""),
                    "b.example": DomainPolicy(rejectScore: .threshold(30)),
                    "c.example": DomainPolicy(),
                ]),
            filter: FilterConfig(exitCodeOnSpam: true, maxMessageBytes: 5 << 20, onError: .tempfail)
        )
        #expect(try roundTrip(config) == config)
    }

    @Test func showWritesEveryKey() {
        let text = SwfilterConfig().renderTOML()
        for key in [
            "state_dir", "log_level", "hostname", "trace_ids",
            "max_message_bytes", "max_header_bytes", "max_header_fields", "max_line_length", "max_mime_depth", "max_parts", "max_decoded_bytes",
            "required_score", "reject_score", "subject_tag", "add_headers", "report_safe",
            "exit_code_on_spam", "on_error",
        ] {
            #expect(text.contains("\n\(key) = "), "missing \(key)")
        }
        #expect(text.contains("# max_message_bytes is not set: limits.max_message_bytes applies"))
        #expect(text.contains("reject_score = \"never\""))
        #expect(text.contains("max_message_bytes = \"50 MiB\""))
    }

    @Test func showWritesDomainTablesWithQuotedNames() {
        var config = SwfilterConfig()
        config.policy.domains["example.com"] = DomainPolicy(requiredScore: 4)
        let text = config.renderTOML()
        #expect(text.contains("""
            [policy.domains."example.com"]
            required_score = 4.0
            # reject_score is not set: [policy] reject_score applies
            # subject_tag is not set: [policy] subject_tag applies
            """))
    }

    @Test func everySectionIsListedOnce() {
        let names = SwfilterConfig.sections.map(\.name)
        #expect(names == ["general", "limits", "policy", "filter", "virus", "rules", "bayes"])
        #expect(SwfilterConfig.sections.first { $0.name == "filter" }?.knownKeys() == ["exit_code_on_spam", "max_message_bytes", "on_error"])
    }

    @Test func filterLimitFallsBackToTheGeneralLimit() {
        var config = SwfilterConfig()
        config.limits.maxMessageBytes = 1000
        #expect(config.filterMaxMessageBytes == 1000)
        config.filter.maxMessageBytes = 10
        #expect(config.filterMaxMessageBytes == 10)
    }
}
