import Testing
@testable import MailMessage

@Suite struct UUEncodeTests {
    /// A reference uuencoder: 45 bytes a line, backquote for zero.
    private func uuencode(_ bytes: [UInt8], lineBreak: String = "\n") -> String {
        func character(_ value: UInt8) -> Character {
            Character(Unicode.Scalar(value == 0 ? 0x60 : value + 0x20))
        }
        var text = ""
        var start = 0
        while start < bytes.count {
            let line = Array(bytes[start..<min(start + 45, bytes.count)])
            text.append(character(UInt8(line.count)))
            var index = 0
            while index < line.count {
                let b0 = line[index]
                let b1 = index + 1 < line.count ? line[index + 1] : 0
                let b2 = index + 2 < line.count ? line[index + 2] : 0
                text.append(character(b0 >> 2))
                text.append(character((b0 & 0x03) << 4 | b1 >> 4))
                text.append(character((b1 & 0x0F) << 2 | b2 >> 6))
                text.append(character(b2 & 0x3F))
                index += 3
            }
            text += lineBreak
            start += 45
        }
        return text + "`" + lineBreak
    }

    private func offsetSlice(_ text: String) -> ArraySlice<UInt8> {
        let padded = Array("xx".utf8) + Array(text.utf8) + Array("yy".utf8)
        return padded[2..<(padded.count - 2)]
    }

    private func sampleBytes(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ $0 >> 3) }
    }

    @Test func findsAFileInText() {
        let text = "Hello,\n\nhere it is:\n\nbegin 644 cat.txt\n#0V%T\n`\nend\n\nBye.\n"
        let found = UUEncode.findFiles(in: offsetSlice(text), limit: 1_000)
        #expect(found.files == [UUEncodedFile(name: "cat.txt", mode: "644", bytes: Array("Cat".utf8))])
        #expect(found.defects.isEmpty)
    }

    @Test func roundTripsLargeFilesWithLFAndCRLF() {
        let original = sampleBytes(10_000)
        for lineBreak in ["\n", "\r\n"] {
            let text = "begin 0755 my file.bin\(lineBreak)" + uuencode(original, lineBreak: lineBreak) + "end\(lineBreak)"
            let found = UUEncode.findFiles(in: offsetSlice(text), limit: 1 << 20)
            #expect(found.files.count == 1)
            #expect(found.files.first?.bytes == original)
            #expect(found.files.first?.name == "my file.bin")
            #expect(found.files.first?.mode == "0755")
            #expect(found.defects.isEmpty)
        }
    }

    @Test func findsSeveralFiles() {
        let text = "begin 644 a\n" + uuencode([1, 2, 3]) + "end\ntext between\nbegin 600 b\n" + uuencode([4, 5]) + "end\n"
        let found = UUEncode.findFiles(in: offsetSlice(text), limit: 1_000)
        #expect(found.files.map(\.name) == ["a", "b"])
        #expect(found.files.map(\.bytes) == [[1, 2, 3], [4, 5]])
    }

    @Test func spaceCountsAsZeroLikeBackquote() {
        let withBackquotes = uuencode([0, 0, 0, 65])
        let withSpaces = String(withBackquotes.map { $0 == "`" ? " " : $0 })
        let found = UUEncode.findFiles(in: offsetSlice("begin 644 z\n" + withSpaces + "end\n"), limit: 100)
        #expect(found.files.first?.bytes == [0, 0, 0, 65])
    }

    @Test func lineShorterThanItsLengthByteIsPaddedWithZeros() {
        // Mailers strip trailing spaces, which encode zero bytes.
        let found = UUEncode.findFiles(in: offsetSlice("begin 644 z\n&00  \nend\n"), limit: 100)
        let stripped = UUEncode.findFiles(in: offsetSlice("begin 644 z\n&00\nend\n"), limit: 100)
        #expect(found.files.first?.bytes == [0x41, 0, 0, 0, 0, 0])
        #expect(stripped.files.first?.bytes == found.files.first?.bytes)
        #expect(stripped.defects.isEmpty)
    }

    @Test func missingEndIsReportedAndWhatWasDecodedKept() {
        let found = UUEncode.findFiles(in: offsetSlice("begin 644 cat.txt\r\n#0V%T\r\nthis is prose again\r\n"), limit: 100)
        #expect(found.files == [UUEncodedFile(name: "cat.txt", mode: "644", bytes: Array("Cat".utf8))])
        #expect(found.defects == [.badUUEncode])
        let atEnd = UUEncode.findFiles(in: offsetSlice("begin 644 cat.txt\n#0V%T"), limit: 100)
        #expect(atEnd.files.first?.bytes == Array("Cat".utf8))
        #expect(atEnd.defects == [.badUUEncode])
    }

    @Test func beginInProseIsNotAFile() {
        let found = UUEncode.findFiles(in: offsetSlice("begin 644 something\nand then we went home.\n"), limit: 100)
        #expect(found.files.isEmpty)
        #expect(found.defects == [.badUUEncode])
        for text in ["We begin 644 x\n#0V%T\nend\n", "begin the meeting\n", "begin 9 x\n#0V%T\nend\n", "begin 644\n#0V%T\nend\n", "begin-base64 644 x\n"] {
            let none = UUEncode.findFiles(in: offsetSlice(text), limit: 100)
            #expect(none.files.isEmpty, "\(text.debugDescription)")
            #expect(none.defects.isEmpty)
        }
    }

    @Test func emptyFileWithEnd() {
        let found = UUEncode.findFiles(in: offsetSlice("begin 644 empty\n`\nend\n"), limit: 100)
        #expect(found.files == [UUEncodedFile(name: "empty", mode: "644", bytes: [])])
        #expect(found.defects.isEmpty)
    }

    @Test func limitCutsAcrossFiles() {
        let text = "begin 644 a\n" + uuencode(sampleBytes(100)) + "end\nbegin 644 b\n" + uuencode(sampleBytes(100)) + "end\n"
        let found = UUEncode.findFiles(in: offsetSlice(text), limit: 150)
        #expect(found.files.map(\.bytes.count) == [100, 50])
        #expect(found.files.last?.bytes == Array(sampleBytes(50)))
        #expect(found.defects == [.decodedBytesExceeded])
        let none = UUEncode.findFiles(in: offsetSlice(text), limit: 0)
        #expect(none.files.map(\.bytes.count) == [0])
        #expect(none.defects == [.decodedBytesExceeded])
    }

    @Test func textWithoutBeginFindsNothing() {
        for text in ["", "\n", "plain text\nwith lines\r\nbegin", String(repeating: "b", count: 100_000)] {
            let found = UUEncode.findFiles(in: offsetSlice(text), limit: 100)
            #expect(found.files.isEmpty)
            #expect(found.defects.isEmpty)
        }
    }

    @Test func decodeWithoutBeginReadsLinesAndSkipsJunk() {
        let text = uuencode(Array("Hello, uuencode".utf8)) + "not uuencode\nend\n" + uuencode([9])
        let result = UUEncode.decode(offsetSlice(text), limit: 100)
        #expect(result.bytes == Array("Hello, uuencode".utf8))
        #expect(result.defects == [.badUUEncode])
        #expect(!result.truncated)
    }

    @Test func decodeTakesTheFirstBlock() {
        let text = "preamble\nbegin 644 one\n" + uuencode([1]) + "end\nbegin 644 two\n" + uuencode([2]) + "end\n"
        let result = UUEncode.decode(offsetSlice(text), limit: 100)
        #expect(result.bytes == [1])
        #expect(result.defects.isEmpty)
        let unterminated = UUEncode.decode(offsetSlice("begin 644 one\n" + uuencode([1, 2])), limit: 100)
        #expect(unterminated.bytes == [1, 2])
        #expect(unterminated.defects == [.badUUEncode])
    }

    @Test func garbageNeverCrashes() {
        var state: UInt32 = 1
        let garbage: [UInt8] = Array("begin 644 g\n".utf8) + (0..<20_000).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            let byte = UInt8(truncatingIfNeeded: state >> 16)
            return byte % 7 == 0 ? 0x0A : 0x20 + byte % 0x41
        }
        let found = UUEncode.findFiles(in: garbage[...], limit: 1 << 20)
        #expect(found.files.count <= 1)
        #expect(found.defects.contains(.badUUEncode))
    }
}
