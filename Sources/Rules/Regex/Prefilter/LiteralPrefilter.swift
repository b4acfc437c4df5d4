/// Decides, in one pass over a message's texts, which of many regexes can possibly match: a regex
/// with required literals (see `RequiredLiterals`) is a candidate only when one of them occurs,
/// ignoring ASCII case; a regex without any is always a candidate. Built once, shared read-only.
public final class LiteralPrefilter: Sendable {
    /// Per regex, in the order given: its required literals, or nil when it always runs.
    public let literals: [[[UInt8]]?]
    public let matcher: LiteralMatcher
    private let alwaysRun: TargetSet

    public var regexCount: Int { literals.count }
    /// How many regexes have literals (and so can be skipped).
    public var prefilteredCount: Int { literals.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// Extracts the literals of each pattern.
    public convenience init(patterns: [(bytes: [UInt8], options: RegexOptions)]) {
        self.init(literals: patterns.map { RequiredLiterals.extract(from: $0.bytes, options: $0.options) })
    }

    /// Uses literal sets already extracted (nil: always run).
    public init(literals: [[[UInt8]]?]) {
        self.literals = literals
        var always = TargetSet(capacity: literals.count)
        var entries: [(bytes: [UInt8], target: Int)] = []
        for (index, set) in literals.enumerated() {
            guard let set, !set.isEmpty, set.allSatisfy({ !$0.isEmpty }) else {
                always.insert(index)
                continue
            }
            for literal in set { entries.append((literal, index)) }
        }
        alwaysRun = always
        matcher = LiteralMatcher(literals: entries, targetCount: literals.count)
    }

    /// The regexes that may match somewhere in `texts` (all texts of one view of one message).
    public func candidates(in texts: [UnsafeBufferPointer<UInt8>]) -> TargetSet {
        var found = alwaysRun
        var seen = matcher.makeSeenSet()
        for text in texts { matcher.scan(text, found: &found, seen: &seen) }
        return found
    }

    /// Per text, the regexes that may match in that text alone: for views whose rules match each
    /// line separately (`body`, `rawbody`), a regex then runs only on the lines holding one of
    /// its literals.
    public func lineCandidates(in lines: [[UInt8]]) -> [TargetSet] {
        var seen = matcher.makeSeenSet()
        return lines.map { line in
            var found = alwaysRun
            seen.removeAll()
            line.withUnsafeBufferPointer { matcher.scan($0, found: &found, seen: &seen) }
            return found
        }
    }

    public func candidates(in texts: [[UInt8]]) -> TargetSet {
        var found = alwaysRun
        var seen = matcher.makeSeenSet()
        for text in texts {
            text.withUnsafeBufferPointer { matcher.scan($0, found: &found, seen: &seen) }
        }
        return found
    }
}
