import Testing
@testable import Rules

/// SpamAssassin's own rules, projected for ASCII text: each projection must find exactly the
/// matches of its rule on ASCII lines written to trip the fuzzy (`replace_rules`) rules.
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin (Debian package spamassassin)"))
struct StockRuleProjectionTests {
    private static let lines = [
        "If you do not pay me 2000 USD within 48 hours, I will send the video to all your contacts.",
        "Send me the amount of $950 in Bitcoin. You have 24 hours. I have installed malware on your device.",
        "I've put a virus on your computer. My trojan recorded you; transfer exactly 0.1 BTC to my wallet.",
        "Your full name: ________ Your address: ________ Your phone number: ________ Your age: ____",
        "Full Name:.......... Country:.......... Occupation:.......... Mobile Number:.......... Sex:........",
        "Please send your bank name, account number and swift code: ____________",
        "Dear Beneficiary, your ATM card worth US$1,500,000.00 has been approved. Contact the diplomat.",
        "Ple&#97;se p&#x61;y rne 500 d0llars, y0u h4ve 2 dayz. Vi&#97;gra &amp; C1alis che@p!!!",
        "Click here to unsubscribe. This is not spam. Earn $$$ from home, 100% free, no obligation.",
        "Hello Bob, the meeting moved to 3pm; see https://example.com/agenda?id=42&x=1 -- Alice",
        "RE: your password has expired. Verify your account at once or it will be suspended.",
        "Give you 3 days. I know your password. Your webcam recorded you. I want 1000 EUR.",
        "",
    ]

    @Test func projectionsMatchExactlyWhereTheirRulesDoOnASCIILines() throws {
        let compiled = StockRules.compiled
        let patternRules = compiled.body + compiled.rawBody + compiled.uri + compiled.full
        var projected = 0, matching = 0
        for rule in patternRules {
            let name = compiled.ruleSet[rule.id].name
            let plainLines = Self.lines.filter { !$0.contains("&") }
            if !rule.matchesASCII || !rule.matchesPlain {
                let lines = rule.matchesASCII ? plainLines : Self.lines
                for line in lines { #expect(!rule.regex.firstMatch(in: Array(line.utf8)).isMatch, "\(name) on \(line)") }
            }
            var matched = false
            for (projection, lines) in [(rule.asciiRegex, Self.lines), (rule.plainRegex, plainLines)] {
                guard let projection else { continue }
                projected += 1
                for line in lines {
                    let text = Array(line.utf8)
                    let expected = rule.regex.matches(in: text)
                    if rule.searchRegex === rule.regex {
                        #expect(projection.matches(in: text) == expected, "\(name) on \(line)")
                    } else {
                        // Also rewritten by LeadingOptionalRewrite, which keeps only whether it matches.
                        #expect(projection.firstMatch(in: text).isMatch == !expected.ranges.isEmpty, "\(name) on \(line)")
                    }
                    if !expected.ranges.isEmpty { matched = true }
                }
            }
            if matched { matching += 1 }
        }
        #expect(projected > 30)
        #expect(matching >= 5)
    }
}
