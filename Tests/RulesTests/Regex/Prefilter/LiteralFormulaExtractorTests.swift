import Foundation
import Testing
@testable import Rules

/// A literal formula may only ever turn away lines the regex cannot match.
@Suite struct LiteralFormulaExtractorTests {
    private func text(_ formula: LiteralFormula?) -> String {
        guard let formula else { return "nil" }
        return formula.terms.map { term in
            term.map { $0.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "|") }.joined(separator: " & ")
        }.joined(separator: " ; ")
    }

    @Test func alternativesKeepEachBranchsWords() {
        let formula = LiteralFormulaExtractor.formula(for: "\\b(?:give\\syou|within)\\s\\d+\\s(?:hours|days)")
        #expect(text(formula) == "give & you & hours ; give & you & days ; within & hours ; within & days")
        #expect(formula?.admits(Array("I give you 3 days".utf8)) == true)
        #expect(formula?.admits(Array("WITHIN 2 HOURS".utf8)) == true)
        for refused in ["you have 3 days", "give 3 days", "within 3 weeks"] {
            #expect(formula?.admits(Array(refused.utf8)) == false, "\(refused)")
        }
    }

    @Test func stretchesBetweenGapsAreRequiredTogether() {
        let formula = LiteralFormulaExtractor.formula(for: "by\\sthe\\send\\sof\\sthe\\s(?:work\\s)?day")
        #expect(formula?.admits(Array("by the end of the day".utf8)) == true)
        #expect(formula?.admits(Array("the end".utf8)) == false)
        #expect(formula?.admits(Array("the day".utf8)) == false)
    }

    @Test func optionalAndAssertedPartsRequireNothing() {
        #expect(LiteralFormulaExtractor.formula(for: "(?:abcdef)?(?=ghijk)(?!lmnop)") == nil)
        let formula = LiteralFormulaExtractor.formula(for: "(?<=zzz)abc(?:def)*\\s+ghi")
        #expect(formula?.admits(Array("abc ghi".utf8)) == true)
        #expect(formula?.admits(Array("abcdef".utf8)) == false)
    }

    @Test func unknownStructureGivesNoFormula() {
        for pattern in ["(?x)abc def ghi", "abc\\Qdef\\E ghi", "(?(1)abc|def)ghi", "(*UCP)abcdef", "(abc)(?1)def",
                        "abc{,3}def", "(?x: abc ) def"] {
            #expect(LiteralFormulaExtractor.formula(for: pattern) == nil, "\(pattern)")
        }
        #expect(LiteralFormulaExtractor.formula(for: "abc\\sdef", options: .extended) == nil)
    }

    static let atoms = ["the", "end", "day", "you", "give", "with", "in", "a", "e", "3", " ", "\\s", "\\d", ".", "\\b", "\\w+",
                        "[a-z]", "[eE3]", "[^a]", "\\x74he", "\\.", "&#101;", "\\xe9", "[\\xe0-\\xe9]", "(?i)", "\\1", "$", "^"]
    static let quantifiers = ["", "", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "+?"]

    static func pattern(_ generator: inout SplitMix, depth: Int = 0) -> String {
        var text = ""
        for _ in 0..<(1 + generator.next(below: 5)) {
            var atom: String
            switch generator.next(below: depth < 2 ? 10 : 7) {
            case 7: atom = "(" + pattern(&generator, depth: depth + 1) + ")"
            case 8: atom = "(?:" + pattern(&generator, depth: depth + 1) + "|" + pattern(&generator, depth: depth + 1) + ")"
            case 9:
                let kinds = ["(?i:", "(?=", "(?!", "(?>", "(?<=t", "(?:"]
                atom = kinds[generator.next(below: kinds.count)] + pattern(&generator, depth: depth + 1) + ")"
            default: atom = atoms[generator.next(below: atoms.count)]
            }
            text += atom + quantifiers[generator.next(below: quantifiers.count)]
        }
        return text
    }

    static let words = ["the", "THE", "end", "day", "you", "give", "with", "in", "a", "e", "3", " ", " ", "1", "7", ".", "th3",
                        "&#101;", "\u{e9}", "giveyou", "dayend"]

    static func line(_ generator: inout SplitMix) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<generator.next(below: 10) {
            let word = words[generator.next(below: words.count)]
            bytes += word == "\u{e9}" ? [0xE9] : Array(word.utf8)
        }
        return bytes
    }

    @Test func randomPatternsNeverLoseAMatch() {
        var generator = SplitMix(seed: 23)
        var patterns: [(CompiledRegex, [UInt8])] = []
        while patterns.count < 300 {
            let source = Array(Self.pattern(&generator).utf8)
            if let regex = try? CompiledRegex(bytes: source, options: .caseless) { patterns.append((regex, source)) }
        }
        let lines = (0..<200).map { _ in Self.line(&generator) }
        var withFormula = 0, matches = 0, turnedAway = 0
        for (regex, source) in patterns {
            let formula = LiteralFormulaExtractor.formula(for: source, options: .caseless)
            let asciiFormula = LiteralFormulaExtractor.formula(for: source, options: .caseless, asciiText: true)
            if formula != nil { withFormula += 1 }
            for line in lines {
                let admitted = formula?.admits(line) ?? true
                let plain = line.allSatisfy(LiteralPrefilter.isPlain)
                let asciiAdmitted = !plain || (asciiFormula?.admits(line) ?? true)
                if !admitted { turnedAway += 1 }
                guard !admitted || !asciiAdmitted, regex.firstMatch(in: line).isMatch else { continue }
                matches += 1
                let shown = "/\(String(decoding: source, as: UTF8.self))/ on \(String(decoding: line, as: UTF8.self).debugDescription)"
                #expect(admitted, "formula \(text(formula)) refused \(shown)")
                #expect(asciiAdmitted, "plain-text formula \(text(asciiFormula)) refused \(shown)")
            }
        }
        #expect(withFormula > 100)
        #expect(turnedAway > 5000)
    }

    @Test func prefilterKeepsEveryMatchingLine() {
        var generator = SplitMix(seed: 5)
        var patterns: [(CompiledRegex, [UInt8])] = []
        while patterns.count < 200 {
            let source = Array(Self.pattern(&generator).utf8)
            if let regex = try? CompiledRegex(bytes: source, options: .caseless) { patterns.append((regex, source)) }
        }
        let lines = (0..<150).map { _ in Self.line(&generator) }
        let prefilter = LiteralPrefilter(patterns: patterns.map { ($0.1, RegexOptions.caseless) }, lineFormulas: true)
        let plain = LiteralPrefilter(patterns: patterns.map { ($0.1, RegexOptions.caseless) })
        let candidates = prefilter.candidatesByLine(in: lines), before = plain.candidatesByLine(in: lines)
        for (target, (regex, source)) in patterns.enumerated() {
            for (index, line) in lines.enumerated() {
                #expect(!candidates.contains(target, line: index) || before.contains(target, line: index))
                guard regex.firstMatch(in: line).isMatch else { continue }
                #expect(candidates.contains(target, line: index),
                        "prefilter dropped /\(String(decoding: source, as: UTF8.self))/ on \(String(decoding: line, as: UTF8.self).debugDescription)")
            }
        }
    }

    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
    func stockRulesNeverLoseAMatch() throws {
        let rules = RuleLoader().load(path: StockRules.directory)
        let patterns = (rules.rules(of: .body) + rules.rules(of: .rawbody) + rules.rules(of: .uri)).compactMap(\.test.pattern)
        let lines = LineGateSoundnessTests.sampleLines() + [
            "I will give you 48 hours to pay", "by the end of the day", "you have only 2 days", "your deadline is today",
            "I have installed a malware on your device", "please send your full name, address and phone number",
            "bank name: , account number: ....", "your login name: ", "passport / id card: ______",
        ].map { Array($0.utf8) }
        let compiled = patterns.compactMap { pattern -> (CompiledRegex, [UInt8], RegexOptions)? in
            let options = RegexOptions(rawValue: pattern.options.rawValue)
            return (try? CompiledRegex(bytes: pattern.source, options: options)).map { ($0, pattern.source, options) }
        }
        let sources = compiled.map { ($0.1, $0.2) }
        let after = LiteralPrefilter(patterns: sources, lineFormulas: true).candidatesByLine(in: lines)
        let before = LiteralPrefilter(patterns: sources).candidatesByLine(in: lines)
        var withFormula = Set<Int>(), checked = 0
        for (target, (regex, _, _)) in compiled.enumerated() {
            for (index, line) in lines.enumerated() where before.contains(target, line: index) && !after.contains(target, line: index) {
                withFormula.insert(target)
                checked += 1
                #expect(!regex.firstMatch(in: line).isMatch,
                        "the formula refused a line /\(regex.pattern)/ matches: \(String(decoding: line, as: UTF8.self).debugDescription)")
            }
        }
        #expect(withFormula.count > 20)
        #expect(checked > 500)
    }
}
