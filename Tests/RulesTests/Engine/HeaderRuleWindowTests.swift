import Testing
@testable import Rules

/// A window search must give the whole-text search's answer: over texts built to put bot words,
/// fillers and "@" in every arrangement (and at both ends of the text), both agree.
@Suite struct HeaderRuleWindowTests {
    private static let senderBot =
        #"(?:not?\W?repl[yi]|bounce|contact|daemon|subscri|report|respon[ds]e?r?s?\b|\b(?:root|news|nobody|agent|(?:post|web)?master|manag|send(?:er|ing)?|out|(?:bot|web|www)\b))[^\@ >]{0,5}s?\@\w"#

    @Test func windowIsFoundOnlyForItsPatternAndFlags() throws {
        #expect(HeaderRuleWindow(try CompiledRegex(Self.senderBot, options: [.caseless])) == .botWordBeforeAt)
        #expect(HeaderRuleWindow(try CompiledRegex(Self.senderBot, options: [])) == nil)
        #expect(HeaderRuleWindow(try CompiledRegex(Self.senderBot + "x", options: [.caseless])) == nil)
    }

    @Test func windowSearchAgreesWithTheWholeText() throws {
        let regex = try CompiledRegex(Self.senderBot, options: [.caseless])
        let window = try #require(HeaderRuleWindow(regex))
        let words = ["bounce", "NoReply", "no-reply", "not_reply", "noreplies", "postmaster", "webmaster", "Sender", "sending", "www", "bot",
                     "robot", "out", "about", "report", "responders", "respond", "contact", "daemon", "subscri", "agent", "news", "root", "manag",
                     "xbot", "web", "nobody", "x"]
        let fillers = ["", "s", "-x", "12345", "123456", " ", ">", "_", "s-s", "ab\u{E9}", ".", "\n", "+tag"]
        let afters = ["@example.com", "@", "@ x", "@-x", "@_", "@\u{E9}", "@@x", "x@y", ">", " at x"]
        let separators = ["", " ", "\n", "From: <", "To: \"", "Received: from x by y; ", "=", "a"]
        var generator = SplitMix(seed: 0x5E4D)
        func pick(_ list: [String]) -> String { list[generator.next(below: list.count)] }
        var matches = 0, misses = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<(1 + generator.next(below: 4)) {
                text += pick(separators) + pick(words) + pick(fillers) + pick(afters)
            }
            if generator.next(below: 3) == 0 { text += String(repeating: "y", count: generator.next(below: 40)) + "@z" }
            let bytes = Array(text.utf8)
            let whole = regex.firstMatch(in: bytes).isMatch
            let windowed = bytes.withUnsafeBufferPointer { window.firstMatch(of: regex, in: $0) }.isMatch
            #expect(whole == windowed, "\(text.debugDescription)")
            if whole { matches += 1 } else { misses += 1 }
        }
        #expect(matches > 50)
        #expect(misses > 50)
        #expect(!window.firstMatch(of: regex, in: UnsafeBufferPointer(start: nil, count: 0)).isMatch)
    }
}
