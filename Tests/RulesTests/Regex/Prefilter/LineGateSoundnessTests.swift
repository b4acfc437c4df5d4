import Foundation
import Testing
@testable import Rules

/// A line gate may only ever turn away lines the regex cannot match.
@Suite struct LineGateSoundnessTests {
    static let atoms = ["a", "b", "Z", "e", "0", "7", "\\$", "\\.", ",", "-", " ", "&", "\\xe9", "\\xa0", ".", "\\d", "\\D", "\\w",
                        "\\W", "\\s", "\\S", "\\h", "\\H", "\\v", "\\V", "\\b", "\\B", "^", "$", "[a-z]", "[A-Z]", "[0-9a-f]",
                        "[^a-z]", "[^\\s]", "[\\d.,]", "[[:upper:]]", "[[:^alpha:]]", "[$\\xa3]", "[\\x80-\\xff]", "[^\\W\\d]",
                        "[-a]", "[]a]", "\\x41", "\\t", "\\Qa.\\E"]
    static let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{3,}", "{1,4}", "+?", "*+", "{0,2}"]

    static func pattern(_ generator: inout SplitMix, depth: Int = 0) -> String {
        var text = ""
        for _ in 0..<(1 + generator.next(below: 4)) {
            var atom: String
            switch generator.next(below: depth < 2 ? 10 : 6) {
            case 6: atom = "(" + pattern(&generator, depth: depth + 1) + ")"
            case 7: atom = "(?:" + pattern(&generator, depth: depth + 1) + "|" + pattern(&generator, depth: depth + 1) + ")"
            case 8:
                let kinds = ["(?i:", "(?=", "(?!", "(?>", "(?-i:"]
                atom = kinds[generator.next(below: kinds.count)] + pattern(&generator, depth: depth + 1) + ")"
            case 9: atom = ["(?<=a)", "(?<!\\d)", "(?i)", "\\1"][generator.next(below: 4)]
            default: atom = atoms[generator.next(below: atoms.count)]
            }
            text += atom + quantifiers[generator.next(below: quantifiers.count)]
        }
        return text
    }

    static let lineBytes: [UInt8] = Array("aAbBzZeE0179$.,-  &\t".utf8) + [0xE9, 0xA0, 0x85, 0xA3]

    static func line(_ generator: inout SplitMix) -> [UInt8] {
        (0..<generator.next(below: 24)).map { _ in lineBytes[generator.next(below: lineBytes.count)] }
    }

    @Test func randomPatternsNeverLoseAMatch() {
        var generator = SplitMix(seed: 11)
        let allOptions: [RegexOptions] = [[], .caseless, .dotAll, [.caseless, .multiline], .extended]
        var patterns: [(CompiledRegex, [UInt8], RegexOptions)] = []
        while patterns.count < 400 {
            let source = Array(Self.pattern(&generator).utf8)
            let options = allOptions[generator.next(below: allOptions.count)]
            if let regex = try? CompiledRegex(bytes: source, options: options) { patterns.append((regex, source, options)) }
        }
        let lines = (0..<400).map { _ in Self.line(&generator) }
        let prefilter = LiteralPrefilter(patterns: patterns.map { ($0.1, $0.2) })
        let candidates = prefilter.candidatesByLine(in: lines)
        var matches = 0, turnedAway = 0
        for (target, (regex, source, _)) in patterns.enumerated() {
            let gate = prefilter.lineGates[target]
            for (index, line) in lines.enumerated() {
                let admitted = gate?.admits(line) ?? true
                if !admitted { turnedAway += 1 }
                guard regex.firstMatch(in: line).isMatch else { continue }
                matches += 1
                let shown = "/\(String(decoding: source, as: UTF8.self))/ on \(line)"
                #expect(admitted, "gate \(String(describing: gate)) refused \(shown)")
                #expect(candidates.contains(target, line: index), "prefilter dropped \(shown)")
            }
        }
        #expect(prefilter.lineGates.compactMap { $0 }.count > 150)
        #expect(matches > 10000)
        #expect(turnedAway > 10000)
    }

    /// Lines of the shared corpus when present, and lines written to trip money, hash and
    /// capitals rules.
    static func sampleLines() -> [[UInt8]] {
        var lines = [
            "You will receive $10,500,000.00 (TEN MILLION US DOLLARS) as sum of USD 4.5M",
            "Transfer of EUR 2.000.000 and \u{00a3}1,000,000 GBP into your account, 35% to you",
            "hash 3f9a0c2be4d17788a9b0c1d2e3f40516 end of message", "ABCDEFGHIJKLMNOPQRSTUVW are capitals",
            "The Quick BROWNFOXJUMPEDOVERLAZY dog Jumps", "x        y        z    spaced out     text",
            "Wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT please pay 3J98t1WMegUV8Sxp5NXB7kWa3vJAhyLwaB",
            "abcdefgh abcdefgh abcdefgh abcdefgh abcdefgh abcdefgh abcdefgh abcdefgh.",
            "wonderful happiness tomorrow everybody something anything nothing elsewhere whatever.",
            "v1agra c1alis ph@rmacy for cheap and l0w prices", "Dear friend, I am Dr. Oz, contact me at once",
        ].map { Array($0.utf8) }
        let corpus = URL(fileURLWithPath: "/work/shared/corpora/spamassassin")
        for folder in ["spam", "ham"] {
            let directory = corpus.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted().prefix(20)
            for name in names {
                guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else { continue }
                lines += data.split(separator: 0x0A).prefix(60).map { Array($0) }
            }
        }
        return lines
    }

    @Test(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin"))
    func stockRulesNeverLoseAMatch() throws {
        let rules = RuleLoader().load(path: StockRules.directory)
        let patterns = (rules.rules(of: .body) + rules.rules(of: .rawbody) + rules.rules(of: .uri)).compactMap(\.test.pattern)
        let lines = Self.sampleLines()
        var gated = 0, checked = 0
        for pattern in patterns {
            let options = RegexOptions(rawValue: pattern.options.rawValue)
            guard let gate = LineGateExtractor.gate(for: pattern.source, options: options),
                  let regex = try? CompiledRegex(bytes: pattern.source, options: options) else { continue }
            gated += 1
            // Only the lines the gate turns away need the regex's word.
            for line in lines where !gate.admits(line) {
                checked += 1
                #expect(!regex.firstMatch(in: line).isMatch,
                        "gate \(gate) refused a line /\(regex.pattern)/ matches: \(String(decoding: line, as: UTF8.self).debugDescription)")
            }
        }
        #expect(gated > 300)
        #expect(checked > 10000)
    }
}
