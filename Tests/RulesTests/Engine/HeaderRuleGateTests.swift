import Testing
@testable import Rules

/// A gate may only say "no" where its pattern cannot match: over texts built to match often,
/// every match is admitted, and the gate still turns away most texts.
@Suite struct HeaderRuleGateTests {
    private static let subjectHasTo2 = #"\nReceived:[^\n]{0,200} for <?([^\n\s>;]+)>?;(?:[^\n]+\n+)*Subject: [^\n]{0,100}\1[^a-z0-9]"#

    @Test func gateIsFoundOnlyForItsPatternAndFlags() throws {
        let regex = try CompiledRegex(Self.subjectHasTo2, options: [.caseless, .dotAll, .multiline])
        #expect(HeaderRuleGate(regex) == .receivedRecipientInSubject)
        #expect(HeaderRuleGate(try CompiledRegex(Self.subjectHasTo2, options: [.caseless, .multiline])) == nil)
        #expect(HeaderRuleGate(try CompiledRegex(Self.subjectHasTo2 + "x", options: [.caseless, .dotAll, .multiline])) == nil)
    }

    @Test func receivedRecipientGateAdmitsEveryMatch() throws {
        let regex = try CompiledRegex(Self.subjectHasTo2, options: [.caseless, .dotAll, .multiline])
        let pieces = ["\n", "\nReceived: from a by b", " for ", " FOR ", "<", ">", ";", "bob@example.com", "BOB@Example.COM", "bo", "x\u{E9}y",
                      "\u{E9}", "\nSubject: ", "\nsubject: ", "Subject: ", " ", "\t", "hi ", "!", "\r", "\nTo: bob@example.com", "a"]
            .map { Array($0.utf8) }
        var generator = SplitMix(seed: 0x5B2)
        var matches = 0, refused = 0
        for _ in 0..<40_000 {
            let text = (0..<(4 + generator.next(below: 14))).flatMap { _ in pieces[generator.next(below: pieces.count)] } + [0x0A]
            let matched = regex.firstMatch(in: text).isMatch
            let admitted = HeaderRuleGate.receivedRecipientInSubject.admits(text)
            if matched { matches += 1 }
            if !admitted { refused += 1 }
            #expect(admitted || !matched, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
        #expect(matches > 100)
        #expect(refused > 10_000)
    }

    @Test func receivedRecipientGateReadsTheRecipient() {
        let hit = Array("\nReceived: from x by y for <Bob@Example.com>; Sun\nSubject: hello bob@example.com!\n".utf8)
        let miss = Array("\nReceived: from x by y for <bob@example.com>; Sun\nSubject: hello alice@example.com!\n".utf8)
        #expect(HeaderRuleGate.receivedRecipientInSubject.admits(hit))
        #expect(!HeaderRuleGate.receivedRecipientInSubject.admits(miss))
    }
}
