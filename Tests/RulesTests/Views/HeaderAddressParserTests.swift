import Testing
@testable import Rules

/// Expected entries are what SpamAssassin 4.0.1's `Util::parse_header_addresses` returns
/// (without Email::Address::XS), trailing spaces of phrases included.
@Suite struct HeaderAddressParserTests {
    private func parse(_ text: String) -> [String] {
        HeaderAddressParser.parse(Array(text.utf8)).map { entry in
            let phrase = entry.phrase.map { "p=" + String(decoding: $0, as: UTF8.self) } ?? "p=-"
            let address = entry.address.map { "a=" + String(decoding: $0, as: UTF8.self) } ?? "a=-"
            return phrase + " " + address
        }
    }

    @Test func documentedForms() {
        #expect(parse("example@foo") == ["p=- a=example@foo"])
        #expect(parse("example@foo (Foo Blah), <example@bar>") == ["p=Foo Blah a=example@foo", "p=- a=example@bar"])
        #expect(parse("example@foo, example@bar") == ["p=- a=example@foo", "p=- a=example@bar"])
        #expect(parse("display: example@foo (Foo Blah), example@bar ;") == ["p=Foo Blah a=example@foo", "p=- a=example@bar"])
        #expect(parse("Foo Blah <example@foo>") == ["p=Foo Blah  a=example@foo"])
        #expect(parse("\"Foo Blah\" <example@foo>") == ["p=Foo Blah  a=example@foo"])
        #expect(parse("\"'Foo Blah'\" <example@foo>") == ["p='Foo Blah'  a=example@foo"])
    }

    @Test func oddCasesKeepSpamAssassinsAnswers() {
        #expect(parse("\"\" <x@example.com>") == ["p=  a=x@example.com"])
        #expect(parse("x@example.com ()") == ["p= a=x@example.com"])
        #expect(parse("Undisclosed recipients:;") == [])
        #expect(parse("\"Doe, John\" <john@example.com>, \"quoted \\\"q\\\"\" <q@example.com>")
            == ["p=Doe, John  a=john@example.com", "p=quoted \"q\"  a=q@example.com"])
        #expect(parse("a@b@c.com") == ["p=- a=a@b"])
        #expect(parse("Just A Name") == ["p=Just A Name a=-"])
        #expect(parse("   ") == [])
    }

    @Test func hostileInputEndsQuickly() {
        let junk = Array(String(repeating: "\"a\\\"(<,;", count: 5_000).utf8)
        _ = HeaderAddressParser.parse(junk)
    }

    /// `parse` skips a rewriting pattern when the text lacks a byte the pattern needs (":" for
    /// the group prefix, "\\" for the escapes, "(" for comments): on texts lacking the byte the
    /// pattern must leave the text as it is.
    @Test func skippedRewritesWouldChangeNothing() {
        var generator = SplitMix(seed: 23)
        let pieces = ["a", "b@c.d", "<", ">", "\"", " ", ",", ";", "x.y", "@", ")", "'", "\t", "(", ":", "\\", "\\\\"]
        let rewrites: [(PerlPattern, UInt8)] = [
            (HeaderAddressParser.groupPrefix, UInt8(ascii: ":")), (HeaderAddressParser.escapedBackslash, UInt8(ascii: "\\")),
            (HeaderAddressParser.unescape, UInt8(ascii: "\\")), (HeaderAddressParser.doubleBackslash, UInt8(ascii: "\\")),
            (HeaderAddressParser.comment_, UInt8(ascii: "(")),
        ]
        var checked = 0
        for _ in 0..<300 {
            let text = Array((0..<generator.next(below: 12)).map { _ in pieces[generator.next(below: pieces.count)] }.joined().utf8)
            for (pattern, needed) in rewrites where !text.contains(needed) {
                checked += 1
                #expect(pattern.replacing(in: text, global: true) { _ in [] } == text, "\(String(decoding: text, as: UTF8.self))")
            }
        }
        #expect(checked > 500)
    }
}
