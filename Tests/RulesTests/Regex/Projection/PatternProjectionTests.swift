import Foundation
import Synchronization
import Testing
@testable import Rules

@Suite struct PatternProjectionTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func projected(_ pattern: String, options: RegexOptions = [], allowed: HighByteSet = .none, allowsAmpersand: Bool = true) -> [UInt8]? {
        guard case .projected(let result) = PatternProjection.project(bytes(pattern), options: options, allowed: allowed,
                                                                      allowsAmpersand: allowsAmpersand) else { return nil }
        return result
    }

    /// Every match of both regexes on `text`, as ranges.
    private func agree(_ original: CompiledRegex, _ projection: CompiledRegex, on text: [UInt8]) -> Bool {
        original.matches(in: text).ranges == projection.matches(in: text).ranges
    }

    @Test func lookAlikeTagKeepsItsASCIIAlternatives() throws {
        // Tag M of 25_replace.cf, shortened: `rn` is an ASCII look-alike and must survive.
        let tag = "(?:[mM\\xcc]|rn|[\\xc9][\\xb1]|[\\xce][\\x9c]|[\\xd0][\\x9c\\xbc])"
        let result = try #require(projected("pay " + tag + "e", options: .caseless))
        let regex = try CompiledRegex(bytes: result, options: .caseless)
        #expect(regex.firstMatch(in: bytes("PAY me")).isMatch)
        #expect(regex.firstMatch(in: bytes("pay rne")).isMatch)
        #expect(regex.firstMatch(in: bytes("pay RNe")).isMatch)
        #expect(!regex.firstMatch(in: bytes("pay ne")).isMatch)
        #expect(result.count * 2 < tag.utf8.count)
        #expect(!result.contains { $0 >= 0x80 })
    }

    @Test func entityAlternativesAreASCIIAndStay() throws {
        let tag = "(?:[cC\\xc7]|[\\xc3][\\x87\\xa7]|&\\#(?:199|231|x(?:3f2|3f9));)"
        let original = try CompiledRegex(tag + "ash", options: .caseless)
        let projection = try CompiledRegex(bytes: try #require(projected(tag + "ash", options: .caseless)), options: .caseless)
        for text in ["cash", "&#199;ash", "&#x3F2;ash", "&#x3f9;ASH", "&#200;ash", "ash", "Cash &#231;ash"] {
            #expect(agree(original, projection, on: bytes(text)), "\(text)")
        }
        #expect(projection.firstMatch(in: bytes("&#231;ash")).isMatch)
    }

    @Test func alternativesNeedingHighBytesAreDropped() throws {
        #expect(projected("(?:\\xc3\\xa9|e)t") == bytes("(?:e)t"))
        #expect(projected("(?:\\xc3)?abc") == bytes("abc"))
        #expect(projected("x[a\\xe9]y") == bytes("xay"))
        #expect(projected("x[\\x20-\\xff]") == bytes("x[\\x20-\\x7f]"))
        #expect(projected("a(?!\\xc3)b") == bytes("ab"))
        #expect(PatternProjection.project(bytes("abc"), allowed: .none) == .unchanged)
    }

    @Test func patternsThatNeedAHighByteNeverMatchASCII() {
        for pattern in ["[\\x80-\\xff]{3}", "\\xc3\\xa9", "a(?:\\xe2|\\xc2)", "[^\\x00-\\x7f]", "(?=\\xc3)a", "\\x{e9}", "a\\o{351}"] {
            #expect(PatternProjection.project(bytes(pattern)) == .neverMatches, "\(pattern)")
        }
        // Raw 8-bit bytes in the pattern, as rule files hold them.
        #expect(PatternProjection.project([0x61, 0xC3, 0xA9]) == .neverMatches)
    }

    @Test func allowedHighBytesAreKept() throws {
        var latin = HighByteSet()
        latin.insert(0xC3)
        latin.insert(0xA9)
        let result = try #require(projected("(?:\\xc3\\xa9|\\xd0\\xb5|e)t", allowed: latin))
        #expect(result == bytes("(?:\\x{c3}\\x{a9}|e)t"))
        #expect(try CompiledRegex(bytes: result).firstMatch(in: bytes("été")).isMatch)
    }

    /// A class keeps exactly the bytes the text can hold, as ranges of hex escapes; a negated one
    /// stays as written unless it excludes every such byte.
    @Test func classesKeepTheBytesTheTextCanHold() throws {
        var latin = HighByteSet()
        latin.insert(0xC3)
        latin.insert(0xA9)
        #expect(projected("[a-c&\\d\\xc2-\\xc4\\xa9\\xff]", allowed: latin, allowsAmpersand: false) == bytes("[\\d\\x61-\\x63\\xa9\\xc3]"))
        #expect(projected("x[&\\xc3]", allowed: latin, allowsAmpersand: false) == bytes("x\\x{c3}"))
        #expect(projected("[a\\xc3]", allowed: latin, allowsAmpersand: true) == nil)
        #expect(PatternProjection.project(bytes("[\\xc2\\xc4]"), allowed: latin) == .neverMatches)
        #expect(PatternProjection.project(bytes("[^\\x00-\\x7f\\xa9\\xc3]"), allowed: latin) == .neverMatches)
        #expect(projected("[^\\x00-\\x7f\\xa9]q", allowed: latin) == nil)
    }

    /// Projections sharing one memo of groups, across patterns and threads, are the projections
    /// each pattern gets alone; a group remembered near the top still counts its nesting deep down.
    @Test func projectionsSharingAMemoAreTheProjectionsAlone() {
        var random = SplitMix(seed: 21)
        let tag = "(?:[mM\\xcc]|rn|[\\xc9][\\xb1]|[\\xce][\\x9c]|[\\xd0][\\x9c\\xbc]|&\\#(?:77|109);|[\\xd3][\\x8d\\x8e])"
        let pieces = [tag] + (0..<5).map { _ in "(?:" + RandomPattern.make(using: &random) + "|" + tag + ")" }
        let patterns = (0..<120).map { _ in
            bytes((0..<3).map { _ in pieces[random.next(below: pieces.count)] + RandomPattern.make(using: &random) }.joined())
        }
        let memo = PatternProjection.Memo()
        let shared = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: patterns.count) { index in
            let both = [true, false].map { "\(PatternProjection.project(patterns[index], allowsAmpersand: $0, memo: memo))" }.joined(separator: " ")
            shared.withLock { $0[index] = both }
        }
        let projections = shared.withLock { $0 }
        for (index, pattern) in patterns.enumerated() {
            let alone = [true, false].map { "\(PatternProjection.project(pattern, allowsAmpersand: $0))" }.joined(separator: " ")
            #expect(projections[index] == alone, "\(String(decoding: pattern, as: UTF8.self))")
        }
        let deep = String(repeating: "(?:", count: 195) + "(?:(?:(?:(?:(?:" + tag + ")))))" + String(repeating: ")", count: 195)
        #expect(PatternProjection.project(bytes("(?:(?:(?:(?:(?:" + tag + ")))))x"), memo: memo) != .unsupported)
        #expect(PatternProjection.project(bytes(deep), memo: memo) == .unsupported)
    }

    @Test func constructsItCannotFollowAreUnsupported() {
        for pattern in ["(a)\\1", "\\Qa\\E", "(?x)a b", "(?|a|b)", "(*UTF)a", "(?(1)a|b)", "(a)(?1)", "(?<n>a)\\k<n>", "(?#note)a",
                        "(?:\\xc3(?i)|a)b", "a\\g1", "(?P=n)", "a\\351"] {
            #expect(PatternProjection.project(bytes(pattern)) == .unsupported, "\(pattern)")
        }
        #expect(PatternProjection.project(bytes("a\\xc3"), options: .extended) == .unsupported)
    }

    @Test func optionSettingsInKeptBranchesStay() throws {
        // `(?i)` in a branch reaches the branches after it, not past the group.
        for pattern in ["(?:a(?i)b|\\xc3)c", "(?:\\xc3|a(?i)b|c)d"] {
            let original = try CompiledRegex(pattern)
            let projection = try CompiledRegex(bytes: try #require(projected(pattern)))
            for text in ["abc", "aBc", "aBC", "Abc", "Cd", "cd", "aBd", "Abd"] {
                #expect(agree(original, projection, on: bytes(text)), "\(pattern) on \(text)")
            }
        }
        #expect(try CompiledRegex(bytes: try #require(projected("(?:\\xc3|a(?i)b|c)d"))).firstMatch(in: bytes("Cd")).isMatch)
    }

    @Test func droppedNeighboursDoNotMergeEscapesOrQuantifiers() throws {
        // `\x4` then `1`: the bytes 0x04 0x31, not "A".
        let hex = try CompiledRegex(bytes: try #require(projected("\\x4(?:\\xc3)?1")))
        #expect(hex.firstMatch(in: [0x04, 0x31]).isMatch)
        #expect(!hex.firstMatch(in: bytes("A")).isMatch)
        // `a{2` then `}` is literal text; it must not become the quantifier {2}.
        let brace = try CompiledRegex(bytes: try #require(projected("a{2(?:\\xc3)?}")))
        #expect(brace.firstMatch(in: bytes("a{2}")).isMatch)
        #expect(!brace.firstMatch(in: bytes("aa")).isMatch)
        // A class reduced to one digit after a one-digit octal escape.
        let octal = try CompiledRegex(bytes: try #require(projected("\\01[7\\xc3]")))
        #expect(octal.firstMatch(in: [0x01, 0x37]).isMatch)
        #expect(!octal.firstMatch(in: [0x0F]).isMatch)
    }

    @Test func caselessMatchingLeavesHighBytesAlone() throws {
        // The projection relies on case folding not linking an ASCII byte or a dropped 8-bit byte
        // to another one (PCRE2's default tables in byte mode).
        let regex = try CompiledRegex("\\xc0", options: .caseless)
        #expect(!regex.firstMatch(in: [0xE0]).isMatch)
        #expect(regex.firstMatch(in: [0xC0]).isMatch)
    }

    @Test func randomPatternsAgreeOnASCIIText() throws {
        var random = SplitMix(seed: 0x5EED)
        var projectedCount = 0, neverCount = 0
        for _ in 0..<600 {
            let pattern = RandomPattern.make(using: &random)
            let options: RegexOptions = random.next() % 2 == 0 ? [.caseless] : []
            guard let original = try? CompiledRegex(pattern, options: options) else { continue }
            let texts = (0..<25).map { _ in RandomPattern.asciiText(using: &random) }
            switch PatternProjection.project(bytes(pattern), options: options) {
            case .projected(let result):
                projectedCount += 1
                let projection = try CompiledRegex(bytes: result, options: options)
                for text in texts {
                    #expect(agree(original, projection, on: text),
                            "\(pattern) -> \(String(decoding: result, as: UTF8.self)) on \(String(decoding: text, as: UTF8.self))")
                }
            case .neverMatches:
                neverCount += 1
                for text in texts { #expect(!original.firstMatch(in: text).isMatch, "\(pattern) on \(String(decoding: text, as: UTF8.self))") }
            case .unchanged, .unsupported:
                continue
            }
        }
        #expect(projectedCount > 100)
        #expect(neverCount > 20)
    }

    @Test func plainTextDropsEntitySpellings() throws {
        let pattern = "(?:[cC\\xc7]|&\\#(?:199|231);)ash"
        let result = try #require(projected(pattern, options: .caseless, allowsAmpersand: false))
        #expect(!result.contains(UInt8(ascii: "&")))
        let original = try CompiledRegex(pattern, options: .caseless)
        let projection = try CompiledRegex(bytes: result, options: .caseless)
        for text in ["cash", "CASH", "ash", "cache", "c ash"] { #expect(agree(original, projection, on: bytes(text)), "\(text)") }
        for pattern in ["AT&T", "a\\&b", "a\\x26", "[&]"] {
            #expect(PatternProjection.project(bytes(pattern), allowsAmpersand: false) == .neverMatches, "\(pattern)")
            #expect(PatternProjection.project(bytes(pattern)) != .neverMatches, "\(pattern)")
        }
        #expect(projected("x[&a]", allowsAmpersand: false) == bytes("xa"))
        #expect(PatternProjection.project(bytes("x[^&]"), allowsAmpersand: false) == .unchanged)
    }

    @Test func randomPatternsAgreeOnPlainText() throws {
        var random = SplitMix(seed: 0x91A1)
        var projectedCount = 0
        for _ in 0..<400 {
            let pattern = RandomPattern.make(using: &random)
            guard let original = try? CompiledRegex(pattern) else { continue }
            let texts = (0..<25).map { _ in RandomPattern.asciiText(using: &random).filter { $0 != UInt8(ascii: "&") } }
            guard case .projected(let result) = PatternProjection.project(bytes(pattern), allowsAmpersand: false) else { continue }
            projectedCount += 1
            let projection = try CompiledRegex(bytes: result)
            for text in texts { #expect(agree(original, projection, on: text), "\(pattern) on \(String(decoding: text, as: UTF8.self))") }
        }
        #expect(projectedCount > 80)
    }

    @Test func textKinds() {
        #expect(TextKind(of: bytes("plain text that runs past eight bytes")) == .plain)
        #expect(TextKind(of: bytes("")) == .plain)
        #expect(TextKind(of: bytes("a long line with an entity &#97; in it")) == .ascii)
        #expect(TextKind(of: bytes("x&")) == .ascii)
        #expect(TextKind(of: bytes("caf\u{E9} & more text after it")) == .eightBit)
        #expect(TextKind(of: [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0xFF]) == .eightBit)
    }

    @Test func randomPatternsAgreeOnTextsWithTheAllowedBytes() throws {
        var random = SplitMix(seed: 0xB17E5)
        var projectedCount = 0
        for _ in 0..<300 {
            let pattern = RandomPattern.make(using: &random)
            guard let original = try? CompiledRegex(pattern) else { continue }
            var allowed = HighByteSet()
            let highBytes: [UInt8] = [0xC3, 0xA9, 0xE9, 0xD0, 0xB5, 0xC0]
            for byte in highBytes where random.next() % 2 == 0 { allowed.insert(byte) }
            let texts = (0..<25).map { _ in RandomPattern.text(using: &random, highBytes: highBytes.filter(allowed.contains)) }
            guard case .projected(let result) = PatternProjection.project(bytes(pattern), allowed: allowed) else { continue }
            projectedCount += 1
            let projection = try CompiledRegex(bytes: result)
            for text in texts { #expect(agree(original, projection, on: text), "\(pattern) with \(allowed)") }
        }
        #expect(projectedCount > 50)
    }
}
