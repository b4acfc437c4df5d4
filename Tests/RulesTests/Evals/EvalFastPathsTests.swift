import MailMessage
import Testing
@testable import Rules

/// The one-pass and byte-level paths of the eval phase give what the line loops, String
/// operations and regexes they replaced gave, on generated input with non-ASCII text and
/// invalid UTF-8.
@Suite struct EvalFastPathsTests {
    private static let unicodeEntity = try! CompiledRegex("&#x[0-9A-F]{4};")

    /// The line loop `MIMEStatistics` ran before `PlainTextCensus`.
    private func censusByLines(_ body: ArraySlice<UInt8>) -> (lineBytes: Int, illegalLines: Int, entities: Int) {
        var lineBytes = 0, illegal = 0, entities = 0
        MIMEStatistics.forEachLine(body) { line, count in
            lineBytes += count
            if line.contains(where: { $0 == 0x00 || $0 == 0x0D || $0 >= 0x80 }) { illegal += 1 }
            entities += Array(line).withUnsafeBufferPointer { Self.unicodeEntity.count(in: $0).count }
        }
        return (lineBytes, illegal, entities)
    }

    @Test func plainTextCensusMatchesTheLineLoop() {
        let pieces: [[UInt8]] = ["a", "&#x00E9;", "&#xABCD;", "&#x12g4;", "&#xabcd;", "&#x", "&", ";", "\r", "\n", "\r\n", "\r\r\n", " ",
                                 "caf\u{E9}"].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xE9, 0x0A]]
        var generator = SplitMix(seed: 0x5EED_0401)
        var bodies: [[UInt8]] = [[], Array("\r".utf8), Array("\n".utf8), Array("x\r".utf8), Array("&#x0041;".utf8)]
        for _ in 0..<400 {
            bodies.append((0..<generator.next(below: 14)).flatMap { _ in pieces[generator.next(below: pieces.count)] })
        }
        for body in bodies {
            // a slice that does not start at 0, as a part's raw body is
            let framed = [0x41] + body + [0x42]
            let slice = framed[1..<(framed.count - 1)]
            let census = PlainTextCensus(slice)
            let expected = censusByLines(slice)
            let text = String(decoding: body, as: UTF8.self).debugDescription
            #expect(census.lineBytes == expected.lineBytes, "\(text)")
            #expect(census.illegalLines == expected.illegalLines, "\(text)")
            #expect(census.unicodeEntities == expected.entities, "\(text)")
        }
    }

    @Test func lowercasedAndTrimmedMatchesTheStringPath() {
        let pieces: [[UInt8]] = [" ", "\t", "\r\n", "\r", "\n", "\u{0B}", "\u{0C}", "\u{1C}", "A", "z", "Base64", "-", "\u{C9}", "\u{A0}", "\u{85}",
                                 "\u{2003}", "e\u{301}"].map { Array($0.utf8) } + [[0xFF], [0xC3]]
        var generator = SplitMix(seed: 0x7121)
        for _ in 0..<300 {
            let bytes = (0..<generator.next(below: 7)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(MIMEStatistics.lowercasedAndTrimmed(text) == text.lowercased().trimmingCharacters(), "\(text.debugDescription)")
        }
    }

    @Test func charsetTestsMatchTheCharacterPaths() {
        let pieces = ["a", "Z", "-", "8", "\u{301}", "\u{E9}", "iso", "ISO-", "base64", "attachment", " ", "\u{FFFD}"]
        var generator = SplitMix(seed: 0xC4A5)
        for _ in 0..<300 {
            let text = (0..<generator.next(below: 6)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            #expect(MIMEStatistics.hasASCIILetterCharacter(text) == text.contains(where: { $0.isASCII && $0.isLetter }), "\(text.debugDescription)")
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                #expect(MIMEStatistics.contains(text, "attachment") == ASCII.contains(Array(text.utf8), Array("attachment".utf8)))
                #expect(MIMEStatistics.contains(text, "base64") == ASCII.contains(Array(text.utf8), Array("base64".utf8)))
            }
        }
    }

    /// `ReceivedEvals.squeezed` as it was: appended byte by byte, looking back at the last one.
    private func squeezedByAppending(_ text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        for byte in text {
            if ASCII.isPerlSpace(byte) {
                if result.last != 0x20 { result.append(0x20) }
            } else {
                result.append(byte)
            }
        }
        return result
    }

    @Test func squeezedReceivedMatchesAppending() {
        let pieces: [[UInt8]] = [[0x20], [0x09], [0x0A], [0x0D], [0x0B], [0x0C], [0x41], [0xFF], [0xA0], [0x85], [0x1C]]
        var generator = SplitMix(seed: 0x5A5A)
        for _ in 0..<300 {
            let text = (0..<generator.next(below: 12)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            #expect(ReceivedEvals.squeezed(text) == squeezedByAppending(text), "\(text)")
        }
    }

    /// Mostly printable ASCII, as header sections are, so that whole eight-byte words skip the
    /// byte-by-byte count.
    @Test func headerByteCensusWordSkipMatchesByteCounts() {
        var generator = SplitMix(seed: 0xCE4505)
        let rare: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x0B, 0x1F, 0x7F, 0x80, 0xA2, 0xAE, 0xC3, 0xFF, 0x20]
        let isControl: (UInt8) -> Bool = { $0 <= 0x08 || $0 == 0x0B || $0 == 0x0C || (0x0E...0x1F).contains($0) }
        for round in 0..<300 {
            let text: [UInt8] = (0..<generator.next(below: 90)).map { _ in
                if round % 3 == 0 { return 0x20 }
                return generator.next(below: 12) == 0 ? rare[generator.next(below: rare.count)] : UInt8(0x20 + generator.next(below: 0x5F))
            }
            let census = HeaderEvals.ByteCensus(text)
            #expect(census.hasNonSpace == text.contains(where: { !ASCII.isPerlSpace($0) }))
            #expect(census.hasHighBit == text.contains(where: { $0 >= 0x80 }))
            #expect(census.controls == text.reduce(0) { $0 + (isControl($1) ? 1 : 0) })
            #expect(census.deleteOrHighBit == text.reduce(0) { $0 + ($1 >= 0x7F ? 1 : 0) })
            #expect(census.exemptSymbols == text.reduce(0) { $0 + ($1 == 0xA2 || $1 == 0xA3 || $1 == 0xAE ? 1 : 0) })
        }
    }

    /// `BodyEvals.verticalWords` as it was: characters and spaces counted in two passes.
    private func verticalWordsInTwoPasses(_ texts: [[UInt8]]) -> Double {
        var result = -1
        for text in texts {
            let length = MIMEStatistics.characterCount(text)
            guard length > 5 else { continue }
            let spaces = text.reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) }
            let others = length - spaces
            result = max(result, spaces > others || others == 0 ? 100 : 100 * spaces / others)
        }
        return Double(result)
    }

    @Test func verticalWordsMatchesTwoPasses() {
        let pieces: [[UInt8]] = [[0x20], [0x20, 0x20], [0x41], [0xC3, 0xA9], [0xE2, 0x80, 0x83], [0x80], [0xFF], [0x09]]
        var generator = SplitMix(seed: 0x7E27)
        for _ in 0..<300 {
            let texts = (0..<generator.next(below: 4)).map { _ in
                (0..<generator.next(below: 14)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            }
            #expect(BodyEvals.verticalWords(texts) == verticalWordsInTwoPasses(texts), "\(texts)")
        }
    }
}
