/// Decides, in one pass over a message's texts, which of many regexes can possibly match: a regex
/// with required literals (see `RequiredLiterals`) is a candidate only when one of them occurs,
/// ignoring ASCII case; a regex without any is always a candidate. Built once, shared read-only.
///
/// A regex may instead have literals that hold only for plain text, ASCII without `&`
/// (`asciiLiterals`): it is a candidate for a text holding a byte above 0x7F or an `&`, or one of
/// those literals.
///
/// A regex with neither may have literals in the text's `AlphanumericProjection`
/// (`alphanumericLiterals`), looked for there; some of those too hold only for plain text.
///
/// Line by line (`candidatesByLine`), a regex with a `LineGate` is also dropped from the lines
/// that fail it: too short, or lacking a byte or a run every match holds; and a regex with a
/// `LiteralFormula` (several literal sets joined as the pattern joins them) from the lines that
/// fail that.
public final class LiteralPrefilter: Sendable {
    /// Per regex, in the order given: its required literals, or nil when it always runs.
    public let literals: [[[UInt8]]?]
    /// Per regex: its literals on ASCII text, used when it has no `literals`.
    public let asciiLiterals: [[[UInt8]]?]
    public let matcher: LiteralMatcher
    /// Per regex without `literals` or `asciiLiterals`: its literals in the text's letters and
    /// digits, whether they hold only for plain text, and the `GateBytes` a text must lack for
    /// them to hold.
    public let alphanumericLiterals: [AlphanumericLiterals?]
    /// Per regex: the `LineGate` its candidate lines must pass, or nil.
    public let lineGates: [LineGate?]
    private let gateChecks: LineGateChecks
    /// Per regex: the `GateBytes` that make it a candidate wherever they occur.
    private let gates: [GateBytes.Mask]
    /// The same, per `gatedTargets` entry, as a set of bytes.
    private let gateSets: [ByteSet]
    private let gatedTargets: [Int]
    /// Over the `alphanumericLiterals`, passing over every byte the projection deletes.
    private let alphanumericMatcher: LiteralMatcher
    private let alwaysRun: TargetSet
    /// Candidates in any text that holds a byte above 0x7F or an `&`.
    private let runOnEightBit: TargetSet
    /// Regexes that need several non-overlapping occurrences of some literals (`RequiredLiterals.repeated`):
    /// a line holding fewer is no candidate for them.
    private let repeatedChecks: [RepeatedLiteralCheck]
    private let formulaChecks: LiteralFormulaChecks
    /// Where the `formulaChecks`' literal sets start among the `matcher`'s targets.
    private let setBase: Int
    /// Per-line checks only: the regexes of `runOnEightBit` that have literals for texts whose
    /// bytes above 0x7F are all `commonHighBytes` (`&` allowed), each with its target among the
    /// `matcher`'s (`highByteBase` + its index): on such a line they need one of those instead
    /// of running unconditionally.
    private let highByteRegexes: [Int]
    private let runOnEightBitWithoutHighByteLiterals: TargetSet
    private let highByteBase: Int

    /// The bytes above 0x7F that ordinary English mail holds: UTF-8's no-break space (C2 A0),
    /// typographic quotes, dashes, ellipsis and bullet (E2 80 xx), ©, ® and ·.
    static let commonHighBytes: HighByteSet = {
        var set = HighByteSet()
        for byte: UInt8 in [0xC2, 0xA0, 0xA9, 0xAE, 0xB7, 0xE2, 0x80, 0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D, 0xA2, 0xA6] { set.insert(byte) }
        return set
    }()

    public var regexCount: Int { literals.count }

    /// The line gate checked for regex `target`, described for reports (see
    /// `LineGateChecks.summary`), or nil; `runSetSummaries`: the shared run sets by lane.
    public func gateSummary(of target: Int) -> String? { gateChecks.summary(of: target) }
    public var runSetSummaries: [String] { gateChecks.runLanes.sets.map(LineGateChecks.show) }
    /// How many regexes have literals (and so can be skipped).
    public var prefilteredCount: Int { literals.count - alwaysRun.count }

    /// Extracts the literals of each pattern (and its ASCII-text literals when it has none).
    /// `lineFormulas`: also the `LiteralFormula` of each pattern with literals and the literals
    /// of patterns with ASCII-text literals for lines holding only `commonHighBytes`, checked by
    /// `candidatesByLine` (for views matched line by line).
    public convenience init(patterns: [(bytes: [UInt8], options: RegexOptions)], lineFormulas: Bool = false) {
        self.init(patterns: patterns, lineFormulas: lineFormulas, memos: PatternReadingMemos())
    }

    /// `memos`: what was read of the patterns' groups, shared with other prefilters.
    convenience init(patterns: [(bytes: [UInt8], options: RegexOptions)], lineFormulas: Bool = false, memos: PatternReadingMemos) {
        let groups = memos.literalGroups
        let readings = patterns.map { RequiredLiterals.extractWithRepeated(from: $0.bytes, options: $0.options, memo: groups) }
        let literals = readings.map(\.literals)
        let ascii = patterns.indices.map { index in
            literals[index] == nil
                ? RequiredLiterals.extract(from: patterns[index].bytes, options: patterns[index].options, asciiText: true, memo: groups) : nil
        }
        let repeated = readings.map(\.repeated)
        let alphanumeric = patterns.indices.map { index -> AlphanumericLiterals? in
            guard literals[index] == nil, ascii[index] == nil else { return nil }
            let (bytes, options) = patterns[index]
            if let found = RequiredLiterals.extract(from: bytes, options: options, alphanumeric: true, memo: groups) {
                return AlphanumericLiterals(literals: found)
            }
            if let found = RequiredLiterals.extract(from: bytes, options: options, asciiText: true, alphanumeric: true, memo: groups) {
                return AlphanumericLiterals(literals: found, plainTextOnly: true)
            }
            if let found = RequiredLiterals.extractGated(from: bytes, options: options, memo: groups) {
                return AlphanumericLiterals(literals: found.literals, gate: found.gate)
            }
            return RequiredLiterals.extractGated(from: bytes, options: options, asciiText: true, memo: groups).map {
                AlphanumericLiterals(literals: $0.literals, plainTextOnly: true, gate: $0.gate)
            }
        }
        let cache = LiteralFormulaCache(literalGroups: groups)
        let formulas = lineFormulas ? patterns.indices.map { index in
            LiteralPrefilter.formula(for: patterns[index], literals: literals[index], asciiLiterals: ascii[index], cache: cache)
        } : []
        let highByte = lineFormulas ? patterns.indices.map { index in
            literals[index] == nil && ascii[index] != nil
                ? RequiredLiterals.extract(from: patterns[index].bytes, options: patterns[index].options, highBytes: LiteralPrefilter.commonHighBytes,
                                           memo: groups)
                : nil
        } : []
        self.init(literals: literals, asciiLiterals: ascii, repeated: repeated, alphanumericLiterals: alphanumeric,
                  lineGates: patterns.map { LineGateExtractor.gate(for: $0.bytes, options: $0.options, memo: memos.gateGroups) },
                  formulaChecks: LiteralFormulaChecks(formulas: formulas), highByteLiterals: highByte)
    }

    public convenience init(regexes: [CompiledRegex], lineFormulas: Bool = false) {
        self.init(regexes: regexes, lineFormulas: lineFormulas, memos: PatternReadingMemos())
    }

    convenience init(regexes: [CompiledRegex], lineFormulas: Bool = false, memos: PatternReadingMemos) {
        self.init(patterns: regexes.map { ($0.literalSource, $0.options) }, lineFormulas: lineFormulas, memos: memos)
    }

    /// The formula of a pattern read as its literals were (`asciiLiterals`: for plain text
    /// only), when those literals are common enough for it to pay and it says more than they do.
    static func formula(for pattern: (bytes: [UInt8], options: RegexOptions), literals: [[UInt8]]?,
                        asciiLiterals: [[UInt8]]?, cache: LiteralFormulaCache) -> (formula: LiteralFormula, plainTextOnly: Bool)? {
        let asciiText: Bool
        let primary: [[UInt8]]
        if let literals {
            (asciiText, primary) = (false, literals)
        } else if let asciiLiterals {
            (asciiText, primary) = (true, asciiLiterals)
        } else {
            return nil
        }
        guard presence(of: primary) >= formulaPresence,
              let formula = LiteralFormulaExtractor.formula(for: pattern.bytes, options: pattern.options, asciiText: asciiText, cache: cache),
              formula != .requiring(primary) else { return nil }
        return (formula, asciiText)
    }

    /// Uses literal sets already extracted (nil: always run); `repeated`: per regex, literals it
    /// needs `count` non-overlapping occurrences of in a line, or nil.
    /// `alphanumericLiterals`: per regex, literals of letters and digits to look for in the
    /// texts' projections (used when it has neither of the others), and whether they hold only
    /// for plain text. `lineGates`: per regex, the `LineGate` its lines must pass, or nil.
    public convenience init(literals: [[[UInt8]]?], asciiLiterals: [[[UInt8]]?] = [], repeated: [(literals: [[UInt8]], count: Int)?] = [],
                            alphanumericLiterals: [AlphanumericLiterals?] = [], lineGates: [LineGate?] = []) {
        self.init(literals: literals, asciiLiterals: asciiLiterals, repeated: repeated, alphanumericLiterals: alphanumericLiterals,
                  lineGates: lineGates, formulaChecks: LiteralFormulaChecks(formulas: []))
    }

    init(literals: [[[UInt8]]?], asciiLiterals: [[[UInt8]]?], repeated: [(literals: [[UInt8]], count: Int)?],
         alphanumericLiterals: [AlphanumericLiterals?], lineGates: [LineGate?], formulaChecks: LiteralFormulaChecks,
         highByteLiterals: [[[UInt8]]?] = []) {
        self.formulaChecks = formulaChecks
        self.literals = literals
        let lineGates = literals.indices.map { lineGates.indices.contains($0) ? lineGates[$0] : nil }
        self.lineGates = lineGates
        let ascii = literals.indices.map { asciiLiterals.indices.contains($0) ? asciiLiterals[$0] : nil }
        self.asciiLiterals = ascii
        var always = TargetSet(capacity: literals.count)
        var eightBit = TargetSet(capacity: literals.count)
        var entries: [(bytes: [UInt8], target: Int)] = []
        var alphanumericEntries: [(bytes: [UInt8], target: Int)] = []
        var kept: [AlphanumericLiterals?] = Array(repeating: nil, count: literals.count)
        var gates = [GateBytes.Mask](repeating: 0, count: literals.count)
        func usable(_ set: [[UInt8]]?) -> [[UInt8]]? {
            guard let set, !set.isEmpty, set.allSatisfy({ !$0.isEmpty }) else { return nil }
            return set
        }
        for index in literals.indices {
            if let set = usable(literals[index]) {
                for literal in set { entries.append((literal, index)) }
            } else if let set = usable(ascii[index]) {
                for literal in set { entries.append((literal, index)) }
                eightBit.insert(index)
            } else if alphanumericLiterals.indices.contains(index), let found = alphanumericLiterals[index],
                      let set = usable(found.literals), set.allSatisfy({ $0.allSatisfy(AlphanumericProjection.keeps) }),
                      found.gate.allSatisfy({ GateBytes.bit($0) != nil }) {
                for literal in set { alphanumericEntries.append((literal, index)) }
                if found.plainTextOnly { eightBit.insert(index) }
                for byte in found.gate { gates[index] |= GateBytes.bit(byte) ?? 0 }
                kept[index] = found
            } else {
                always.insert(index)
            }
        }
        self.alphanumericLiterals = kept
        self.gates = gates
        gatedTargets = gates.indices.filter { gates[$0] != 0 }
        gateSets = gatedTargets.map { target in ByteSet(GateBytes.bytes.indices.filter { gates[target] & (1 << GateBytes.Mask($0)) != 0 }.map { GateBytes.bytes[$0] }) }
        alphanumericMatcher = LiteralMatcher(literals: alphanumericEntries, targetCount: literals.count,
                                             skipping: { !AlphanumericProjection.keeps($0) })
        alwaysRun = always
        gateChecks = LineGateChecks(gates: lineGates, alwaysRun: always)
        runOnEightBit = eightBit
        repeatedChecks = RepeatedLiteralCheck.grouping(repeated, limit: literals.count)
        // Formula sets are targets too, from the first whole word after the regexes.
        let setBase = (literals.count + 63) / 64 * 64
        self.setBase = setBase
        entries += formulaChecks.setLiterals.map { ($0.bytes, setBase + $0.set) }
        let highByteBase = (setBase + formulaChecks.setCount + 63) / 64 * 64
        self.highByteBase = highByteBase
        var highByteRegexes: [Int] = []
        var withoutHighByte = eightBit
        for (index, found) in highByteLiterals.enumerated() where index < literals.count && eightBit.contains(index) && literals[index] == nil {
            guard let set = usable(found), usable(ascii[index]) != nil else { continue }
            for literal in set { entries.append((literal, highByteBase + highByteRegexes.count)) }
            highByteRegexes.append(index)
            withoutHighByte.remove(index)
        }
        self.highByteRegexes = highByteRegexes
        runOnEightBitWithoutHighByteLiterals = withoutHighByte
        matcher = LiteralMatcher(literals: entries, targetCount: highByteBase + highByteRegexes.count)
    }

    /// The regexes that may match somewhere in `texts` (all texts of one view of one message).
    public func candidates(in texts: [UnsafeBufferPointer<UInt8>]) -> TargetSet {
        var found = alwaysRun
        var seen = matcher.makeSeenSet()
        var seenProjected = alphanumericMatcher.makeSeenSet()
        var eightBit = false
        var gated: GateBytes.Mask = 0
        for text in texts {
            matcher.scan(text, found: &found, seen: &seen)
            alphanumericMatcher.scan(text, found: &found, seen: &seenProjected)
            if !gatedTargets.isEmpty { gated |= GateBytes.present(in: text) }
            if !eightBit { eightBit = LiteralPrefilter.hasNonPlainByte(text) }
        }
        addGated(gated, to: &found)
        if eightBit { found.formUnion(runOnEightBit) }
        return found
    }

    /// Per text, the regexes that may match in that text alone: for views whose rules match each
    /// line separately (`body`, `rawbody`, `uri`), a regex then runs only on the lines holding one
    /// of its literals.
    public func lineCandidates(in lines: [[UInt8]]) -> [TargetSet] {
        candidatesByLine(in: lines).lines
    }

    /// `lineCandidates`, with their union and the lines' `TextKind`s.
    public func candidatesByLine(in lines: [[UInt8]]) -> LineCandidates {
        var seen = matcher.makeSeenSet()
        var anyLine = TargetSet(capacity: regexCount)
        var seenProjected = alphanumericMatcher.makeSeenSet()
        let extraTargets = !formulaChecks.isEmpty || !highByteRegexes.isEmpty
        var found = TargetSet(capacity: extraTargets ? highByteBase + highByteRegexes.count : regexCount)
        let wordsPerLine = anyLine.words.count
        var words: [UInt64] = []
        words.reserveCapacity(lines.count * wordsPerLine)
        var kinds: [TextKind] = []
        kinds.reserveCapacity(lines.count)
        for line in lines {
            if extraTargets { found.removeAll() }
            found.assign(alwaysRun)
            seen.removeAll()
            seenProjected.removeAll()
            line.withUnsafeBufferPointer { text in
                let present = LineFeatures.presence(in: text)
                let kind = LineFeatures.textKind(of: present)
                kinds.append(kind)
                matcher.scan(text, found: &found, seen: &seen)
                alphanumericMatcher.scan(text, found: &found, seen: &seenProjected)
                for (slot, target) in gatedTargets.enumerated() where gateSets[slot].intersects(present) { found.insert(target) }
                if kind != .plain { addNonPlain(to: &found, text: text) }
                if !formulaChecks.isEmpty { formulaChecks.filter(&found, kind: kind, setBase: setBase) }
                if !gateChecks.isEmpty { gateChecks.filter(&found, text: text, present: present) }
                for check in repeatedChecks { check.filter(&found, text: text) }
            }
            words.append(contentsOf: found.words.prefix(wordsPerLine))
            anyLine.formUnion(found)
        }
        return LineCandidates(words: words, wordsPerLine: wordsPerLine, anyLine: anyLine, textKinds: kinds)
    }

    /// The regexes that may match somewhere in `text` (one whole text, such as a header rule's),
    /// checked as `candidatesByLine` checks a line: literals, then repeated literals and line
    /// gates, which hold for any text a regex matches in, not only for lines.
    public func gatedCandidates(in text: UnsafeBufferPointer<UInt8>) -> TargetSet {
        var found = alwaysRun
        var seen = matcher.makeSeenSet()
        var seenProjected = alphanumericMatcher.makeSeenSet()
        let present = LineFeatures.presence(in: text)
        matcher.scan(text, found: &found, seen: &seen)
        alphanumericMatcher.scan(text, found: &found, seen: &seenProjected)
        for (slot, target) in gatedTargets.enumerated() where gateSets[slot].intersects(present) { found.insert(target) }
        if LineFeatures.textKind(of: present) != .plain { found.formUnion(runOnEightBit) }
        if !gateChecks.isEmpty { gateChecks.filter(&found, text: text, present: present) }
        for check in repeatedChecks { check.filter(&found, text: text) }
        return found
    }

    public func candidates(in texts: [[UInt8]]) -> TargetSet {
        var found = alwaysRun
        var seen = matcher.makeSeenSet()
        var seenProjected = alphanumericMatcher.makeSeenSet()
        var gated: GateBytes.Mask = 0
        var eightBit = false
        for text in texts {
            text.withUnsafeBufferPointer { buffer in
                matcher.scan(buffer, found: &found, seen: &seen)
                alphanumericMatcher.scan(buffer, found: &found, seen: &seenProjected)
                if !gatedTargets.isEmpty { gated |= GateBytes.present(in: buffer) }
                if !eightBit { eightBit = LiteralPrefilter.hasNonPlainByte(buffer) }
            }
        }
        addGated(gated, to: &found)
        if eightBit { found.formUnion(runOnEightBit) }
        return found
    }

    /// Literal sets rarer than this (in a line, by `presence(of:)`) leave too few lines for a
    /// formula to pay for its scan.
    static let formulaPresence = 0.002

    /// A rough guess of the odds that a line holds one of `literals` (lowercased): by
    /// `ByteRarity`, with short literals taken as common words, far more frequent than their
    /// letters suggest.
    static func presence(of literals: [[UInt8]]) -> Double {
        var total = 0.0
        for literal in literals {
            var odds = ByteRarity.lineLength * (literal.count <= 4 ? 20 : literal.count <= 6 ? 5 : 1)
            for byte in literal {
                let upper = byte >= 0x61 && byte <= 0x7A ? ByteRarity.frequency[Int(byte - 0x20)] : 0
                odds *= ByteRarity.frequency[Int(byte)] + upper
            }
            total += odds
        }
        return min(total, 1)
    }

    /// For a line that is not plain text: the regexes whose literals hold only for plain text,
    /// except, on a line holding no byte above 0x7F but `commonHighBytes`, those with literals
    /// for such lines (`highByteRegexes`) whose literals the scan did not find.
    private func addNonPlain(to found: inout TargetSet, text: UnsafeBufferPointer<UInt8>) {
        guard !highByteRegexes.isEmpty, LiteralPrefilter.holdsOnlyCommonHighBytes(text) else {
            found.formUnion(runOnEightBit)
            return
        }
        found.formUnion(runOnEightBitWithoutHighByteLiterals)
        for (slot, target) in highByteRegexes.enumerated() where found.contains(highByteBase &+ slot) { found.insert(target) }
    }

    /// Whether every byte of `text` above 0x7F is one of `commonHighBytes`.
    static func holdsOnlyCommonHighBytes(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let allowed = commonHighBytes
        return text.allSatisfy { $0 < 0x80 || allowed.contains($0) }
    }

    /// Adds the regexes relying on the absence of a gate byte `present` holds.
    private func addGated(_ present: GateBytes.Mask, to found: inout TargetSet) {
        guard present != 0 else { return }
        for target in gatedTargets where gates[target] & present != 0 { found.insert(target) }
    }

    /// Whether `byte` can occur in plain text as `asciiLiterals` assume it: ASCII, not `&`.
    static func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: "&") }

    /// Whether any byte is above 0x7F or is an `&`, eight bytes at a time.
    static func hasNonPlainByte(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        let count = text.count
        var index = 0
        let raw = UnsafeRawPointer(base)
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if word & highBits != 0 { return true }
            // A zero byte in word ^ "&&&&&&&&" is an `&`: the classic exact zero-byte test.
            let ampersands = word ^ 0x2626_2626_2626_2626
            if (ampersands &- 0x0101_0101_0101_0101) & ~ampersands & highBits != 0 { return true }
            index += 8
        }
        while index < count {
            if !isPlain(base[index]) { return true }
            index += 1
        }
        return false
    }
}
