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
        let recipients = ["bob@example.com", "BOB@Example.COM", "bo", "x\u{E9}y", "<bob@example.com", "a", "b<c", "bob@example.com>x"]
        let fillers = ["", " ", "from a by b", "\t", "x", "; ", "\u{E9}", "for", "Subject: ", "\n\n", "hi ", "Subject: bob@example.com!",
                       "sUBJECT: BO.", String(repeating: "x", count: 195), String(repeating: "y", count: 205)]
        let ends = ["", "!", "a", " ", "\n", ">", ";", "-"]
        var generator = SplitMix(seed: 0x5B2)
        func pick(_ list: [String]) -> String { list[generator.next(below: list.count)] }
        var matches = 0, refused = 0
        for _ in 0..<40_000 {
            let recipient = pick(recipients)
            let received = "\nReceived: " + pick(fillers) + pick([" for ", " FOR ", "for "])
                + (generator.next(below: 2) == 0 ? "<" : "") + recipient + pick(["", ">", ">;", ";", " ;"]) + pick(fillers)
            let shown = generator.next(below: 3) == 0 ? pick(recipients) : (generator.next(below: 2) == 0 ? recipient.uppercased() : recipient)
            let subject = pick(["\nSubject: ", "\nsubject: ", "\nSubject:", "Subject: "]) + pick(fillers) + shown + pick(ends)
            var lines = [received, subject, "\nTo: " + pick(recipients), "\n" + pick(fillers)]
            for index in stride(from: lines.count - 1, to: 0, by: -1) { lines.swapAt(index, generator.next(below: index + 1)) }
            let text = Array((lines.joined() + "\n").utf8)
            let matched = regex.firstMatch(in: text).isMatch
            let admitted = HeaderRuleGate.receivedRecipientInSubject.admits(text)
            if matched { matches += 1 }
            if !admitted { refused += 1 }
            #expect(admitted || !matched, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
        #expect(matches > 1_000)
        #expect(refused > 5_000)
    }

    @Test func receivedRecipientGateReadsTheRecipient() {
        let hit = Array("\nReceived: from x by y for <Bob@Example.com>; Sun\nSubject: hello bob@example.com!\n".utf8)
        let miss = Array("\nReceived: from x by y for <bob@example.com>; Sun\nSubject: hello alice@example.com!\n".utf8)
        #expect(HeaderRuleGate.receivedRecipientInSubject.admits(hit))
        #expect(!HeaderRuleGate.receivedRecipientInSubject.admits(miss))
    }
}
