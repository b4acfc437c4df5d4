import Testing
@testable import Rules

/// The byte-level shortcuts of the eval functions give what the String or regex path they stand
/// for gives, non-ASCII text included.
@Suite struct EvalByteShortcutsTests {
    @Test func requestParsingMatchesHeaderRequest() {
        let requests = ["From:addr", "Resent-From:first:addr", " To :name", "\tSubject:raw\t", "EnvelopeFrom", "X-Foo:host", "From:",
                        "Sujet\u{E9}:addr", "ALL", "Received:last", ":addr", "", "To::addr", "From:addr:raw:first:last:name"]
        for text in requests {
            #expect(EvalContext.parsedRequest(text) == HeaderRequest(parsing: text), "\(text.debugDescription)")
        }
    }

    /// FreeMail's dot squeezing by Character: the reference the fast path must agree with.
    private func squeezedByCharacter(_ address: String) -> String {
        var result = ""
        for character in address where !(character == "." && result.last == ".") { result.append(character) }
        return result
    }

    @Test func dotSqueezingMatchesCharacterLoop() {
        // "\u{600}" (an Arabic prepend mark) joins the "." after it into one Character
        let addresses = ["a.b@c.d", "a..b@c...d", "..", ".", "", "caf\u{E9}..x@y", "a.\u{301}.b", "a\u{600}..b", "x.\u{301}.\u{301}.y"]
        for address in addresses {
            #expect(EvalContext.squeezingDots(address) == squeezedByCharacter(address), "\(address.debugDescription)")
        }
    }

    private static let innerSpace = try! CompiledRegex(#"\S\s+\S"#)
    private static let base64Run = try! CompiledRegex(#"^(?:[A-Za-z0-9+/=]{60,76} ){2}"#)

    @Test func uppercaseLineTestsMatchTheirPatterns() {
        let pieces = [" ", "\t", "\u{0B}", "a", "Z", "\u{E9}", "+/=", String(repeating: "A", count: 30), String(repeating: "b9", count: 15), "-", "\r"]
            .map { Array($0.utf8) }
        var generator = SplitMix(seed: 0xCA95)
        var lines = (0..<20_000).map { _ in (0..<generator.next(below: 10)).flatMap { _ in pieces[generator.next(below: pieces.count)] } }
        let run60 = String(repeating: "Q", count: 60), run76 = String(repeating: "Q", count: 76), run77 = String(repeating: "Q", count: 77)
        lines += ["\(run60) \(run76) x", "\(run60) \(run77) ", "\(run76)  \(run60) ", " \(run60) \(run60) ", "\(run60) \(run60)"].map { Array($0.utf8) }
        for line in lines {
            let text = String(decoding: line, as: UTF8.self).debugDescription
            #expect(MIMEEvals.hasInnerSpace(line) == Self.innerSpace.firstMatch(in: line).isMatch, "\(text)")
            #expect(MIMEEvals.startsWithBase64Run(line) == Self.base64Run.firstMatch(in: line).isMatch, "\(text)")
        }
        #expect(MIMEEvals.startsWithBase64Run(Array("\(run60) \(run76) x".utf8)))
    }

    /// The squeeze as two passes (commas and the spaces after them, then white space runs), the
    /// reference the one-pass squeeze must agree with.
    private func squeezedInTwoPasses(_ date: [UInt8]) -> [UInt8] {
        let bytes = [0x20] + date + [0x20]
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ",") {
                result.append(0x20)
                index += 1
                while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                continue
            }
            result.append(ASCII.isPerlSpace(bytes[index]) ? 0x20 : bytes[index])
            index += 1
        }
        var collapsed: [UInt8] = []
        for byte in result where !(byte == 0x20 && collapsed.last == 0x20) { collapsed.append(byte) }
        return collapsed
    }

    /// Dates near the canonical form and far from it: pieces joined at random, and canonical
    /// dates with one piece bent.
    private func sampleDates() -> [[UInt8]] {
        var generator = SplitMix(seed: 0xDA7E)
        let pieces = ["Sun", "Mon,", "thu", "X1z", "29", "1", "07", "123", "Nov", "nOV", "Foo", "Sept", "2026", "99", "07", "20261",
                      "19:38:52", "9:05:01", "19:38", "19:38:5", "24:61:61", "+0000", "-0530", "+00000", "+000", "(PST)", "PST", "GMT",
                      "EDT-DST", ",", " ", "  ", "\t", "\r\n", "\n ", "\u{E9}", "\u{FF}", "\u{3000}", "-", "+", ":"]
            .map { Array($0.utf8) }
        var dates: [[UInt8]] = []
        for _ in 0..<20_000 {
            var date: [UInt8] = []
            for _ in 0..<generator.next(below: 9) {
                date += pieces[generator.next(below: pieces.count)]
                if generator.next(below: 3) != 0 { date.append(0x20) }
            }
            dates.append(date)
        }
        let months = ["Jan", "feb", "MAR", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Xyz"]
        for _ in 0..<20_000 {
            func two(_ bound: Int) -> String { let value = generator.next(below: bound); return value < 10 ? "0\(value)" : "\(value)" }
            var parts: [String] = ["\(generator.next(below: 40))", months[generator.next(below: months.count)], "\(1900 + generator.next(below: 200))",
                         "\(two(30)):\(two(70)):\(two(70))", (generator.next(below: 2) == 0 ? "+" : "-") + two(24) + two(60)]
            if generator.next(below: 2) == 0 { parts.insert(["Sun,", "Mon", "tue,", "1st"][generator.next(below: 4)], at: 0) }
            if generator.next(below: 4) == 0 { parts[generator.next(below: parts.count)] = String(decoding: pieces[generator.next(below: pieces.count)], as: UTF8.self) }
            // what may follow the zone, dates and times among it
            let suffixes = ["(PST)", "GMT", "", "+0200", "(09:10:11 -0100)", "3 Mar 2001 01:02:03 +0400", "EDT-DST", "(PST) 12:00", "x 7 Jun 1999"]
            if generator.next(below: 3) == 0 { parts.append(suffixes[generator.next(below: suffixes.count)]) }
            let separators = [" ", ", ", "  ", "\t"]
            let separator = separators[generator.next(below: separators.count)]
            dates.append(Array(parts.joined(separator: separator).utf8))
        }
        return dates
    }

    @Test func dateSqueezeMatchesTwoPasses() {
        for date in sampleDates() {
            #expect(RFC822Date.squeeze(date) == squeezedInTwoPasses(date), "\(String(decoding: date, as: UTF8.self).debugDescription)")
        }
    }

    @Test func canonicalDateShortcutMatchesPatternWalk() {
        var shortcuts = 0
        for date in sampleDates() {
            let text = String(decoding: date, as: UTF8.self).debugDescription
            if RFC822Date.squeeze(date).withUnsafeBufferPointer(RFC822Date.canonicalFields) != nil { shortcuts += 1 }
            #expect(RFC822Date.parse(bytes: date) == RFC822Date.parse(bytes: date, canonicalShortcut: false), "\(text)")
        }
        #expect(RFC822Date.parse("Sun, 29 Nov 2026 19:38:52 +0000") == 1_795_981_132)
        // the shortcut must have been taken often enough for the comparison to mean something
        #expect(shortcuts > 5_000)
    }

    @Test func receivedLinesMatchSplitAndFilter() {
        let pieces = ["a", " ", "\t", "\n", "\n\n", "\u{0B}", "\u{0C}", "x y", "from a by b; 1 Jan 2020"].map { Array($0.utf8) }
        var generator = SplitMix(seed: 0x11E5)
        for _ in 0..<5_000 {
            let text = (0..<generator.next(below: 12)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            let expected = text.split(separator: 0x0A).filter { $0.contains(where: { !ASCII.isPerlSpace($0) }) }
            #expect(DateSummary.receivedLines(text) == expected, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
    }

    @Test func joinedValueBytesMatchJoinedStrings() {
        let pieces: [[UInt8]] = [Array("abc".utf8), Array("caf\u{E9}".utf8), [0xE9], [0xC3], [0xC3, 0xA9], [0xFF, 0x41], [0x0A], [], [0xED, 0xA0, 0x80]]
        var generator = SplitMix(seed: 0x10B)
        for _ in 0..<5_000 {
            let values = (0..<generator.next(below: 5)).map { _ in (0..<generator.next(below: 4)).flatMap { _ in pieces[generator.next(below: pieces.count)] } }
            let expected = Array(values.map { ASCII.string($0) }.joined().utf8)
            #expect(EvalContext.joinedRepairingUTF8(values) == expected, "\(values)")
        }
    }

    @Test func caseCountsMatchByteClassLoops() {
        var generator = SplitMix(seed: 0xCA5E)
        for _ in 0..<2_000 {
            let line = (0..<generator.next(below: 80)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            var lower = 0, upper = 0
            for byte in line {
                if ByteClass.isLowerLetter(byte) || ByteClass.isDigit(byte) { lower += 1 } else if ByteClass.isUpperLetter(byte) { upper += 1 }
            }
            let counts = MIMEEvals.caseCounts(line)
            #expect(counts.characters == MIMEStatistics.characterCount(line))
            #expect(counts.lowerOrDigit == lower)
            #expect(counts.upper == upper)
        }
    }

    /// The class B of a dotted quad by Characters, as it was first written.
    private func classBByCharacters(_ text: String) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return parts[0] + "." + parts[1]
    }

    @Test func classBMatchesCharacterSplit() {
        let pieces = ["1", "23", "255", "0", ".", "..", "a", "\u{301}", "\u{663}", "\u{FF11}", " ", "-", "\r\n"]
        var generator = SplitMix(seed: 0xB16)
        var quads = ["192.168.1.2", "1.2.3", "1.2.3.4.5", ".1.2.3", "1.2.3.", "1..2.3", "1.2.3.4\u{301}", "1.\u{301}2.3.4", ""]
        for _ in 0..<20_000 { quads.append((0..<generator.next(below: 9)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()) }
        for text in quads {
            #expect(ForgedReceivedCounts.classB(text) == classBByCharacters(text), "\(text.debugDescription)")
        }
    }

    @Test func headerByteCensusMatchesSeparateScans() {
        var generator = SplitMix(seed: 0x111E)
        let interesting: [UInt8] = [0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0xA2, 0xA3, 0xAE, 0xC3, 0xA9, 0xFF]
        for _ in 0..<5_000 {
            let text = (0..<generator.next(below: 40)).map { _ in
                generator.next(below: 2) == 0 ? interesting[generator.next(below: interesting.count)] : UInt8(truncatingIfNeeded: generator.next())
            }
            let isControl: (UInt8) -> Bool = { $0 <= 0x08 || $0 == 0x0B || $0 == 0x0C || (0x0E...0x1F).contains($0) }
            let census = HeaderEvals.ByteCensus(text)
            #expect(census.hasNonSpace == text.contains(where: { !ASCII.isPerlSpace($0) }))
            #expect(census.hasHighBit == text.contains(where: { $0 >= 0x80 }))
            #expect((census.controls > 0) == text.contains(where: isControl))
            #expect(census.controls + census.deleteOrHighBit == text.reduce(0) { $0 + (isControl($1) || $1 >= 0x7F ? 1 : 0) })
            #expect(census.exemptSymbols == text.reduce(0) { $0 + ($1 == 0xA2 || $1 == 0xA3 || $1 == 0xAE ? 1 : 0) })
        }
    }
}
