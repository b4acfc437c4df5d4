import Testing
@testable import Rules

/// Each hand matcher of `DatePatterns` finds what its PCRE pattern finds (the same leftmost
/// match, the same groups) on dates, near-dates and random texts, non-ASCII bytes included.
@Suite struct DatePatternsTests {
    private static let months = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    private static var patterns: [(name: String, regex: CompiledRegex, byHand: (UnsafeBufferPointer<UInt8>) -> DatePatterns.Match?)] {
        [
            ("dayMonthYear", try! CompiledRegex(" (\\d+) \(months) (\\d{4}) ", options: .caseless), { DatePatterns.dayMonthYear($0, yearDigits: 4...4) }),
            ("monthDayTimeYear", try! CompiledRegex(" \(months) +(\\d+) \\d+:\\d+:\\d+ (\\d{4}) ", options: .caseless), DatePatterns.monthDayTimeYear),
            ("dayMonthShortYear", try! CompiledRegex(" (\\d+) \(months) (\\d{2,3}) ", options: .caseless), { DatePatterns.dayMonthYear($0, yearDigits: 2...3) }),
            ("time", try! CompiledRegex(" (\\d?\\d):(\\d\\d)(:(\\d\\d))? "), DatePatterns.time),
            ("numericZone", try! CompiledRegex(" ([-+]\\d{4}) "), DatePatterns.numericZone),
            ("namedZone", try! CompiledRegex("\\b([A-Z]{2,4}(?:-DST)?)\\b"), DatePatterns.namedZone),
        ]
    }
    private static let receivedDate = try! CompiledRegex(#"(\s.?\d+ \S\S\S \d+ \d+:\d+:\d+ \S+)"#)

    private static let samples = [
        " Mon, 2 Sep 2002 10:00:00 +0000 ", " 2 SEP 02 10:00 -0130 ", " Tue 31 feb 2004 25:61:61 PDT ", " Mon Sep  2 10:00:00 2002 ",
        " Mon Sep 2 10:00:00 2002 ", " 1 jan 1920 00:00:00 +9999 ", " Wed 4 Mar 999 01:02:03 XYZ ", " 2 Sep 2002 1:02 ", " 12 Sep 20021 ",
        " 3 S\u{E9}p 2002 ", " x 123:45 ", " 1:2 ", " 01:02:0 ", " 01:02:03:04 ", " EST-DST ", " ESTX ", " E ", "GMT", " a_EST ", " EST_ ",
        " CEST-DSTX MEST ", " +01234 ", " -0100x -0100 ", "  7 Oct 2010  ", " \u{17F}ep ", " KST ", " 5 Nov 2003 ", " 5  Nov 2003 ",
    ]

    private static func regexMatch(_ regex: CompiledRegex, _ text: [UInt8]) -> DatePatterns.Match? {
        guard let groups = regex.captureGroups(in: text), let whole = groups[0] else { return nil }
        return DatePatterns.Match(whole: whole, groups: Array(groups.dropFirst()))
    }

    /// Random texts of date pieces and stray bytes, seeded for repeatability.
    private static func randomTexts(count: Int, seed: UInt64) -> [[UInt8]] {
        let pieces = [" ", " ", "  ", "\t", ",", "1", "12", "2002", "02", "999", "12345", "Sep", "jAN", "Xyz", "10:00:00", "1:02", "1:2:3",
                      ":", "+0100", "-0130", "+012", "EST", "CEST", "-DST", "GMTX", "Z", "_", "x", "\u{E9}", "\r", "\u{0B}"].map { Array($0.utf8) }
        var generator = SplitMix(seed: seed)
        return (0..<count).map { _ in (0..<generator.next(below: 12)).flatMap { _ in pieces[generator.next(below: pieces.count)] } }
    }

    @Test func handMatchersAgreeWithTheirPatterns() {
        let texts = Self.samples.map { Array($0.utf8) } + Self.randomTexts(count: 30_000, seed: 0x5EED_DA7E)
        for (name, regex, byHand) in Self.patterns {
            var mismatches = 0
            for text in texts where text.withUnsafeBufferPointer(byHand) != Self.regexMatch(regex, text) {
                mismatches += 1
                if mismatches <= 3 { Issue.record("\(name) differs on \(String(decoding: text, as: UTF8.self).debugDescription)") }
            }
            #expect(mismatches == 0, "\(name)")
        }
    }

    @Test func receivedDateAgreesWithItsPattern() {
        let lines = ["from a by b; Mon, 2 Sep 2002 10:00:00 +0000", "by x id 1; 2 Sep 2002 10:00:00 -0700 (PDT)", " 12 Sep 2002 1:2:3 Z",
                     "x\t1 Sep 2002 10:00:00 +0000", "x 12 S p 2002 1:2:3 Z", "x 1 Sep 2002 10:00:00 ", "x a1 Sep 2002 10:00:00 Z"]
        let random = Self.randomTexts(count: 30_000, seed: 0xC0FFEE)
        for text in lines.map({ Array($0.utf8) }) + random {
            let expected = Self.receivedDate.captureGroups(in: text).flatMap { $0[1] }
            #expect(text.withUnsafeBufferPointer(DatePatterns.receivedDate) == expected, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            #expect(DateSummary.receivedDate(in: text[...]) == expected)
        }
        // a slice keeps its own indices; "\r" goes through the regex
        let line = Array("zz by b; Mon, 2 Sep 2002 10:00:00 +0000\r".utf8)
        #expect(DateSummary.receivedDate(in: line[2...]) == Self.receivedDate.captureGroups(in: line).flatMap { $0[1] })
        #expect(DateSummary.receivedDate(in: line[2..<(line.count - 1)]) == 13..<(line.count - 1))
    }
}
