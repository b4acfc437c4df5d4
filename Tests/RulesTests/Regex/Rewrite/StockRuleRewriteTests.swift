import Testing
@testable import Rules

/// SpamAssassin's own rules: each one `LeadingOptionalRewrite` rewrites must match exactly the
/// lines its original matches, and the costly form rules must start on fewer bytes.
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin (Debian package spamassassin)"))
struct StockRuleRewriteTests {
    private static let lines = [
        "If you do not pay me 2000 USD within 48 hours, I will send the video to all your contacts.",
        "Send me the amount of $950 in Bitcoin. You have 24 hours. I have installed malware on your device.",
        "Your full name: ________ Your address: ________ Your phone number: ________ Your age: ____",
        "Full Name:.......... Country:.......... Occupation:.......... Mobile Number:.......... Sex:........",
        "1) Full Name: 2) Address: 3) Telephone: 4) Occupation: 5) Age:",
        "Name / Address / Phone / Country / Age",
        "Please send your bank name, account number and swift code: ____________",
        "Your full names, home address, direct phone number, occupation and age.",
        "Dear Beneficiary, your ATM card worth US$1,500,000.00 has been approved. Contact the diplomat.",
        "Ple&#97;se p&#x61;y rne 500 d0llars, y0u h4ve 2 dayz. Vi&#97;gra &amp; C1alis che@p!!!",
        "Click here to unsubscribe. This is not spam. Earn $$$ from home, 100% free, no obligation.",
        "Hello Bob, the meeting moved to 3pm; see https://example.com/agenda?id=42&x=1 -- Alice",
        "Votre nom complet: \u{e9}\u{e9}\u{e9} adresse: \u{2026}\u{2026} t\u{e9}l\u{e9}phone: ___",
        "Nome completo: ____ Endere\u{e7}o: ____ Telefone: ____",
        "40% of the total sum for you, 60% for me. Viagra, Cialis, Levitra",
        "",
    ]

    @Test func rewrittenRulesMatchTheLinesTheirOriginalsMatch() throws {
        let compiled = StockRules.compiled
        var rewritten = 0, gainedStartBytes = 0, matching = 0
        for rule in compiled.body + compiled.rawBody + compiled.uri + compiled.full {
            let name = compiled.ruleSet[rule.id].name
            guard let bytes = LeadingOptionalRewrite.rewrite(rule.regex.literalSource, options: rule.regex.options) else {
                #expect(rule.searchRegex === rule.regex, "\(name)")
                continue
            }
            let rewrite = try #require(try? CompiledRegex(bytes: bytes, options: rule.regex.options, limits: rule.regex.limits), "\(name)")
            rewritten += 1
            if rewrite.startByteCount < rule.regex.startByteCount { gainedStartBytes += 1 }
            for line in Self.lines {
                let text = Array(line.utf8)
                let expected = rule.regex.firstMatch(in: text).isMatch
                if expected { matching += 1 }
                #expect(rewrite.firstMatch(in: text).isMatch == expected, "\(name) on \(line)")
                #expect(rule.searchRegex.firstMatch(in: text).isMatch == expected, "\(name) on \(line)")
                for projection in [rule.asciiRegex, rule.plainRegex].compactMap({ $0 }) where !text.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "&") }) {
                    #expect(projection.firstMatch(in: text).isMatch == expected, "\(name) projection on \(line)")
                }
            }
        }
        #expect(rewritten > 10)
        #expect(matching >= 5)
        #expect(gainedStartBytes >= 4)
    }

    @Test func formRulesRunARewriteStartingOnFewerBytes() throws {
        let compiled = StockRules.compiled
        let names: Set = ["__FILL_THIS_FORM_SHORT2", "__FILL_THIS_FORM_LONG2", "__FILL_THIS_FORM_FRAUD_PHISH1", "__FILL_THIS_FORM_LOAN1"]
        let rules = compiled.body.filter { names.contains(compiled.ruleSet[$0.id].name) }
        #expect(rules.count == names.count)
        for rule in rules {
            let name = compiled.ruleSet[rule.id].name
            #expect(rule.searchRegex !== rule.regex, "\(name)")
            // LONG2 repeats its group five times: too large for PCRE2, it runs factored into
            // subroutines, through which PCRE2 computes no start bytes.
            if name != "__FILL_THIS_FORM_LONG2" { #expect(rule.searchRegex.startByteCount < rule.regex.startByteCount, "\(name)") }
        }
    }

    @Test func multipleRulesKeepTheirPattern() {
        let compiled = StockRules.compiled
        let multiple = (compiled.body + compiled.rawBody).filter { compiled.ruleSet[$0.id].flags.isMultiple }
        #expect(!multiple.isEmpty)
        for rule in multiple { #expect(rule.searchRegex === rule.regex, "\(compiled.ruleSet[rule.id].name)") }
    }
}
