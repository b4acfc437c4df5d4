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

    static func knowledge(_ pattern: String, _ options: RegexOptions = []) throws -> GateKnowledge {
        try #require(LineGateExtractor.knowledge(of: Array(pattern.utf8), options: options))
    }

    @Test func caselessWidensClassesToBothCases() throws {
        let letters = Self.upper.union(Self.lower)
        #expect(try Self.knowledge("[a-z]{8}", .caseless).runs == [RequiredRun(bytes: letters, length: 8)])
        #expect(try Self.knowledge("x(?i)[a-z]{8}").runs.contains(RequiredRun(bytes: letters, length: 8)))
        let scoped = try Self.knowledge("(?i:q)[a-z]{8}")
        #expect(scoped.runs.contains(RequiredRun(bytes: Self.lower, length: 8)))
        #expect(scoped.classes.contains(Self.set("qQ")))
        #expect(try Self.knowledge("[^a]{3}", .caseless).runs == [RequiredRun(bytes: Self.set("aA").complement, length: 3)])
        #expect(try Self.knowledge("(?i)x(?-i)[a-z]{3}").runs.contains(RequiredRun(bytes: Self.lower, length: 3)))
        // Long runs of letters are rare enough for the gate to keep.
        let gate = try #require(LineGateExtractor.gate(for: "[a-z]{30}", options: .caseless))
        #expect(gate.runs == [RequiredRun(bytes: letters, length: 30)])
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
        // Eight lower case letters in a row the parser knows of, but nearly every line has them:
        // the gate leaves that run out.
        #expect(try Self.knowledge("\\b(?:[a-z]{8,}[\\s\\.]+){6}").runs.contains(RequiredRun(bytes: Self.lower, length: 8)))
        #expect(!gate.runs.contains(RequiredRun(bytes: Self.lower, length: 8)))
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
        // ASCII bytes exactly; 8-bit ones all at once.
        #expect(present == ByteSet(line.filter { $0 < 0x80 }).union(ByteSet(range: 0x80...0xFF)))
        #expect(Array("plain".utf8).withUnsafeBufferPointer { LineFeatures.presence(in: $0) } == Self.set("plain"))
        #expect(LineFeatures.textKind(of: present) == .eightBit)
        #expect(LineFeatures.textKind(of: Self.set("a&b")) == .ascii)
        #expect(LineFeatures.longestRun(of: Self.lower, in: Array("ab CDE fghi j".utf8)) == 4)
    }

    @Test func runLanesMeasureEveryLaneAtOnce() {
        let sets = [Self.lower, Self.upper, EscapeClass.digits, EscapeClass.space.superset, Self.set("ab"), Self.set("-"),
                    ByteSet(range: 0x80...0xFF), Self.lower.union(Self.set(" ")), Self.set("z"), Self.set("Zz0"), Self.set("\t")]
        let lanes = RunLanes(sets: sets)
        var generator = SplitMix(seed: 5)
        let alphabet = Array("aabbzZZ09 - \t".utf8) + [0xE9, 0xFF]
        for round in 0..<300 {
            // Long texts too, so that runs pass the 127 cap.
            let length = round % 10 == 0 ? 400 : generator.next(below: 60)
            let text: [UInt8] = (0..<length).map { _ in round % 20 == 0 ? UInt8(ascii: "a") : alphabet[generator.next(below: alphabet.count)] }
            let measured = text.withUnsafeBufferPointer { lanes.longestRuns(in: $0) }
            for (lane, set) in sets.enumerated() {
                let expected = min(LineFeatures.longestRun(of: set, in: text), RunLanes.maxLength)
                #expect(Int(measured[lane]) == expected, "lane \(lane) of \(text)")
                var needed = RunLanes.Lengths()
                needed[lane] = UInt64(expected)
                #expect(RunLanes.meets(measured, needed))
                if expected < RunLanes.maxLength {
                    needed[lane] = UInt64(expected + 1)
                    #expect(!RunLanes.meets(measured, needed))
                }
            }
        }
    }
}
