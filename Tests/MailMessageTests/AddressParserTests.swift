import Testing
import MailMessage

@Suite("AddressParser")
struct AddressParserTests {
    /// The addresses as "name|address|group" strings, for compact expectations.
    private func parsed(_ value: String) -> (list: [String], defects: [DefectKind]) {
        let result = AddressParser.parse(value)
        return (result.addresses.map { "\($0.displayName ?? "")|\($0.address)|\($0.group ?? "")" }, result.defects)
    }

    // MARK: well-formed

    @Test func plainAddress() throws {
        let result = AddressParser.parse("john@example.com")
        let address = try #require(result.addresses.first)
        #expect(result.addresses.count == 1)
        #expect(address.displayName == nil)
        #expect(address.localPart == "john")
        #expect(address.domain == "example.com")
        #expect(address.group == nil)
        #expect(result.defects.isEmpty)
    }

    @Test(arguments: [
        ("John Smith <john@example.com>", ["John Smith|john@example.com|"]),
        ("<john@example.com>", ["|john@example.com|"]),
        ("\"Smith, John\" <john@example.com>, jane@example.org", ["Smith, John|john@example.com|", "|jane@example.org|"]),
        ("\"John \\\"Johnny\\\" Doe\" <j@example.com>", ["John \"Johnny\" Doe|j@example.com|"]),
        ("John Q. Public <jqp@example.com>", ["John Q. Public|jqp@example.com|"]),
        ("Foo@EXAMPLE.COM", ["|Foo@example.com|"]),
        ("  John   Smith   <  john @ example . com >  ", ["John Smith|john@example.com|"]),
        ("user@[192.0.2.1]", ["|user@[192.0.2.1]|"]),
        ("jörg@bücher.example", ["|jörg@bücher.example|"]),
        ("Who? <one@y.test>", ["Who?|one@y.test|"]),
        ("a@x, , ,b@y", ["|a@x|", "|b@y|"]),
    ])
    func wellFormed(value: String, expected: [String]) {
        let result = parsed(value)
        #expect(result.list == expected)
        #expect(result.defects.isEmpty)
    }

    @Test func emptyValues() {
        for value in ["", "   ", ",", " , ,, "] {
            let result = AddressParser.parse(value)
            #expect(result.addresses.isEmpty)
            #expect(result.defects.isEmpty)
        }
    }

    @Test func nullAddressIsNoMailbox() {
        let result = AddressParser.parse("<>")
        #expect(result.addresses.isEmpty)
        #expect(result.defects.isEmpty)
    }

    // MARK: RFC 5322 appendix A

    @Test func appendixA12DifferentTypesOfMailboxes() {
        let result = parsed("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>")
        #expect(result.list == ["Mary Smith|mary@x.test|", "|jdoe@example.org|", "Who?|one@y.test|"])
        let second = parsed("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>")
        #expect(second.list == ["|boss@nil.test|", "Giant; \"Big\" Box|sysservices@example.net|"])
        #expect(result.defects.isEmpty && second.defects.isEmpty)
    }

    @Test func appendixA13GroupAddresses() {
        let result = parsed("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;")
        #expect(result.list == ["Ed Jones|c@a.test|A Group", "|joe@where.test|A Group", "John|jdoe@one.test|A Group"])
        #expect(result.defects.isEmpty)
        let empty = AddressParser.parse("Undisclosed recipients:;")
        #expect(empty.addresses.isEmpty)
        #expect(empty.defects.isEmpty)
    }

    @Test func appendixA5WhiteSpaceCommentsAndOtherOddities() {
        let result = parsed("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>")
        #expect(result.list == ["Pete|pete@silly.test|"])
        let group = parsed(
            "A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         joe@example.org,\r\n"
                + "  John <jdoe@one.test> (my dear friend); (the end of the group)")
        #expect(group.list == ["Chris Jones|c@public.example|A Group", "|joe@example.org|A Group", "John|jdoe@one.test|A Group"])
        #expect(result.defects.isEmpty && group.defects.isEmpty)
    }

    @Test func appendixA6ObsoleteAddressing() {
        let result = parsed("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example")
        #expect(result.list == ["Mary Smith|mary@example.net|", "|jdoe@test.example|"])
        let commented = parsed("John Doe <jdoe@machine(comment).  example>")
        #expect(commented.list == ["John Doe|jdoe@machine.example|"])
        #expect(result.defects.isEmpty && commented.defects.isEmpty)
    }

    // MARK: display names

    @Test func encodedWordsInDisplayNames() {
        #expect(parsed("=?utf-8?q?J=C3=B6rg_M=C3=BCller?= <jm@example.de>").list == ["Jörg Müller|jm@example.de|"])
        #expect(parsed("=?utf-8?q?J=C3=B6rg?= =?utf-8?q?_M?= <jm@example.de>").list == ["Jörg M|jm@example.de|"])
        #expect(parsed("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>").list == ["Keld Jørn Simonsen|keld@dkuug.dk|"])
        #expect(parsed("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>").list == ["André Pirard|PIRARD@vm1.ulg.ac.be|"])
    }

    @Test func encodedWordsInsideQuotesAreDecodedToo() {
        let result = parsed("\"=?utf-8?q?J=C3=B6rg?=\" <j@example.de>")
        #expect(result.list == ["Jörg|j@example.de|"])
    }

    @Test func encodedWordWithSpecialsInsideIsOneWord() {
        let result = parsed("=?utf-8?q?Smith,_J.?= <js@example.com>, other@example.com")
        #expect(result.list == ["Smith, J.|js@example.com|", "|other@example.com|"])
        #expect(result.defects.isEmpty)
    }

    @Test func encodedWordDefectsAreReported() {
        let result = AddressParser.parse("=?x-bogus?q?abc?= <a@example.com>")
        #expect(result.addresses.first?.displayName == "abc")
        #expect(result.defects == [.unknownCharset])
    }

    @Test func commentGivesTheDisplayNameWhenThereIsNone() {
        #expect(parsed("john@example.com (John Smith)").list == ["John Smith|john@example.com|"])
        #expect(parsed("<john@example.com> (John)").list == ["John|john@example.com|"])
        #expect(parsed("j@example.com (outer (inner) text)").list == ["outer (inner) text|j@example.com|"])
        #expect(parsed("j@example.com (=?utf-8?q?J=C3=B6rg?=)").list == ["Jörg|j@example.com|"])
        #expect(parsed("Real <j@example.com> (comment)").list == ["Real|j@example.com|"])
        #expect(parsed("john(a comment)@example.com").list == ["|john@example.com|"])
    }

    // MARK: local parts and domains

    @Test func quotedLocalPart() throws {
        let address = try #require(AddressParser.parse("\"john doe\"@example.com").addresses.first)
        #expect(address.localPart == "john doe")
        #expect(address.quotedLocalPart == "\"john doe\"")
        #expect(address.address == "\"john doe\"@example.com")
        let comma = try #require(AddressParser.parse("\"a,b\"@example.com, c@example.com").addresses.first)
        #expect(comma.localPart == "a,b")
        let escaped = try #require(AddressParser.parse("\"a\\\"b\"@example.com").addresses.first)
        #expect(escaped.localPart == "a\"b")
        #expect(escaped.quotedLocalPart == "\"a\\\"b\"")
        let mixed = try #require(AddressParser.parse("\"john\".doe@example.com").addresses.first)
        #expect(mixed.localPart == "john.doe")
        #expect(mixed.quotedLocalPart == "john.doe")
    }

    @Test func obsoleteRoutesAreDropped() {
        #expect(parsed("<@relay.example:user@example.com>").list == ["|user@example.com|"])
        let twoHops = parsed("Name <@r1.example,@r2.example:user@example.com>, next@example.com")
        #expect(twoHops.list == ["Name|user@example.com|", "|next@example.com|"])
        #expect(twoHops.defects.isEmpty)
    }

    @Test func internationalizedDomains() throws {
        let unicode = try #require(AddressParser.parse("user@Bücher.Example").addresses.first)
        #expect(unicode.domain == "bücher.example")
        #expect(unicode.asciiDomain == "xn--bcher-kva.example")
        #expect(unicode.unicodeDomain == "bücher.example")
        let ascii = try #require(AddressParser.parse("user@XN--BCHER-KVA.example").addresses.first)
        #expect(ascii.domain == "xn--bcher-kva.example")
        #expect(ascii.unicodeDomain == "bücher.example")
        #expect(ascii.asciiDomain == "xn--bcher-kva.example")
    }

    // MARK: groups

    @Test func groups() {
        let result = parsed("Team: a@x.com, B <b@y.com>;, c@z.com")
        #expect(result.list == ["|a@x.com|Team", "B|b@y.com|Team", "|c@z.com|"])
        #expect(result.defects.isEmpty)
        let undisclosed = AddressParser.parse("undisclosed-recipients:;")
        #expect(undisclosed.addresses.isEmpty)
        #expect(undisclosed.defects.isEmpty)
    }

    @Test func groupWithoutSemicolonIsReported() {
        let result = parsed("Team: a@x.com")
        #expect(result.list == ["|a@x.com|Team"])
        #expect(result.defects == [.badAddress])
    }

    @Test func encodedGroupName() {
        #expect(parsed("=?utf-8?q?G=C3=A4ste?=: a@x.com;").list == ["|a@x.com|Gäste"])
    }

    @Test func straySemicolonIsReported() {
        let result = parsed("a@x.com; b@y.com")
        #expect(result.list == ["|a@x.com|", "|b@y.com|"])
        #expect(result.defects == [.badAddress])
    }

    // MARK: salvaging junk

    @Test(arguments: [
        ("a@x.com b@y.com", ["|a@x.com|", "|b@y.com|"]),
        ("John <a@x.com> Mary <b@y.com>", ["John|a@x.com|", "Mary|b@y.com|"]),
        ("<a@x.com> <b@y.com>", ["|a@x.com|", "|b@y.com|"]),
        ("John Smith john@x.com", ["John Smith|john@x.com|"]),
        ("john@x.com <john@x.com>", ["john@x.com|john@x.com|"]),
        ("John <john@x.com", ["John|john@x.com|"]),
        ("John <a@x.com, b@y.com", ["John|a@x.com|", "|b@y.com|"]),
        ("<a@x.com <b@y.com>", ["|a@x.com|", "|b@y.com|"]),
        ("<<a@x.com>>", ["|a@x.com|"]),
        ("a@b@c.com", ["|a@b|"]),
        ("a@", ["|a|"]),
        ("john..doe@x.com", ["|\"john..doe\"@x.com|"]),
        ("postmaster", ["|postmaster|"]),
        ("Undisclosed recipients", []),
        (">>>@@@", []),
        ("\"John <j@x.com>", []),
        ("(unterminated comment a@b.com", []),
        ("a@x.com, )junk], b@y.com", ["|a@x.com|", "|b@y.com|"]),
    ])
    func junkIsSalvagedAndReported(value: String, expected: [String]) {
        let result = parsed(value)
        #expect(result.list == expected)
        #expect(result.defects == [.badAddress])
    }

    @Test func garbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "b@", "@", "<", ">", ",", ";", ":", "\"", "(", ")", "[", "]", "\\", ".", " ", "=?utf-8?q?x?=", "é", "x.com"]
        for _ in 0..<2000 {
            let value = (0..<Int.random(in: 0...25, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let result = AddressParser.parse(value)
            #expect(result.addresses.count <= value.utf8.count)
        }
    }

    @Test func longJunkIsLinear() {
        let clock = ContinuousClock()
        let words = String(repeating: "word ", count: 20_000)
        let dots = String(repeating: "a.", count: 20_000)
        let angles = String(repeating: "<", count: 20_000)
        let addresses = String(repeating: "a@b.c ", count: 5_000)
        let elapsed = clock.measure {
            for value in [words, dots, angles, addresses] { _ = AddressParser.parse(value) }
        }
        #expect(AddressParser.parse(addresses).addresses.count == 5_000)
        #expect(elapsed < .seconds(10))
    }
}
