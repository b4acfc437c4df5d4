import Testing
@testable import Server

@Suite struct PolicyConfigTests {
    @Test func rejectScoreIsANumberOrNever() throws {
        #expect(try ConfigLoader.parse("[policy]\nreject_score = 12\n", file: "f").policy.rejectScore == .threshold(12))
        #expect(try ConfigLoader.parse("[policy]\nreject_score = 9.5\n", file: "f").policy.rejectScore == .threshold(9.5))
        #expect(try ConfigLoader.parse("[policy]\nreject_score = \"never\"\n", file: "f").policy.rejectScore == .never)
        #expect(RejectScore.threshold(9.5).score == 9.5)
        #expect(RejectScore.never.score == nil)
        let lines = ConfigFixture.lines(in: "[policy]\nreject_score = \"always\"\n")
        #expect(lines == ["swfilter.toml:2: policy.reject_score: expected a number or \"never\", found \"always\""])
        let typed = ConfigFixture.lines(in: "[policy]\nreject_score = true\n")
        #expect(typed == ["swfilter.toml:2: policy.reject_score: expected a number or \"never\", found a boolean"])
    }

    @Test func requiredAboveRejectIsRefused() {
        let lines = ConfigFixture.lines(in: """
            [policy]
            required_score = 8.0
            reject_score = 6
            """)
        #expect(lines == ["swfilter.toml:2: policy.required_score: required_score 8.0 is above reject_score 6.0: mail that is not spam would be refused"])
    }

    @Test func requiredEqualToRejectIsAllowed() throws {
        let config = try ConfigLoader.parse("[policy]\nrequired_score = 6\nreject_score = 6\n", file: "f")
        #expect(config.policy.rejectScore == .threshold(6))
    }

    @Test func rejectBelowTheDefaultRequiredIsBlamedOnRejectScore() {
        let problems = ConfigFixture.problems(in: "[policy]\n\nreject_score = 3\n")
        #expect(problems.map(\.key) == ["policy.reject_score"])
        #expect(problems.map(\.line) == [3])
    }

    @Test func aRefusedValueIsNotComparedAgain() {
        let problems = ConfigFixture.problems(in: "[policy]\nrequired_score = \"high\"\nreject_score = 3\n")
        #expect(problems.map(\.key) == ["policy.required_score"])
    }

    @Test func subjectTagMustBeOneLine() {
        let lines = ConfigFixture.lines(in: "[policy]\nsubject_tag = \"[SPAM]\\r\\nBcc: x@example.com\"\n")
        #expect(lines == ["swfilter.toml:2: policy.subject_tag: must not contain line breaks or other control characters"])
    }

    @Test func domainOverrides() throws {
        let config = try ConfigLoader.parse("""
            [policy]
            required_score = 5.0
            reject_score = 15
            subject_tag = "[SPAM]"

            [policy.domains."Example.COM"]
            required_score = 3.5

            [policy.domains."strict.example"]
            reject_score = 8
            subject_tag = ""

            [policy.domains."lenient.example"]
            reject_score = "never"
            """, file: "f")
        #expect(config.policy.domains == [
            "example.com": DomainPolicy(requiredScore: 3.5),
            "strict.example": DomainPolicy(rejectScore: .threshold(8), subjectTag: ""),
            "lenient.example": DomainPolicy(rejectScore: .never),
        ])
        #expect(config.policy.effective(forDomain: "EXAMPLE.com.") ==
            EffectivePolicy(requiredScore: 3.5, rejectScore: .threshold(15), subjectTag: "[SPAM]"))
        #expect(config.policy.effective(forDomain: "strict.example") ==
            EffectivePolicy(requiredScore: 5, rejectScore: .threshold(8), subjectTag: ""))
        #expect(config.policy.effective(forDomain: "lenient.example").rejectScore == .never)
        #expect(config.policy.effective(forDomain: "other.example") ==
            EffectivePolicy(requiredScore: 5, rejectScore: .threshold(15), subjectTag: "[SPAM]"))
        #expect(config.policy.effective(forDomain: nil).requiredScore == 5)
    }

    @Test func domainOverrideIsCheckedAgainstWhatItInherits() {
        let problems = ConfigFixture.problems(in: """
            [policy]
            reject_score = 10

            [policy.domains."a.example"]
            required_score = 12

            [policy.domains."b.example"]
            reject_score = 4
            """)
        #expect(problems.map(\.key) == [
            "policy.domains.\"a.example\".required_score",
            "policy.domains.\"b.example\".reject_score",
        ])
        #expect(problems.map(\.line) == [5, 8])
        #expect(problems.allSatisfy { $0.message.contains("(with [policy] for the setting not given here)") })
    }

    @Test func domainProblems() {
        let lines = ConfigFixture.lines(in: """
            [policy.domains."example.com"]
            required_score = 4

            [policy.domains."EXAMPLE.com."]
            subject_tag = "x"

            [policy.domains."not a domain"]
            requied_score = 1

            [policy.domains]
            "flat.example" = 5
            """)
        #expect(lines == [
            "swfilter.toml:4: policy.domains.\"EXAMPLE.com.\": domain example.com is configured twice (domain names ignore case)",
            "swfilter.toml:7: policy.domains.\"not a domain\": \"not a domain\" is not a domain name (letters, digits, '-' and '_' between dots; IDNs in xn-- form)",
            "swfilter.toml:8: policy.domains.\"not a domain\".requied_score: unknown key; did you mean required_score?",
            "swfilter.toml:11: policy.domains.\"flat.example\": expected a table, found an integer",
        ])
    }
}
