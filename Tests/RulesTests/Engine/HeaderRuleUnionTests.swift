import Testing
@testable import Rules

/// A union chain must settle each member as the member's own search would: over random
/// relay-like texts, every state it sets agrees with the member run alone, and it settles most.
@Suite struct HeaderRuleUnionTests {
    private static let members: [(String, RegexOptions)] = [
        (#"^[^\]]+ helo=[a-z]\S*\d+[^\d\s]\d+"#, [.caseless]),
        (#"^\[ ip=(\d+)\.(\d+) "#, []),
        (#"^[^\]]+ auth= "#, []),
        (#"^(?:x|[^\]]+ rdns= )"#, []),
        (#"^[^\]]+ rdns=\S+ (?=helo)"#, [.caseless]),
        (#"^.{0,40}(a|b|\[)c"#, [.dotAll]),
        (#"\A(?i)subject: .{5}"#, []),
        (#"^[\](|]*ip=1"#, []),
        (#"^\[ ip=\S+ rdns=(?!mail)"#, []),
    ]

    @Test func anchoringIsReadFromThePattern() throws {
        #expect(HeaderRuleUnion.isAnchoredAtStart(try CompiledRegex(#"^a|b"#)) == false)
        #expect(HeaderRuleUnion.isAnchoredAtStart(try CompiledRegex(#"^[(]a|b"#)) == false)
        #expect(HeaderRuleUnion.isAnchoredAtStart(try CompiledRegex(#"^[]|(]a"#)) == true)
        #expect(HeaderRuleUnion.isAnchoredAtStart(try CompiledRegex(#"^(?:a|b)c"#)) == true)
        #expect(HeaderRuleUnion.isAnchoredAtStart(try CompiledRegex(#"^a"#, options: [.multiline])) == false)
        #expect(HeaderRuleUnion.isAnchoredAtStart(try CompiledRegex(#"a^"#)) == false)
        #expect(HeaderRuleUnion.isAnchoredAtStart(try CompiledRegex(#"\Aa\|b"#)) == true)
        #expect(HeaderRuleUnion.isJoinable(try CompiledRegex(#"^(a)\1"#)) == false)
        #expect(HeaderRuleUnion.isJoinable(try CompiledRegex(#"^(?<n>a)"#)) == false)
        #expect(HeaderRuleUnion.isJoinable(try CompiledRegex(#"^a(*SKIP)b"#)) == false)
        #expect(HeaderRuleUnion.isJoinable(try CompiledRegex(#"^a(?x) b"#)) == false)
        #expect(HeaderRuleUnion.isJoinable(try CompiledRegex(#"^(?<=a)(?i:b)(?!c)"#)) == true)
    }

    @Test func chainAgreesWithEachMemberAlone() throws {
        let regexes = try Self.members.map { try CompiledRegex($0.0, options: $0.1) }
        #expect(regexes.allSatisfy { HeaderRuleUnion.isAnchoredAtStart($0) && HeaderRuleUnion.isJoinable($0) })
        let union = try #require(HeaderRuleUnion(memberSteps: Array(regexes.indices), regexes: regexes))
        let pieces = ["[ ip=", "10.1.2.3", "1.2", " rdns=", "mail.x.com", "", " helo=", "host-1-2-3.x", " auth= ", " ", "]", "(", "|", "ac", "bc",
                      "[c", "Subject: ", "hello", "\n", "x"]
        var generator = SplitMix(seed: 0x0A1C)
        var settled = 0, matched = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<generator.next(below: 9) { text += pieces[generator.next(below: pieces.count)] }
            let bytes = Array(text.utf8)
            var states = [Int8](repeating: HeaderRuleUnion.unknown, count: regexes.count)
            bytes.withUnsafeBufferPointer { union.settle($0, states: &states) }
            for (index, regex) in regexes.enumerated() where states[index] != HeaderRuleUnion.unknown {
                let alone = regex.firstMatch(in: bytes).isMatch
                #expect(alone == (states[index] == HeaderRuleUnion.match), "\(Self.members[index].0) on \(text.debugDescription)")
                settled += 1
                if alone { matched += 1 }
            }
        }
        #expect(settled == 300 * regexes.count)
        #expect(matched > 50)
    }
}
