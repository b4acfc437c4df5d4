import Foundation
import Synchronization
import Testing
@testable import Rules

/// A `StartGuard` must leave every match where it was: same starts, same ends, same counts.
@Suite struct StartGuardTests {
    private static let words = ["name", "nam", "age", "ages", "city", "co(?:u|n)ntry", "ad+res+", "a\\sb", "[a-c]d", "x?yz", "\\d{1,3}[.)]",
                                "no\\b", "e-?mail", "(?:ph|f)one", "\\s?or\\s", "[^a-z]{2}", "\\R", "(?=n)n", "(?i:Ab)", "\\Bb"]
    private static let wrappers = ["", "?", "{0,2}", "{1,3}", "+", "*?"]

    /// Word alternations behind optional items, the shape the guard is for.
    static func formPattern(_ generator: inout SplitMix) -> String {
        var pattern = ""
        if generator.next(below: 2) == 0 { pattern += "(?:your\\s)?" }
        let branches = (0..<(2 + generator.next(below: 6))).map { _ in Self.words[generator.next(below: Self.words.count)] }
        pattern += "(?:" + branches.joined(separator: "|") + ")" + wrappers[generator.next(below: wrappers.count)]
        if generator.next(below: 2) == 0 { pattern += "[:\\s]" }
        if generator.next(below: 3) == 0 { pattern = "(?:" + pattern + "){2}" }
        return pattern
    }

    static let lineBytes: [UInt8] = Array("nameagcitycountryaddressyour ab cd yz 12.1) or no e-mail phone fone NAME AB\r\n:;".utf8)

    static func line(_ generator: inout SplitMix) -> [UInt8] {
        var line: [UInt8] = []
        for _ in 0..<generator.next(below: 8) {
            let start = generator.next(below: lineBytes.count)
            line += lineBytes[start..<min(lineBytes.count, start + 1 + generator.next(below: 8))]
        }
        return line
    }

    @Test func guardedPatternsMatchWhereTheirOriginalsMatch() throws {
        var generator = SplitMix(seed: 29)
        let allOptions: [RegexOptions] = [[], .caseless, .dotAll, [.caseless, .multiline]]
        var guarded = 0, compared = 0, matching = 0
        let lines = (0..<24).map { _ in Self.line(&generator) }
        for round in 0..<300 {
            let source: String
            switch round % 3 {
            case 0: source = Self.formPattern(&generator)
            case 1: source = LineGateSoundnessTests.pattern(&generator)
            default: source = RandomPattern.make(using: &generator)
            }
            let options = allOptions[generator.next(below: allOptions.count)]
            guard let original = try? CompiledRegex(source, options: options),
                  let bytes = StartGuard.guarded(Array(source.utf8), options: options, onlyWhenWorthIt: false) else { continue }
            let rewrite = try #require(try? CompiledRegex(bytes: bytes, options: options), "/\(source)/ -> \(String(decoding: bytes, as: UTF8.self))")
            #expect(rewrite.captureCount == original.captureCount)
            guarded += 1
            for line in lines {
                let expected = original.matches(in: line)
                if !expected.ranges.isEmpty { matching += 1 }
                compared += 1
                #expect(rewrite.matches(in: line).ranges == expected.ranges, "/\(source)/ on \(String(decoding: line, as: UTF8.self))")
            }
        }
        #expect(guarded > 80)
        #expect(matching > compared / 10)
    }

    /// Guards read with one memo shared by many patterns, on several threads at once, are the
    /// guards each pattern gets alone.
    @Test func guardsWithASharedMemoAreTheGuardsAlone() {
        var generator = SplitMix(seed: 11)
        // Alternations long enough to be remembered, each used by many patterns.
        let groups = (0..<6).map { _ in "(?:" + (0..<12).map { _ in Self.words[generator.next(below: Self.words.count)] }.joined(separator: "|") + ")" }
        let patterns = (0..<120).map { _ in
            Array((groups[generator.next(below: groups.count)] + Self.formPattern(&generator) + groups[generator.next(below: groups.count)]).utf8)
        }
        let memo = PatternGateParser.Memo()
        let shared = Mutex<[Int: [UInt8]]>([:])
        DispatchQueue.concurrentPerform(iterations: patterns.count) { index in
            if let guarded = StartGuard.guarded(patterns[index], options: [], memo: memo) { shared.withLock { $0[index] = guarded } }
        }
        let guards = shared.withLock { $0 }
        for (index, pattern) in patterns.enumerated() {
            #expect(guards[index] == StartGuard.guarded(pattern, options: []), "\(String(decoding: pattern, as: UTF8.self))")
        }
        #expect(patterns.contains { StartGuard.guarded($0, options: []) != nil })
    }

    @Test func prefixesFollowSequencesAlternativesAndRepeats() throws {
        func prefixes(_ pattern: String, _ options: RegexOptions = []) throws -> Set<String> {
            var parser = PatternGateParser(pattern: Array(pattern.utf8), options: options, tracksPrefixes: true)
            let paths = try #require(try parser.parseAll().prefixes).paths
            return Set(paths.map { path in
                (0..<path.count).map { String(decoding: StartGuard.classText(path[$0]), as: UTF8.self) }.joined() + (path.complete ? "" : "…")
            })
        }
        // Repeats are read with no upper bound: `b?` as `b*` (looser, never wrong).
        #expect(try prefixes("ab?c") == ["\\x61\\x63", "\\x61\\x62\\x63…", "\\x61\\x62\\x62…"])
        #expect(try prefixes("(?:x|yz)\\bw+") == ["\\x78\\x77", "\\x78\\x77\\x77…", "\\x79\\x7a\\x77…"])
        #expect(try prefixes("a{0,2}b") == ["\\x62", "\\x61\\x62", "\\x61\\x61\\x62…", "\\x61\\x61\\x61…"])
        #expect(try prefixes("\\Rx") == ["[\\x0a-\\x0d\\x85]…"])
        #expect(try prefixes("(a)\\1b") == ["\\x61…"])
        #expect(try prefixes("(?=q)Q", .caseless) == ["[\\x51\\x71]"])
    }

    @Test func guardIsATrieOfTheStartingBytes() throws {
        let pattern = Array("(?:name|nation|age|city|country|state|sex|phone|fax|email)\\s*:".utf8)
        let bytes = try #require(StartGuard.guarded(pattern))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("(?=(?:"))
        #expect(text.hasSuffix(")(?:" + String(decoding: pattern, as: UTF8.self) + ")"))
        // "na" then "t" or "m" (the more frequent byte first); a failure after a byte ends the attempt.
        #expect(text.contains("\\x6e(*PRUNE)\\x61(*PRUNE)(?:\\x74|\\x6d)"))
        #expect(text.contains("\\x73(*PRUNE)(?:\\x65(*PRUNE)\\x78|\\x74(*PRUNE)\\x61)"))  // "sex" or "sta"
    }

    @Test func trieBranchesTestDisjointBytes() throws {
        // `[ab]c` and `ad` share the byte a: it gets a branch of its own that holds both continuations.
        let paths = try #require(StartGuard.startPaths(of: Array("(?:[ab]c|ad)".utf8), options: []))
        let text = String(decoding: StartGuard.trie(paths), as: UTF8.self)
        #expect(text == "(?:\\x61(*PRUNE)(?:\\x64|\\x63)|\\x62(*PRUNE)\\x63)")
    }

    @Test func trieOfMoreThanSixtyFourPathsKeepsEveryPath() {
        // Paths 0…64 start with q (their bits span two words), path 65 with r (the more frequent
        // byte, so its branch comes first).
        var paths = (0..<65).map { StartPrefixes.Path(first: ByteSet([UInt8(ascii: "q")]), second: ByteSet([0x80 + UInt8($0)]), count: 2, complete: true) }
        paths.append(StartPrefixes.Path(first: ByteSet([UInt8(ascii: "r")]), second: ByteSet([UInt8(ascii: "z")]), count: 2, complete: true))
        // Equally rare bytes in the order of their sets' words: 0xc0 (in the last word) first.
        let seconds = ([0xC0] + (0x80..<0xC0)).map { String(format: "\\x%02x", $0) }.joined(separator: "|")
        #expect(String(decoding: StartGuard.trie(paths), as: UTF8.self) == "(?:\\x72(*PRUNE)\\x7a|\\x71(*PRUNE)(?:" + seconds + "))")
    }

    @Test func patternsThatCannotGainKeepTheirForm() {
        #expect(StartGuard.guarded(Array("^(?:name|age|city|country|state|sex|phone|fax|email)".utf8)) == nil)
        #expect(StartGuard.guarded(Array("(?:name|age)".utf8)) == nil)
        #expect(StartGuard.guarded(Array("x?(?:name|age|city|country|state|sex|phone|fax|email)".utf8), options: .extended) == nil)
        #expect(StartGuard.guarded(Array("\\w*(?:name|age|city|country|state|sex|phone|fax|email)".utf8)) == nil)
        #expect(StartGuard.guarded(Array("(?:name|age|city|country|state|sex|phone|fax|email)(?x) # x".utf8)) == nil)
    }
}

/// SpamAssassin's form rules run behind a start guard and still match exactly where they did.
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin (Debian package spamassassin)"))
struct StockRuleStartGuardTests {
    private static let lines = [
        "Your full name: ________ Your address: ________ Your phone number: ________ Your age: ____",
        "Full Name:.......... Country:.......... Occupation:.......... Mobile Number:.......... Sex:........",
        "Name / Address / Phone / Country / Age / Occupation",
        "name: address: city: state: zip code: country: telephone: fax: email: age: sex:",
        "Please send your bank name, account number and swift code: ____________",
        "Your full names, home address, direct phone number, occupation and age.",
        "Beneficiary name: \u{2026} Bank address: \u{2026} Account number: \u{2026} Routing number: \u{2026}",
        "Login name: ___ Password: ___ Reference number: ___ Amount won: ___",
        "Employment: ____ Monthly income: ____ Loan amount needed: ____ Loan duration: ____",
        "The name of the city is not an address; her age and sex were not asked, no one's business.",
        "Hello Bob, the meeting moved to 3pm; see https://example.com/agenda?id=42&x=1 -- Alice",
        "",
    ]

    @Test func formRulesAreGuardedAndMatchAsBefore() throws {
        let compiled = StockRules.compiled
        let guardedNames = Set(compiled.body.filter { $0.searchRegex.pattern.hasPrefix("(?=") }.map { compiled.ruleSet[$0.id].name })
        for name in ["__FILL_THIS_FORM_SHORT2", "__FILL_THIS_FORM_LONG2", "__FILL_THIS_FORM_FRAUD_PHISH1"] {
            #expect(guardedNames.contains(name), "\(name)")
        }
        var matching = 0
        for rule in compiled.body + compiled.rawBody + compiled.uri where rule.searchRegex.pattern.hasPrefix("(?=") {
            let name = compiled.ruleSet[rule.id].name
            for line in Self.lines {
                let text = Array(line.utf8)
                let expected = rule.regex.firstMatch(in: text).isMatch
                if expected { matching += 1 }
                #expect(rule.searchRegex.firstMatch(in: text).isMatch == expected, "\(name) on \(line)")
            }
        }
        #expect(matching >= 8)
    }
}
