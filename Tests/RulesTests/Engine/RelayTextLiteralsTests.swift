import Testing
@testable import Rules

@Suite struct RelayTextLiteralsTests {
    private func literals(_ pattern: String, _ options: RegexOptions = []) -> [String]? {
        RelayTextLiterals.literals(for: Array(pattern.utf8), options: options)?.map { String(decoding: $0, as: UTF8.self) }
    }

    private func tails(_ pattern: String, _ options: RegexOptions = []) -> [String] {
        let bytes = Array(pattern.utf8)
        return RelayTextLiterals.tailStarts(of: bytes, options: options).map { String(decoding: bytes[$0...], as: UTF8.self) }
    }

    @Test func skeletonLiteralGivesWayToTheTailsLiterals() {
        #expect(literals(#"^[^\]]+ rdns=\S*(?:fix|static|smtp)"#, .caseless) == ["fix", "smtp", "static"])
        #expect(literals(#"^[^\]]+ rdns=\d+\.cps\."#, .caseless) == [".cps."])
        #expect(literals(#"^[^\]]+ helo=localhost "#, .caseless) == [" helo=localhost "])
    }

    @Test func ownLiteralsKeptWhenNotInTheSkeleton() {
        let pattern = #"mx[1234]\.hotmail\.com"#
        #expect(literals(pattern) == RequiredLiterals.extract(from: pattern).map { $0.map { String(decoding: $0, as: UTF8.self) } })
        #expect(literals(pattern) != nil)
    }

    @Test func skeletonLiteralKeptWhenTheTailKnowsNothing() {
        // the tail `\S+\d` has no literal: the rule keeps " rdns=" (sound, filters nothing)
        #expect(literals(#"^[^\]]+ rdns=\S+\d"#) == [" rdns="])
        // " rdns= " (an empty rdns) is no skeleton piece: kept
        #expect(literals(#"^[^\]]+ rdns= "#) == [" rdns= "])
    }

    @Test func cutsOnlyAtTopLevelEquals() {
        #expect(tails(#"a(?=b)c[=]d\=e x={2}y rdns=z"#) == ["z"])
        #expect(tails(#"(?:ip=1) helo=x"#) == ["x"])
        #expect(tails(#"\x{3d}= a"#) == [" a"])
    }

    @Test func noCutWhereTheTailWouldReadDifferently() {
        #expect(tails(#"rdns=a|helo=b"#).isEmpty)
        #expect(tails(#"(?i)rdns=a"#).isEmpty)
        #expect(tails(#"\Q=\E rdns=a"#).isEmpty)
        #expect(tails("rdns= a # c=", .extended).isEmpty)
        #expect(tails(#"(rdns=a"#).isEmpty)
    }

    @Test func tailLiteralsHoldInEveryMatchOfRealRelayTexts() throws {
        let texts = [
            "[ ip=203.0.113.5 rdns=static-5.example.net helo=mail.example.net by=mx.example.com ident= envfrom= intl=0 id=1 auth= msa=0 ]",
            "[ ip=198.51.100.7 rdns=c-7.dhcp.example.org helo=localhost by=mx.example.com ident= envfrom= intl=0 id= auth= msa=0 ] "
                + "[ ip=192.0.2.1 rdns= helo=FRIEND by=x ident= envfrom= intl=0 id= auth= msa=0 ]",
        ]
        let patterns = [#"^[^\]]+ rdns=\S*(?:fix|static|smtp)"#, #"^[^\]]+ rdns=\S*(?:dhcp|cpe)\S*\d+[^\d\s]+\d"#,
                        #"^[^\]]+ helo=localhost "#, #"^[^\]]+ rdns=\S+[\-\.](?:dhcp|cpe)[\-\.]"#, #"\bhelo=friend\b"#]
        for pattern in patterns {
            let regex = try CompiledRegex(pattern, options: .caseless)
            let required = try #require(literals(pattern, .caseless))
            for text in texts where regex.firstMatch(in: Array(text.utf8)).isMatch {
                #expect(required.contains { text.lowercased().contains($0) }, "\(pattern) on \(text)")
            }
        }
    }
}
