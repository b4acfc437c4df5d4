import CPCRE2
import Synchronization

/// One pattern compiled by PCRE2 (and by its JIT when available), immutable and shared freely
/// between threads; each thread matches with scratch state of its own.
///
/// The JIT compiles a pattern when it first matches, not when it is compiled: a rule set holds
/// thousands of patterns, and one message (a `swfilter filter` process under procmail) runs
/// fewer than half of them, which spares that process the JIT's time and executable memory for
/// the rest. Every match waits for the JIT's outcome, so a pattern always matches as it would
/// had the JIT compiled it up front (`pcre2_match` itself runs JIT code when there is some).
///
/// Patterns are compiled for bytes, not UTF-8 characters (`PCRE2_NEVER_UTF`, no UCP): SpamAssassin
/// hands its rules UTF-8 *octets* (it `utf8::encode`s the decoded text) and runs Perl regexes on
/// them, so `.` is one byte, `\w` and `/i` are ASCII-only, and `\xC3\xA9` in a rule matches the
/// two bytes of "é". Texts never have to be valid UTF-8.
public final class CompiledRegex: @unchecked Sendable {
    /// The pattern as given (bytes read as UTF-8 for display).
    public let pattern: String
    /// The bytes PCRE2 compiled: the pattern, with characters above 255 rewritten (see
    /// `WideCodePoints`) when it named any, and repeated groups moved into subroutines when it
    /// was too large for PCRE2 (see `PatternFactoring`).
    public let patternBytes: [UInt8]
    /// `patternBytes` before any factoring: what the literal prefilter reads.
    let literalSource: [UInt8]
    public let options: RegexOptions
    public let limits: RegexLimits
    /// Whether PCRE2's JIT compiled this pattern (compiling it now if it has not yet matched);
    /// otherwise the interpreter runs it.
    public var isJITCompiled: Bool { jitOutcome == JITState.compiled }
    /// `JITState`: pending until the first match asks for it.
    private let jitState: Atomic<UInt8>
    /// Whether the pattern has been JIT-compiled or left to the interpreter, without asking.
    var isJITSettled: Bool { jitState.load(ordering: .acquiring) != JITState.pending }
    /// How many capture groups the pattern has.
    public let captureCount: Int
    private let code: OpaquePointer

    /// Compiles `pattern` (its UTF-8 bytes).
    public convenience init(_ pattern: String, options: RegexOptions = [], limits: RegexLimits = .default, jit: Bool = true) throws(RegexCompileError) {
        try self.init(bytes: Array(pattern.utf8), options: options, limits: limits, jit: jit)
    }

    /// Compiles a pattern given as bytes (rule files may hold 8-bit bytes that are not UTF-8).
    public init(bytes: [UInt8], options: RegexOptions = [], limits: RegexLimits = .default, jit: Bool = true) throws(RegexCompileError) {
        let display = String(decoding: bytes, as: UTF8.self)
        var errorCode: Int32 = 0
        var errorOffset = 0
        let flags = options.pcre2Flags | UInt32(PCRE2_NEVER_UTF) | UInt32(PCRE2_NEVER_UCP)
        func compile(_ source: [UInt8]) -> OpaquePointer? {
            source.withUnsafeBufferPointer { buffer in
                pcre2_compile_8(buffer.baseAddress ?? CompiledRegex.emptySubject, buffer.count, flags, &errorCode, &errorOffset, nil)
            }
        }
        var compiledBytes = bytes
        var compiled = compile(bytes)
        if compiled == nil, errorCode == CompiledRegex.codePointTooLarge, let rewritten = WideCodePoints.rewrite(bytes) {
            let original = (errorCode, errorOffset)
            compiled = compile(rewritten)
            if compiled == nil { (errorCode, errorOffset) = original } else { compiledBytes = rewritten }
        }
        let unfactored = compiledBytes
        if compiled == nil, errorCode == PCRE2_ERROR_PATTERN_TOO_LARGE,
           let factored = PatternFactoring.factor(compiledBytes, extended: options.contains(.extended)) {
            let original = (errorCode, errorOffset)
            compiled = compile(factored)
            if compiled == nil { (errorCode, errorOffset) = original } else { compiledBytes = factored }
        }
        guard let compiled else {
            throw RegexCompileError(pattern: display, offset: errorOffset, code: errorCode, message: CompiledRegex.message(for: errorCode))
        }
        code = compiled
        patternBytes = compiledBytes
        literalSource = unfactored
        pattern = display
        self.options = options
        self.limits = limits
        jitState = Atomic(jit ? JITState.pending : JITState.interpreted)
        var groups: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &groups)
        captureCount = Int(groups)
    }

    deinit { pcre2_code_free_8(code) }

    private enum JITState {
        static let pending: UInt8 = 0
        static let compiled: UInt8 = 1
        static let interpreted: UInt8 = 2
    }

    /// Serialises JIT compilation: `pcre2_jit_compile` writes into the pattern, which no
    /// other thread may read meanwhile.
    private static let jitCompiling = Mutex(())

    /// The pattern's `JITState` once settled, JIT-compiling it on the first call. Every match
    /// reads it first: the release store after compiling orders the JIT's writes before any
    /// thread's match.
    @inline(__always)
    private var jitOutcome: UInt8 {
        let state = jitState.load(ordering: .acquiring)
        return state != JITState.pending ? state : compileJIT()
    }

    private func compileJIT() -> UInt8 {
        CompiledRegex.jitCompiling.withLock { _ in
            let state = jitState.load(ordering: .acquiring)
            guard state == JITState.pending else { return state }
            let outcome = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0 ? JITState.compiled : JITState.interpreted
            jitState.store(outcome, ordering: .releasing)
            return outcome
        }
    }

    /// How many bytes PCRE2 knows a match can start with (from its first code unit or its
    /// start-byte bitmap); 256 when it does not know, and tries every position.
    var startByteCount: Int {
        var firstType: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTCODETYPE), &firstType)
        if firstType == 1 { return 1 }
        var bitmap: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_FIRSTBITMAP), &bitmap)
        guard let bitmap else { return 256 }
        var count = 0
        for offset in 0..<32 { count += bitmap[offset].nonzeroBitCount }
        return count
    }

    // MARK: searching

    /// The first match at or after byte `from`.
    public func firstMatch(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> RegexOutcome {
        guard let scratch = MatchScratch.current else { return .limitHit(.heapLimit) }
        scratch.apply(limits)
        return search(text, from: start, flags: 0, scratch: scratch)
    }

    public func firstMatch(in text: [UInt8], from start: Int = 0) -> RegexOutcome {
        text.withUnsafeBufferPointer { firstMatch(in: $0, from: start) }
    }

    /// Whether the pattern matches anywhere; a limit hit counts as no match.
    public func isMatch(in text: UnsafeBufferPointer<UInt8>) -> Bool {
        firstMatch(in: text).isMatch
    }

    /// Successive non-overlapping matches, as Perl's `while (/re/g)` finds them, at most `maxHits`
    /// (0 or less means no maximum).
    public func matches(in text: UnsafeBufferPointer<UInt8>, maxHits: Int = 0) -> RegexMatches {
        var result = RegexMatches()
        forEachMatch(in: text, maxHits: maxHits, limitHit: &result.limitHit) { result.ranges.append($0) }
        return result
    }

    public func matches(in text: [UInt8], maxHits: Int = 0) -> RegexMatches {
        text.withUnsafeBufferPointer { matches(in: $0, maxHits: maxHits) }
    }

    /// How many times the pattern matches (tflags `multiple`), stopping at `maxHits` (`maxhits=N`;
    /// 0 or less means no maximum).
    public func count(in text: UnsafeBufferPointer<UInt8>, maxHits: Int = 0) -> (count: Int, limitHit: RegexLimitKind?) {
        var count = 0
        var limitHit: RegexLimitKind?
        forEachMatch(in: text, maxHits: maxHits, limitHit: &limitHit) { _ in count += 1 }
        return (count, limitHit)
    }

    public func count(in text: [UInt8], maxHits: Int = 0) -> (count: Int, limitHit: RegexLimitKind?) {
        text.withUnsafeBufferPointer { count(in: $0, maxHits: maxHits) }
    }

    /// The first match at or after `from` with its capture groups (index 0 is the whole match;
    /// nil for a group that did not take part), or nil when there is no match or a limit was hit.
    public func captures(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> [Range<Int>?]? {
        guard start >= 0, start <= text.count, let scratch = MatchScratch.current else { return nil }
        _ = jitOutcome
        let ownData = captureCount < MatchScratch.captureSlots ? nil : pcre2_match_data_create_from_pattern_8(code, nil)
        defer { if let ownData { pcre2_match_data_free_8(ownData) } }
        guard let data = ownData ?? (captureCount < MatchScratch.captureSlots ? scratch.captureData : nil) else { return nil }
        scratch.apply(limits)
        let subject = text.baseAddress ?? CompiledRegex.emptySubject
        let status = pcre2_match_8(code, subject, text.count, start, 0, data, scratch.matchContext)
        guard status > 0 else { return nil }
        let pairs = min(Int(pcre2_get_ovector_count_8(data)), captureCount + 1)
        let vector = pcre2_get_ovector_pointer_8(data)!
        return (0..<pairs).map { group in
            let lower = vector[2 * group], upper = vector[2 * group + 1]
            guard lower >= 0, upper >= 0, group < Int(status) else { return nil }  // PCRE2_UNSET reads as -1
            return min(lower, upper)..<upper
        }
    }

    /// `captures(in:from:)` without allocating: the groups go into `groups` (resized to
    /// `captureCount + 1`, its storage reused from call to call), and the match runs on this
    /// thread's match data. Returns whether there was a match; on false `groups` is emptied.
    public func captures(in text: UnsafeBufferPointer<UInt8>, from start: Int = 0, into groups: inout [Range<Int>?]) -> Bool {
        groups.removeAll(keepingCapacity: true)
        guard start >= 0, start <= text.count, captureCount < MatchScratch.captureSlots, let scratch = MatchScratch.current else {
            guard let found = captures(in: text, from: start) else { return false }
            groups.append(contentsOf: found)
            return true
        }
        let data = scratch.captureData
        scratch.apply(limits)
        let subject = text.baseAddress ?? CompiledRegex.emptySubject
        let status = jitOutcome == JITState.compiled
            ? pcre2_jit_match_8(code, subject, text.count, start, 0, data, scratch.matchContext)
            : pcre2_match_8(code, subject, text.count, start, 0, data, scratch.matchContext)
        guard status > 0 else { return false }
        let vector = pcre2_get_ovector_pointer_8(data)!
        for group in 0...captureCount {
            let lower = vector[2 * group], upper = vector[2 * group + 1]
            // PCRE2_UNSET reads as -1; groups past the highest one set are not written
            groups.append(lower >= 0 && upper >= 0 && group < Int(status) ? min(lower, upper)..<upper : nil)
        }
        return true
    }

    private func forEachMatch(in text: UnsafeBufferPointer<UInt8>, maxHits: Int, limitHit: inout RegexLimitKind?, _ body: (Range<Int>) -> Void) {
        guard let scratch = MatchScratch.current else {
            limitHit = .heapLimit
            return
        }
        scratch.apply(limits)
        var position = 0, found = 0
        var previousWasEmpty = false
        while position <= text.count {
            // After an empty match, Perl retries at the same place refusing another empty match,
            // then moves on by one byte.
            let flags = previousWasEmpty ? UInt32(PCRE2_NOTEMPTY_ATSTART) | UInt32(PCRE2_ANCHORED) : 0
            switch search(text, from: position, flags: flags, scratch: scratch) {
            case .match(let range):
                body(range)
                found += 1
                if maxHits > 0, found >= maxHits { return }
                previousWasEmpty = range.isEmpty
                position = range.upperBound
            case .noMatch:
                guard previousWasEmpty else { return }
                previousWasEmpty = false
                position += 1
            case .limitHit(let kind):
                limitHit = kind
                return
            }
        }
    }

    private func search(_ text: UnsafeBufferPointer<UInt8>, from start: Int, flags: UInt32, scratch: MatchScratch) -> RegexOutcome {
        guard start >= 0, start <= text.count else { return .noMatch }
        let subject = text.baseAddress ?? CompiledRegex.emptySubject
        // The JIT entry point skips the interpreter's option checks; the JIT honours the
        // match limit and the JIT stack limit from the same match context. It does not take
        // PCRE2_ANCHORED at match time, which pcre2_match handles.
        let status = jitOutcome == JITState.compiled && flags & UInt32(PCRE2_ANCHORED) == 0
            ? pcre2_jit_match_8(code, subject, text.count, start, flags, scratch.matchData, scratch.matchContext)
            : pcre2_match_8(code, subject, text.count, start, flags, scratch.matchData, scratch.matchContext)
        if status == PCRE2_ERROR_NOMATCH || status == PCRE2_ERROR_PARTIAL { return .noMatch }
        // 0 means the one-pair ovector was too small for the captures; the overall match is there.
        guard status >= 0 else { return .limitHit(RegexLimitKind(pcre2Code: status)) }
        let vector = pcre2_get_ovector_pointer_8(scratch.matchData)!
        let lower = vector[0], upper = vector[1]
        // \K inside a lookahead can report a start after the end.
        return .match(min(lower, upper)..<upper)
    }

    /// PCRE2's "character code point value in \x{} or \o{} is too large".
    private static let codePointTooLarge: Int32 = 134

    private static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, $0.count) }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer.prefix(Int(length)), as: UTF8.self)
    }

    // Never written: a one-byte buffer to pass where an empty text has no base address.
    nonisolated(unsafe) private static let emptySubject: UnsafePointer<UInt8> = {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        storage.initialize(to: 0)
        return UnsafePointer(storage)
    }()
}
