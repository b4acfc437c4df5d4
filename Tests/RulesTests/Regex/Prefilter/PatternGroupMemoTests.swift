import Foundation
import Synchronization
import Testing
@testable import Rules

/// Reading patterns with a `PatternGroupMemo` shared between them gives what reading each alone
/// gives, in every mode of the literal and gate readers, and takes groups from the memo.
struct PatternGroupMemoTests {
    /// A look-alike group as long as SpamAssassin's, used by several patterns and at several depths.
    private static let letter = "(?:[aA@\\xc0\\xc1\\xc2]|[\\xc3][\\x80\\x81\\x82\\x83\\x84\\x85\\xa0\\xa1]|&\\#(?:97|x61);|[\\xd0][\\x90\\xb0])"
    private static let word = "(?:[pP]|\\xd1\\x80)\(letter)(?:[yY]|\\xd1\\x83)"

    /// Every reading a batch of patterns gets, as text, with or without shared memos.
    private static func readings(of patterns: [[UInt8]], options: RegexOptions = [], memos: PatternReadingMemos?) -> [String] {
        let literalGroups = memos?.literalGroups, gateGroups = memos?.gateGroups
        return patterns.flatMap { pattern -> [String] in
            var lines: [String] = []
            for (ascii, alphanumeric) in [(false, false), (true, false), (false, true), (true, true)] {
                let found = RequiredLiterals.extract(from: pattern, options: options, asciiText: ascii, alphanumeric: alphanumeric, memo: literalGroups)
                lines.append("literals \(ascii) \(alphanumeric) \(String(describing: found))")
            }
            for ascii in [false, true] {
                let gated = RequiredLiterals.extractGated(from: pattern, options: options, asciiText: ascii, memo: literalGroups)
                lines.append("gated \(ascii) \(String(describing: gated))")
            }
            let both = RequiredLiterals.extractWithRepeated(from: pattern, options: options, memo: literalGroups)
            lines.append("repeated \(String(describing: both))")
            let high = RequiredLiterals.extract(from: pattern, options: options, highBytes: LiteralPrefilter.commonHighBytes, memo: literalGroups)
            lines.append("highBytes \(String(describing: high))")
            lines.append("lineGate \(String(describing: LineGateExtractor.gate(for: pattern, options: options, memo: gateGroups)))")
            var parser = PatternGateParser(pattern: pattern, options: options, tracksPrefixes: true, memo: gateGroups)
            let knowledge = try? parser.parseAll()
            lines.append("prefixes \(String(describing: knowledge?.prefixes?.paths)) \(parser.sawExtended) \(parser.sawQuoting)")
            return lines
        }
    }

    private static func bytes(_ patterns: [String]) -> [[UInt8]] { patterns.map { Array($0.utf8) } }

    @Test func sharedGroupsReadAsAlone() {
        let patterns = Self.bytes([
            "\\b\(Self.word)\\s+me\\b", "(?i)\(Self.word)(?:ment|\(Self.letter)ble)", "x(?:\(Self.word)){3,}",
            "(?=\(Self.letter))\(Self.letter)bc", "(?x) \(Self.letter) \\s", "(?:\(Self.letter)|zz)\\Q(a)\\E\(Self.letter)",
            "\(Self.letter)(?i:\(Self.letter))", "(?<=\(Self.letter))q",
        ])
        #expect(Self.readings(of: patterns, memos: PatternReadingMemos()) == Self.readings(of: patterns, memos: nil))
    }

    @Test func randomPatternsReadAsAlone() {
        var random = SplitMix(seed: 7)
        // Random pieces padded past the memo's minimum length and reused across patterns.
        let pieces = (0..<12).map { _ in "(?:" + RandomPattern.make(using: &random) + "|" + String(repeating: "abcdefgh", count: 8) + ")" }
        let patterns = Self.bytes((0..<150).map { _ in
            (0..<3).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] + RandomPattern.make(using: &random) }.joined()
        })
        #expect(Self.readings(of: patterns, memos: PatternReadingMemos()) == Self.readings(of: patterns, memos: nil))
        #expect(Self.readings(of: patterns, options: .caseless, memos: PatternReadingMemos()) == Self.readings(of: patterns, options: .caseless, memos: nil))
    }

    /// Prefilters built at once on several threads with one shared memo read their patterns as
    /// prefilters built alone do.
    @Test func prefiltersSharingMemosAcrossThreadsAgree() {
        var random = SplitMix(seed: 9)
        let words = [Self.word, Self.letter + "ble", "(?i:" + Self.word + ")\\s+now", "x" + Self.letter + "{2}y"]
        let batches = (0..<8).map { _ in
            (0..<20).map { _ in (bytes: Array((words[random.next(below: words.count)] + RandomPattern.make(using: &random)).utf8), options: RegexOptions()) }
        }
        @Sendable func summary(_ prefilter: LiteralPrefilter) -> String {
            "\(prefilter.literals) \(prefilter.asciiLiterals) \(prefilter.alphanumericLiterals.map { $0.map { "\($0.literals) \($0.gate)" } }) "
                + "\(prefilter.lineGates) \(prefilter.runSetSummaries) \(prefilter.regexCount.description)"
        }
        let memos = PatternReadingMemos()
        let shared = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: batches.count) { index in
            let built = summary(LiteralPrefilter(patterns: batches[index], lineFormulas: true, memos: memos))
            shared.withLock { $0[index] = built }
        }
        let summaries = shared.withLock { $0 }
        for (index, batch) in batches.enumerated() {
            #expect(summaries[index] == summary(LiteralPrefilter(patterns: batch, lineFormulas: true)))
        }
    }

    /// A group remembered near the top may sit so deep in another pattern that its nesting
    /// passes the readers' limit there: that pattern is refused as it is without the memo.
    @Test func nestingLimitHoldsForRememberedGroups() {
        let inner = String(repeating: "(?:", count: 10) + Self.letter + String(repeating: ")", count: 10)
        let deep = String(repeating: "(?:", count: 92) + inner + String(repeating: ")", count: 92)
        let memos = PatternReadingMemos()
        #expect(RequiredLiterals.extract(from: Array("\(inner)xyz".utf8), memo: memos.literalGroups) != nil)
        #expect(LineGateExtractor.gate(for: Array("\(inner)xyz".utf8), memo: memos.gateGroups) != nil)
        #expect(RequiredLiterals.extract(from: Array("\(deep)xyz".utf8), memo: memos.literalGroups) == nil)
        #expect(LineGateExtractor.gate(for: Array("\(deep)xyz".utf8), memo: memos.gateGroups) == nil)
    }

    /// What a reader records on the side while reading a group (gate bytes, `\Q`) is recorded
    /// again when the group comes from the memo.
    @Test func rememberedGroupsRecordWhatTheyRecorded() {
        let memos = PatternReadingMemos()
        let gatedGroup = "(?:[iI!]|\\xc3\\xad)(?:" + String(repeating: "n", count: 70) + ")"
        let alone = RequiredLiterals.extractGated(from: Array("\(gatedGroup)ce".utf8))
        _ = RequiredLiterals.extractGated(from: Array("(\(gatedGroup))".utf8), memo: memos.literalGroups)
        let recalled = RequiredLiterals.extractGated(from: Array("(\(gatedGroup))ce".utf8), memo: memos.literalGroups)
        #expect(alone?.gate == [UInt8(ascii: "!")])
        #expect(recalled?.gate == alone?.gate)
        let quoting = "(?:\\Q" + String(repeating: "q", count: 70) + "\\E|b)"
        var first = PatternGateParser(pattern: Array("a\(quoting)".utf8), options: [], memo: memos.gateGroups)
        _ = try? first.parseAll()
        var second = PatternGateParser(pattern: Array("b\(quoting)".utf8), options: [], memo: memos.gateGroups)
        _ = try? second.parseAll()
        #expect(first.sawQuoting && second.sawQuoting)
    }

    @Test func sharedReadingsComeFromTheMemo() {
        let memo = PatternLiteralParser.Memo()
        let pattern = Array("\(Self.word)s".utf8)
        #expect(memo.entry(in: pattern, at: 0, context: Self.plainContext) == nil)
        _ = RequiredLiterals.extract(from: pattern, memo: memo)
        #expect(memo.entry(in: pattern, at: 0, context: Self.plainContext) == nil)  // the word is no group of its own
        let letterStart = Self.word.utf8.count - Self.letter.utf8.count - "(?:[yY]|\\xd1\\x83)".utf8.count
        #expect(memo.entry(in: pattern, at: letterStart, context: Self.plainContext)?.text.count == Self.letter.utf8.count)
        #expect(memo.entry(in: pattern, at: letterStart, context: Self.asciiContext) == nil)
    }

    private static let plainContext = PatternLiteralParser.GroupContext(asciiText: false, alphanumeric: false, gating: false,
                                                                        allowedHighBytes: nil, extended: false, inAssertion: false)
    private static let asciiContext = PatternLiteralParser.GroupContext(asciiText: true, alphanumeric: false, gating: false,
                                                                        allowedHighBytes: nil, extended: false, inAssertion: false)
}
