import Testing
@testable import Rules

/// The eight-bytes-at-a-time counts and the ASCII comparisons answer as the byte loops and
/// String operations they replaced.
@Suite struct EvalWordCountsTests {
    private static let unicodeEntity = try! CompiledRegex("&#x[0-9A-F]{4};")

    @Test func byteWordMasksMatchByteTests() {
        var generator = SplitMix(seed: 0x5110)
        for _ in 0..<300 {
            let bytes = (0..<8).map { _ in generator.next(below: 3) == 0 ? UInt8(truncatingIfNeeded: generator.next()) : [0x20, 0x41, 0x7A, 0x30, 0x80, 0xC3, 0x00, 0x0A][generator.next(below: 8)] }
            let word = bytes.withUnsafeBufferPointer { ByteWords.load($0, at: 0) }
            func expected(_ test: (UInt8) -> Bool) -> Int { bytes.filter(test).count }
            #expect(ByteWords.equal(word, 0x20).nonzeroBitCount == expected { $0 == 0x20 }, "\(bytes)")
            #expect(ByteWords.equal(word, 0x00).nonzeroBitCount == expected { $0 == 0x00 }, "\(bytes)")
            #expect(ByteWords.inRange(word, 0x41, 0x5A).nonzeroBitCount == expected { $0 >= 0x41 && $0 <= 0x5A }, "\(bytes)")
            #expect(ByteWords.inRange(word, 0x30, 0x39).nonzeroBitCount == expected { $0 >= 0x30 && $0 <= 0x39 }, "\(bytes)")
            #expect(ByteWords.continuation(word).nonzeroBitCount == expected { $0 & 0xC0 == 0x80 }, "\(bytes)")
        }
    }

    @Test func allASCIIMatchesTheByteTest() {
        var generator = SplitMix(seed: 0x5115)
        for _ in 0..<200 {
            let bytes = (0..<generator.next(below: 30)).map { _ in generator.next(below: 20) == 0 ? 0x80 | UInt8(generator.next(below: 128)) : UInt8(generator.next(below: 128)) }
            #expect(ByteWords.allASCII(bytes) == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
        }
    }

    @Test func characterCountMatchesTheByteLoop() {
        var generator = SplitMix(seed: 0x5111)
        for _ in 0..<200 {
            let bytes = (0..<generator.next(below: 40)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            #expect(MIMEStatistics.characterCount(bytes) == bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }, "\(bytes)")
        }
    }

    /// Long runs of plain text around the bytes `PlainTextCensus` looks at, so the eight-byte
    /// skip meets a CR left pending, a line end or an entity at every offset.
    @Test func plainTextCensusSkipsOnlyPlainWords() {
        let pieces: [[UInt8]] = ["abcdefgh", "abc", "\r", "\n", "\r\n", "&#x00E9;", "&", "\u{E9}"].map { Array($0.utf8) } + [[0x00]]
        var generator = SplitMix(seed: 0x5112)
        for _ in 0..<200 {
            let body = (0..<generator.next(below: 12)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            var lineBytes = 0, illegal = 0, entities = 0
            MIMEStatistics.forEachLine(body[...]) { line, count in
                lineBytes += count
                if line.contains(where: { $0 == 0x00 || $0 == 0x0D || $0 >= 0x80 }) { illegal += 1 }
                entities += Array(line).withUnsafeBufferPointer { Self.unicodeEntity.count(in: $0).count }
            }
            let census = PlainTextCensus(body[...])
            #expect(census.lineBytes == lineBytes, "\(body)")
            #expect(census.illegalLines == illegal, "\(body)")
            #expect(census.unicodeEntities == entities, "\(body)")
        }
    }

    @Test func lowercasedEqualMatchesTheStrings() {
        let pieces = ["a", "A", "z", "@", "\u{212A}", "k", "K", "\u{E9}", "\u{C9}", "e\u{301}", "\u{130}", "i", ""]
        var generator = SplitMix(seed: 0x5113)
        for _ in 0..<300 {
            let first = (0..<generator.next(below: 4)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            let second = generator.next(below: 3) == 0 ? first.uppercased()
                : (0..<generator.next(below: 4)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            #expect(ASCII.lowercasedEqual(first, second) == (first.lowercased() == second.lowercased()), "\(first.debugDescription) \(second.debugDescription)")
        }
    }

    @Test func hostLabelsAnswerAsMayBeListed() {
        let lists: [Set<String>?] = [["icu", "com", "e\u{301}"], ["example"], [], nil]
        let pieces = ["www", ".", "example", "icu", "[", "]", "1.2.3.4", "caf\u{E9}", "com", "e\u{301}", "\r\n", ""]
        var generator = SplitMix(seed: 0x5114)
        for _ in 0..<300 {
            let host = (0..<generator.next(below: 5)).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            for labels in lists {
                #expect(URIEvals.mayBeListed(hostLabel: URIEvals.asciiLastLabel(host), lastLabels: labels) == URIEvals.mayBeListed(host, lastLabels: labels),
                        "\(host.debugDescription)")
            }
        }
    }
}
