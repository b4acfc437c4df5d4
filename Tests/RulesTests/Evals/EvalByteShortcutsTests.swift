import Testing
@testable import Rules

/// The byte-level shortcuts of the eval functions give what the String or regex path they stand
/// for gives, non-ASCII text included.
@Suite struct EvalByteShortcutsTests {
    @Test func requestParsingMatchesHeaderRequest() {
        let requests = ["From:addr", "Resent-From:first:addr", " To :name", "\tSubject:raw\t", "EnvelopeFrom", "X-Foo:host", "From:",
                        "Sujet\u{E9}:addr", "ALL", "Received:last", ":addr", "", "To::addr", "From:addr:raw:first:last:name"]
        for text in requests {
            #expect(EvalContext.parsedRequest(text) == HeaderRequest(parsing: text), "\(text.debugDescription)")
        }
    }

    /// FreeMail's dot squeezing by Character: the reference the fast path must agree with.
    private func squeezedByCharacter(_ address: String) -> String {
        var result = ""
        for character in address where !(character == "." && result.last == ".") { result.append(character) }
        return result
    }

    @Test func dotSqueezingMatchesCharacterLoop() {
        // "\u{600}" (an Arabic prepend mark) joins the "." after it into one Character
        let addresses = ["a.b@c.d", "a..b@c...d", "..", ".", "", "caf\u{E9}..x@y", "a.\u{301}.b", "a\u{600}..b", "x.\u{301}.\u{301}.y"]
        for address in addresses {
            #expect(EvalContext.squeezingDots(address) == squeezedByCharacter(address), "\(address.debugDescription)")
        }
    }

    private static let innerSpace = try! CompiledRegex(#"\S\s+\S"#)
    private static let base64Run = try! CompiledRegex(#"^(?:[A-Za-z0-9+/=]{60,76} ){2}"#)

    @Test func uppercaseLineTestsMatchTheirPatterns() {
        let pieces = [" ", "\t", "\u{0B}", "a", "Z", "\u{E9}", "+/=", String(repeating: "A", count: 30), String(repeating: "b9", count: 15), "-", "\r"]
            .map { Array($0.utf8) }
        var generator = SplitMix(seed: 0xCA95)
        var lines = (0..<20_000).map { _ in (0..<generator.next(below: 10)).flatMap { _ in pieces[generator.next(below: pieces.count)] } }
        let run60 = String(repeating: "Q", count: 60), run76 = String(repeating: "Q", count: 76), run77 = String(repeating: "Q", count: 77)
        lines += ["\(run60) \(run76) x", "\(run60) \(run77) ", "\(run76)  \(run60) ", " \(run60) \(run60) ", "\(run60) \(run60)"].map { Array($0.utf8) }
        for line in lines {
            let text = String(decoding: line, as: UTF8.self).debugDescription
            #expect(MIMEEvals.hasInnerSpace(line) == Self.innerSpace.firstMatch(in: line).isMatch, "\(text)")
            #expect(MIMEEvals.startsWithBase64Run(line) == Self.base64Run.firstMatch(in: line).isMatch, "\(text)")
        }
        #expect(MIMEEvals.startsWithBase64Run(Array("\(run60) \(run76) x".utf8)))
    }
}
