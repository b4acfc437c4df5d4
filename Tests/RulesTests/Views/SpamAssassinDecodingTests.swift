import MailMessage
import Testing
@testable import Rules

@Suite struct SpamAssassinDecodingTests {
    private func qp(_ text: String) -> String {
        String(decoding: SpamAssassinDecoding.quotedPrintableDecode(Array(text.utf8)), as: UTF8.self)
    }

    @Test func quotedPrintableInSpamAssassinsTwoPasses() {
        // Soft breaks go first, so "==\n3D" becomes "=3D" and then "=".
        #expect(qp("version==\n3D5") == "version=5")
        #expect(qp("caf=C3=A9 =\nnext") == "caf\u{E9} next")
        #expect(qp("trailing   \nspace") == "trailing\nspace")
        #expect(qp("last line kept  ") == "last line kept  ")
        #expect(qp("=ZZ and =4") == "=ZZ and =4")
        #expect(qp("crlf=\r\nsoft") == "crlfsoft")
    }

    @Test func blankLineRunsAreCutToTwenty() {
        let body = "text\n" + String(repeating: "\n", count: 5) + String(repeating: " \n", count: 20) + "end\n"
        let limited = String(decoding: SpamAssassinDecoding.limitingBlankLines(Array(body.utf8)[...]), as: UTF8.self)
        // The first blank line stays, the next five go, the last nineteen stay.
        #expect(limited == "text\n\n" + String(repeating: " \n", count: 19) + "end\n")
        let short = "a\n\n\nb\n"
        #expect(String(decoding: SpamAssassinDecoding.limitingBlankLines(Array(short.utf8)[...]), as: UTF8.self) == short)
    }

    @Test func longLinesInMultipartPartsGainLineBreaks() {
        let line = [UInt8](repeating: 0x61, count: 2048) + [0x0A]
        let split = SpamAssassinDecoding.splittingLongLines(line)
        #expect(split == [UInt8](repeating: 0x61, count: 2048) + [0x0A, 0x0A])
        let long = [UInt8](repeating: 0x62, count: 5000)
        #expect(SpamAssassinDecoding.splittingLongLines(long).filter { $0 == 0x0A }.count == 2)
        #expect(SpamAssassinDecoding.splittingLongLines(Array("ok\n".utf8)) == Array("ok\n".utf8))
    }

    @Test func partsOfAQuotedPrintableMultipartAreDecodedOnce() throws {
        let message = MailMessage(parsing: Array("""
            From: a@example.com
            Subject: s
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"
            Content-Transfer-Encoding: quoted-printable

            --b1
            Content-Type: text/html
            Content-Transfer-Encoding: quoted-printable

            <img width=3D40 height=3D30 src=3D"x.gif">
            --b1--

            """.utf8))
        let part = try #require(message.root.leaves.first { $0.contentType.subtype == "html" })
        let decoded = String(decoding: SpamAssassinDecoding.decodedBytes(of: part, in: message, inMultipart: true), as: UTF8.self)
        #expect(decoded.contains("width=40 height=30 src=\"x.gif\""))
    }

    /// The byte-by-byte scan the line-skipping one replaced, as its reference.
    private func referenceHasLongBlankRun(_ body: [UInt8]) -> Bool {
        var run = 0, blank = true
        for byte in body {
            if byte == 0x0A {
                run = blank ? run + 1 : 0
                if run > SpamAssassinDecoding.maxBlankLines { return true }
                blank = true
            } else if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) {
                blank = false
            }
        }
        if blank, let last = body.last, last != 0x0A { run += 1 }
        return run > SpamAssassinDecoding.maxBlankLines
    }

    @Test func blankRunScanThatSkipsTextLinesAgreesWithTheByteScan() {
        let lines = ["\n", " \n", "\t \r\n", "x\n", " x \n", "\u{0B}\u{0C}\n", "", " ", "text", "\u{A0}\n"]
        var generator = SystemRandomNumberGenerator()
        var bodies: [[UInt8]] = [[], Array(String(repeating: "\n", count: 21).utf8), Array(String(repeating: "\n", count: 20).utf8),
                                 Array((String(repeating: " \n", count: 20) + " ").utf8), Array((String(repeating: "\n", count: 20) + "x").utf8)]
        for _ in 0..<3000 {
            let count = Int.random(in: 0...40, using: &generator)
            bodies.append(Array((0..<count).map { _ in lines.randomElement(using: &generator)! }.joined().utf8))
        }
        for body in bodies {
            #expect(SpamAssassinDecoding.hasLongBlankRun(body[...]) == referenceHasLongBlankRun(body))
            let sliced = ([0x41, 0x0A] + body)[2...]
            #expect(SpamAssassinDecoding.hasLongBlankRun(sliced) == referenceHasLongBlankRun(body))
        }
    }

    @Test func quotedPrintableInPlaceBuffersGiveTheAppendedResult() {
        let alphabet: [UInt8] = Array("=A3d\r\n \tzF0".utf8) + [0xC3, 0xA9]
        var generator = SystemRandomNumberGenerator()
        var changed = 0
        for _ in 0..<400 {
            let input = (0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let decoded = SpamAssassinDecoding.quotedPrintableDecode(input)
            #expect(decoded == SpamAssassinDecoding.quotedPrintableDecodeByAppending(input), "\(input)")
            if decoded != input { changed += 1 }
        }
        #expect(changed > 50)
    }

    /// Dropping each CR before an LF by copying the text between them whole gives the
    /// byte-by-byte result.
    @Test func carriageReturnsDroppedByRunsGiveTheByteByByteResult() {
        let alphabet: [UInt8] = [0x0D, 0x0A, 0x61, 0x20, 0xC3]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let input = (0..<Int.random(in: 0...16, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let reference = input.indices.filter { !(input[$0] == 0x0D && $0 + 1 < input.count && input[$0 + 1] == 0x0A) }.map { input[$0] }
            #expect(BodyRenderer.withoutCarriageReturns(input) == reference, "\(input)")
        }
    }

    @Test func longLineCheckFindsLinesAtTheLimit() {
        let limit = SpamAssassinText.maxLineLength
        let fits = [UInt8](repeating: 0x61, count: limit - 1) + [0x0A] + [UInt8](repeating: 0x62, count: limit)
        #expect(SpamAssassinDecoding.splittingLongLines(fits) == fits)
        let over = [0x0A] + [UInt8](repeating: 0x61, count: limit) + [0x0A]
        #expect(SpamAssassinDecoding.splittingLongLines(over).count == over.count + 1)
    }
}
