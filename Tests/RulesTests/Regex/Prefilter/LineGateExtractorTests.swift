import Testing
@testable import Rules

@Suite struct LineGateExtractorTests {
    static func set(_ text: String) -> ByteSet { ByteSet(Array(text.utf8)) }
    static let upper = ByteSet(range: 0x41...0x5A), lower = ByteSet(range: 0x61...0x7A)

    @Test func countedRunsBecomeRequiredRuns() throws {
        let gate = try #require(LineGateExtractor.gate(for: "\\b[A-Z][a-z]+\\s[A-Z]{16,}\\b"))
        #expect(gate.minLength == 19)
        #expect(gate.runs.contains(RequiredRun(bytes: Self.upper, length: 16)))
        #expect(!gate.admits(Array("Hello WORLD of capitals".utf8)))
        #expect(gate.admits(Array("Hello ABCDEFGHIJKLMNOPQ".utf8)))
    }

    @Test func caselessWidensClassesToBothCases() throws {
        let caseless = try #require(LineGateExtractor.gate(for: "[a-z]{8}", options: .caseless))
        #expect(caseless.runs == [RequiredRun(bytes: Self.upper.union(Self.lower), length: 8)])
        let inline = try #require(LineGateExtractor.gate(for: "x(?i)[a-z]{8}"))
        #expect(inline.runs.contains(RequiredRun(bytes: Self.upper.union(Self.lower), length: 8)))
        let scoped = try #require(LineGateExtractor.gate(for: "(?i:q)[a-z]{8}"))
        #expect(scoped.runs.contains(RequiredRun(bytes: Self.lower, length: 8)))
        #expect(scoped.classes.contains(Self.set("qQ")))
        let negated = try #require(LineGateExtractor.gate(for: "[^a]{3}", options: .caseless))
        #expect(negated.runs == [RequiredRun(bytes: Self.set("aA").complement, length: 3)])
    }

    @Test func requiredBytesSurviveAlternationJoined() throws {
        let gate = try #require(LineGateExtractor.gate(for: "(?:\\$|\\x{a3})\\s?\\d"))
        #expect(gate.minLength == 2)
        #expect(gate.classes.contains(ByteSet([UInt8(ascii: "$"), 0xA3])))
        #expect(gate.classes.contains(EscapeClass.digits))
        #expect(!gate.admits(Array("costs 5 pounds".utf8)))
        #expect(gate.admits(Array("costs $5".utf8)))
    }

    @Test func stretchesOfKnownBytesAreRuns() throws {
        // Six words of eight lower case letters, each followed by spaces or dots: 54 bytes of
        // [a-z\s.] in a row.
        let gate = try #require(LineGateExtractor.gate(for: "\\b(?:[a-z]{8,}[\\s\\.]+){6}"))
        #expect(gate.minLength == 54)
        let words = Self.lower.union(EscapeClass.space.superset).union(Self.set("."))
        #expect(gate.runs.contains(RequiredRun(bytes: words, length: 54)))
        #expect(gate.runs.contains(RequiredRun(bytes: Self.lower, length: 8)))
        #expect(!gate.admits(Array("Several, Capitalised words: interrupt; the stretches of lowercase everywhere here".utf8)))
    }

    @Test func optionalAndZeroWidthPartsRequireNothing() throws {
        #expect(LineGateExtractor.gate(for: "x?\\$*") == nil)
        let lookahead = try #require(LineGateExtractor.gate(for: "(?=\\$)ab"))
        #expect(!lookahead.classes.contains { $0.contains(UInt8(ascii: "$")) && !$0.contains(UInt8(ascii: "a")) })
        let dot = try #require(LineGateExtractor.gate(for: ".{3}", options: .dotAll))
        #expect(dot.minLength == 3 && dot.classes.isEmpty && dot.runs.isEmpty)
        // A back reference could be anything: it ends the stretch of digits.
        let reference = try #require(LineGateExtractor.gate(for: "(\\d)\\1\\d"))
        #expect(reference.runs.isEmpty && reference.minLength == 2)
    }

    @Test func unreadableSyntaxGetsNoGate() {
        for pattern in ["(?(1)a|b)cd", "(*UTF)abc", "a{,3}bc", "(?R)abc", "[[:nonsense:]]abc", "\\p{L}[\\p{L}]", "abc(", "a**"] {
            #expect(LineGateExtractor.gate(for: pattern) == nil, "\(pattern)")
        }
    }

    @Test func escapeClassesBoundTheTruth() throws {
        // Every byte PCRE2 matches is in the superset; every byte of the subset matches.
        for letter in "dDwWsShHvV".utf8 {
            let type = try #require(EscapeClass(letter))
            let regex = try CompiledRegex(bytes: [UInt8(ascii: "\\"), letter])
            for byte in 0...255 {
                let matches = regex.firstMatch(in: [UInt8(byte)]).isMatch
                if matches { #expect(type.superset.contains(UInt8(byte)), "\\\(UnicodeScalar(letter)) \(byte)") }
                if type.subset.contains(UInt8(byte)) { #expect(matches, "\\\(UnicodeScalar(letter)) \(byte)") }
            }
        }
    }

    @Test func byteSetCaseClosureAndPresence() {
        #expect(Self.set("aZ!").caseClosed == Self.set("aAzZ!"))
        let line = Array("Price: $5\u{00e9}".utf8)
        let present = line.withUnsafeBufferPointer { LineFeatures.presence(in: $0) }
        #expect(present == ByteSet(line))
        #expect(LineFeatures.textKind(of: present) == .eightBit)
        #expect(LineFeatures.textKind(of: Self.set("a&b")) == .ascii)
        #expect(LineFeatures.longestRun(of: Self.lower, in: Array("ab CDE fghi j".utf8)) == 4)
    }
}
