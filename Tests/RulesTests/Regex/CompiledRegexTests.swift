import Foundation
import Testing
@testable import Rules

@Suite struct CompiledRegexTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func compileErrorCarriesOffsetAndMessage() {
        #expect(throws: RegexCompileError.self) { try CompiledRegex("abc(def") }
        do {
            _ = try CompiledRegex("ab[cd")
            Issue.record("an unterminated class compiled")
        } catch {
            #expect(error.offset == 5)
            #expect(error.message.contains("missing terminating ]"))
            #expect(error.description.contains("offset 5"))
        }
    }

    @Test func patternsCannotSwitchToUTFMode() {
        #expect(throws: RegexCompileError.self) { try CompiledRegex("(*UTF)abc") }
    }

    @Test func optionsMapToPerlModifiers() throws {
        let text = bytes("Hello\nWORLD")
        #expect(try CompiledRegex("world").firstMatch(in: text) == .noMatch)
        #expect(try CompiledRegex("world", options: .caseless).firstMatch(in: text) == .match(6..<11))
        #expect(try CompiledRegex("o.W").firstMatch(in: text) == .noMatch)
        #expect(try CompiledRegex("o.W", options: .dotAll).firstMatch(in: text) == .match(4..<7))
        #expect(try CompiledRegex("^WORLD").firstMatch(in: text) == .noMatch)
        #expect(try CompiledRegex("^WORLD", options: .multiline).firstMatch(in: text) == .match(6..<11))
        #expect(try CompiledRegex("H e l l o # greeting", options: .extended).firstMatch(in: text) == .match(0..<5))
    }

    @Test func matchesBytesNotCharacters() throws {
        let text = bytes("caf\u{e9}!")  // é is C3 A9
        #expect(try CompiledRegex("caf..!").firstMatch(in: text) == .match(0..<6))
        #expect(try CompiledRegex("caf.!").firstMatch(in: text) == .noMatch)
        #expect(try CompiledRegex("\\xc3\\xa9").firstMatch(in: text) == .match(3..<5))
        // \w is ASCII only and /i does not fold bytes above 127, as in Perl on byte strings.
        #expect(try CompiledRegex("f\\w!").firstMatch(in: text) == .noMatch)
        #expect(try CompiledRegex("\\xc3\\x89", options: .caseless).firstMatch(in: text) == .noMatch)
        // Text that is not UTF-8 is fine.
        let latin1: [UInt8] = [0x63, 0x61, 0x66, 0xE9, 0xFF, 0x00, 0x21]
        #expect(try CompiledRegex("caf\\xe9\\xff\\x00!").firstMatch(in: latin1) == .match(0..<7))
    }

    @Test func patternBytesNeedNotBeUTF8() throws {
        let regex = try CompiledRegex(bytes: [0x63, 0xE9])
        #expect(regex.firstMatch(in: [0x61, 0x63, 0xE9]) == .match(1..<3))
    }

    @Test func firstMatchStartsAtOffsetAndSeesBehindIt() throws {
        let regex = try CompiledRegex("(?<=a)b")
        let text = bytes("abab")
        #expect(regex.firstMatch(in: text, from: 2) == .match(3..<4))
        #expect(regex.firstMatch(in: text, from: 4) == .noMatch)
        #expect(regex.firstMatch(in: text, from: 9) == .noMatch)
        #expect(regex.firstMatch(in: [], from: 0) == .noMatch)
        #expect(try CompiledRegex("^$").firstMatch(in: []) == .match(0..<0))
    }

    @Test func repeatedMatchesFollowPerlEmptyMatchRule() throws {
        // perl -e '$_="axb"; while (/x*/g) { print "$-[0]-$+[0] " }'  →  0-0 1-2 2-2 3-3
        #expect(try CompiledRegex("x*").matches(in: bytes("axb")).ranges == [0..<0, 1..<2, 2..<2, 3..<3])
        // perl -e '$_="aaa"; while (/a|/g) { print "$-[0]-$+[0] " }'  →  0-1 1-2 2-3 3-3
        #expect(try CompiledRegex("a|").matches(in: bytes("aaa")).ranges == [0..<1, 1..<2, 2..<3, 3..<3])
    }

    @Test func countStopsAtMaxHits() throws {
        let regex = try CompiledRegex("free", options: .caseless)
        let text = bytes("Free free FREE fr ee free")
        #expect(regex.count(in: text).count == 4)
        #expect(regex.count(in: text, maxHits: 2).count == 2)
        #expect(regex.count(in: text, maxHits: 0).limitHit == nil)
    }

    @Test func jitAndInterpreterAgree() throws {
        let patterns = [
            "\\bfree\\b", "(?i)v[i1]agra", "^Subject: .{0,20}\\$\\d+", "(?:a|b)+c", "\\d{3}-\\d{4}",
            "(?=.*money)(?=.*fast)", "([a-z])\\1", "(?<!un)subscribe", "\\s{3,}", "x*",
        ]
        let texts = [
            "free money fast", "Get VIAGRA now, v1agra cheap", "Subject: win $1000 now\n", "ababbbc",
            "call 555-1234 today", "unsubscribe or subscribe", "aabbcc", "wide   spaces", "", "\u{e9}t\u{e9}",
        ].map(bytes)
        for pattern in patterns {
            let jit = try CompiledRegex(pattern)
            let interpreter = try CompiledRegex(pattern, jit: false)
            #expect(!interpreter.isJITCompiled)
            if PCRE2Library.hasJIT { #expect(jit.isJITCompiled) }
            for text in texts {
                #expect(jit.firstMatch(in: text) == interpreter.firstMatch(in: text), "/\(pattern)/")
                #expect(jit.matches(in: text) == interpreter.matches(in: text), "/\(pattern)/")
            }
        }
    }

    /// ReDoS: a nested quantifier over a megabyte of "a" with no way to match must stop at a limit
    /// quickly instead of backtracking for ever.
    @Test(arguments: [true, false])
    func catastrophicBacktrackingAttackStopsAtLimit(jit: Bool) throws {
        let regex = try CompiledRegex("(a+)+$", jit: jit)
        var text = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        text.append(UInt8(ascii: "!"))
        let clock = ContinuousClock()
        var outcome = RegexOutcome.noMatch
        let elapsed = clock.measure { outcome = regex.firstMatch(in: text) }
        guard case .limitHit = outcome else {
            Issue.record("expected a limit hit, got \(outcome)")
            return
        }
        #expect(elapsed < .seconds(5))
        // The thread's scratch is still usable afterwards.
        #expect(regex.firstMatch(in: Array("aaa".utf8)) == .match(0..<3))
        #expect(regex.count(in: text).limitHit != nil)
    }

    @Test func tighterLimitsStopEarlier() throws {
        let strict = RegexLimits(matchLimit: 1_000, depthLimit: 100, heapLimitKiB: 100, jitStackBytes: 32 * 1024)
        let regex = try CompiledRegex("(\\w+\\s?)*$", limits: strict)
        let text = Array(String(repeating: "word ", count: 40).appending("!").utf8)
        guard case .limitHit(let kind) = regex.firstMatch(in: text) else {
            Issue.record("expected a limit hit")
            return
        }
        #expect(kind == .matchLimit || kind == .jitStackLimit)
        #expect(try CompiledRegex("(\\w+\\s?)*$").firstMatch(in: Array("two words".utf8)) == .match(0..<9))
    }

    @Test func manyThreadsShareOneRegex() throws {
        let regex = try CompiledRegex("(?i)\\b(?:cheap|free)\\s+(\\w+)")
        let texts = (0..<64).map { Array("line \($0): get FREE stuff and cheap pills \($0)".utf8) }
        let expected = texts.map { regex.matches(in: $0) }
        let threadCount = 8
        let results = ResultBox(count: threadCount)
        let group = DispatchGroup()
        for index in 0..<threadCount {
            group.enter()
            let thread = Thread {
                var mismatches = 0
                for round in 0..<300 {
                    let slot = (round + index) % texts.count
                    if regex.matches(in: texts[slot]) != expected[slot] { mismatches += 1 }
                }
                results.set(index, mismatches)
                group.leave()
            }
            thread.start()
        }
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(results.values == Array(repeating: 0, count: threadCount))
    }

    @Test func jitCompilesAPatternAtItsFirstMatch() throws {
        let regex = try CompiledRegex("(?i)v[i1]agra")
        #expect(!regex.isJITSettled)
        #expect(regex.firstMatch(in: bytes("buy V1AGRA")) == .match(4..<10))
        #expect(regex.isJITSettled)
        if PCRE2Library.hasJIT { #expect(regex.isJITCompiled) }
        let interpreter = try CompiledRegex("(?i)v[i1]agra", jit: false)
        #expect(interpreter.isJITSettled)
        #expect(!interpreter.isJITCompiled)
    }

    /// Threads that all match fresh patterns at once: one of them JIT-compiles each pattern while
    /// the others wait, and every thread finds what the interpreter finds.
    @Test func concurrentFirstMatchesAgreeWithTheInterpreter() throws {
        let sources = (0..<40).map { "(?i)\\b(?:cheap|free)\\s+(\\w+)\\s+\($0)" }
        let regexes = try sources.map { try CompiledRegex($0) }
        let text = Array((0..<40).map { "get FREE stuff \($0), cheap pills \($0)" }.joined(separator: "\n").utf8)
        let expected = try sources.map { try CompiledRegex($0, jit: false).matches(in: text) }
        let threadCount = 8
        let results = ResultBox(count: threadCount)
        let group = DispatchGroup()
        for index in 0..<threadCount {
            group.enter()
            Thread {
                let mismatches = regexes.indices.filter { regexes[$0].matches(in: text) != expected[$0] }.count
                results.set(index, mismatches)
                group.leave()
            }.start()
        }
        #expect(group.wait(timeout: .now() + 60) == .success)
        #expect(results.values == Array(repeating: 0, count: threadCount))
        let unsettled = regexes.filter { !$0.isJITSettled }.count
        #expect(unsettled == 0)
    }
}
