import Foundation
import Testing
@testable import MailMessage

@Suite struct TransferDecoderTests {
    /// `bytes` as a slice of a larger array, so its indices do not start at 0.
    private func offsetSlice(_ text: String) -> ArraySlice<UInt8> {
        offsetSlice(Array(text.utf8))
    }

    private func offsetSlice(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        let padded = Array("PREFIX==\n".utf8) + bytes + Array("=suffix!".utf8)
        return padded[9..<(9 + bytes.count)]
    }

    private func decode(_ text: String, _ encoding: TransferEncoding, limit: Int = 1 << 20) -> TransferDecoder.Result {
        TransferDecoder.decode(offsetSlice(text), encoding: encoding, limit: limit)
    }

    private func pseudoRandomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    // MARK: base64

    @Test func base64DecodesPaddedText() {
        let result = decode("SGVsbG8sIFdvcmxkIQ==", .base64)
        #expect(result.bytes == Array("Hello, World!".utf8))
        #expect(result.defects.isEmpty)
        #expect(!result.truncated)
    }

    @Test func base64RoundTripsEveryByteWithCRLFAndLFLines() {
        let original = pseudoRandomBytes(10_000, seed: 7) + (0...255).map { UInt8($0) }
        for lineBreak in ["\r\n", "\n"] {
            let encoded = Data(original).base64EncodedString(options: [.lineLength76Characters])
                .replacingOccurrences(of: "\r\n", with: lineBreak) + lineBreak
            let result = decode(encoded, .base64)
            #expect(result.bytes == original)
            #expect(result.defects.isEmpty)
        }
    }

    @Test func base64RoundTripsEveryLengthModuloThree() {
        for length in 0..<40 {
            let original = pseudoRandomBytes(length, seed: UInt64(length))
            let encoded = Data(original).base64EncodedString()
            let result = decode(encoded, .base64)
            #expect(result.bytes == original, "length \(length)")
            #expect(result.defects.isEmpty)
        }
    }

    @Test func base64ReadsOneHugeLine() {
        let original = pseudoRandomBytes(1 << 20, seed: 3)
        let result = decode(Data(original).base64EncodedString(), .base64, limit: 2 << 20)
        #expect(result.bytes == original)
        #expect(result.defects.isEmpty)
    }

    @Test func base64SkipsWhiteSpaceInsideQuads() {
        let result = decode(" SG Vs\tbG\r\n8 =\r\n", .base64)
        #expect(result.bytes == Array("Hello".utf8))
        #expect(result.defects.isEmpty)
    }

    @Test func base64ToleratesMissingPadding() {
        #expect(decode("SGk", .base64).bytes == Array("Hi".utf8))
        #expect(decode("SGVsbG8", .base64).bytes == Array("Hello".utf8))
        #expect(decode("SGk", .base64).defects.isEmpty)
        #expect(decode("SGVsbG8\r\n", .base64).defects.isEmpty)
    }

    @Test func base64StopsAtPadding() {
        let result = decode("SGk=\r\nQUJD\r\n", .base64)
        #expect(result.bytes == Array("Hi".utf8))
        #expect(result.defects.isEmpty)
        let afterWholeQuad = decode("SGVs=QUJD", .base64)
        #expect(afterWholeQuad.bytes == Array("Hel".utf8))
        #expect(afterWholeQuad.defects.isEmpty)
    }

    @Test func base64SkipsIllegalCharactersAndReportsThemOnce() {
        let result = decode("SG!!Vs*bG8-=", .base64)
        #expect(result.bytes == Array("Hello".utf8))
        #expect(result.defects == [.badBase64])
    }

    @Test func base64ReportsATruncatedQuadAndKeepsTheWholeBytes() {
        let result = decode("SGVsbG8sI", .base64)
        #expect(result.bytes == Array("Hello,".utf8))
        #expect(result.defects == [.badBase64])
        let paddedAfterOneDigit = decode("SGVsb===", .base64)
        #expect(paddedAfterOneDigit.bytes == Array("Hel".utf8))
        #expect(paddedAfterOneDigit.defects == [.badBase64])
    }

    @Test func base64OfEmptyOrBlankInputIsEmpty() {
        for text in ["", "\r\n", "   \t\n\n"] {
            let result = decode(text, .base64)
            #expect(result.bytes.isEmpty)
            #expect(result.defects.isEmpty)
            #expect(!result.truncated)
        }
    }

    @Test func base64OfGarbageGivesADefectNotACrash() {
        let garbage = pseudoRandomBytes(5_000, seed: 11)
        let result = TransferDecoder.decode(offsetSlice(garbage), encoding: .base64, limit: 1 << 20)
        #expect(result.defects.contains(.badBase64))
        #expect(result.bytes.count <= garbage.count * 3 / 4)
    }

    @Test func base64StopsAtTheLimit() {
        let original = pseudoRandomBytes(1_000, seed: 5)
        let encoded = Data(original).base64EncodedString(options: [.lineLength76Characters])
        for limit in [0, 1, 2, 10, 11, 999] {
            let result = decode(encoded, .base64, limit: limit)
            #expect(result.bytes == Array(original.prefix(limit)), "limit \(limit)")
            #expect(result.truncated)
            #expect(result.defects == [.decodedBytesExceeded])
        }
        let exact = decode(encoded, .base64, limit: 1_000)
        #expect(exact.bytes == original)
        #expect(!exact.truncated)
        #expect(exact.defects.isEmpty)
    }

    @Test func base64LimitInsideAnUnpaddedTail() {
        let result = decode("SGVsbG8", .base64, limit: 4)
        #expect(result.bytes == Array("Hell".utf8))
        #expect(result.truncated)
        #expect(decode("SGVsbG8", .base64, limit: -5).bytes.isEmpty)
    }

    // MARK: quoted-printable

    @Test func quotedPrintableDecodesHexInEitherCase() {
        let result = decode("caf=C3=A9 caf=c3=a9", .quotedPrintable)
        #expect(result.bytes == Array("café café".utf8))
        #expect(result.defects.isEmpty)
    }

    @Test func quotedPrintableJoinsSoftLineBreaks() {
        for text in ["abc=\r\ndef", "abc=\ndef", "abc=  \r\ndef", "abc=\t \ndef"] {
            let result = decode(text, .quotedPrintable)
            #expect(result.bytes == Array("abcdef".utf8), "\(text.debugDescription)")
            #expect(result.defects.isEmpty)
        }
    }

    @Test func quotedPrintableDropsTrailingWhiteSpaceAndKeepsLineBreaks() {
        #expect(decode("abc  \r\ndef\t\nghi ", .quotedPrintable).bytes == Array("abc\r\ndef\nghi".utf8))
        #expect(decode("abc=20\r\n=09\r\n", .quotedPrintable).bytes == Array("abc \r\n\t\r\n".utf8))
    }

    @Test func quotedPrintableKeepsMalformedEqualsLiterallyAndReportsOnce() {
        let result = decode("a=ZZb =4\nc=G1 100%", .quotedPrintable)
        #expect(result.bytes == Array("a=ZZb =4\nc=G1 100%".utf8))
        #expect(result.defects == [.badQuotedPrintable])
    }

    @Test func quotedPrintableKeepsEightBitAndBareCR() {
        let bytes: [UInt8] = [0x61, 0xE9, 0x0D, 0x62, 0x0A]
        let result = TransferDecoder.decode(offsetSlice(bytes), encoding: .quotedPrintable, limit: 100)
        #expect(result.bytes == bytes)
    }

    @Test func quotedPrintableOfEmptyInputIsEmpty() {
        let result = decode("", .quotedPrintable)
        #expect(result.bytes.isEmpty)
        #expect(result.defects.isEmpty)
    }

    @Test func quotedPrintableSoftBreakOnTheLastLine() {
        #expect(decode("end=", .quotedPrintable).bytes == Array("end".utf8))
        #expect(decode("=3D=\n", .quotedPrintable).bytes == Array("=".utf8))
    }

    @Test func quotedPrintableStopsAtTheLimit() {
        let text = "line one=\r\n continues =C3=A9\r\nline two\r\n"
        let full = decode(text, .quotedPrintable).bytes
        for limit in 0..<full.count {
            let result = decode(text, .quotedPrintable, limit: limit)
            #expect(result.bytes == Array(full.prefix(limit)), "limit \(limit)")
            #expect(result.truncated)
            #expect(result.defects == [.decodedBytesExceeded])
        }
        #expect(!decode(text, .quotedPrintable, limit: full.count).truncated)
    }

    @Test func quotedPrintableReadsAHugeLine() {
        let text = String(repeating: "ab=3D", count: 200_000)
        let result = decode(text, .quotedPrintable, limit: 10 << 20)
        #expect(result.bytes.count == 600_000)
        #expect(result.bytes.suffix(3) == Array("ab=".utf8)[...])
    }

    // MARK: identity and uuencode

    @Test func identityEncodingsPassBytesThrough() {
        let bytes: [UInt8] = [0x00, 0xFF, 0x0D, 0x0A, 0x41]
        for encoding in [TransferEncoding.sevenBit, .eightBit, .binary, .unknown("x-custom")] {
            let result = TransferDecoder.decode(offsetSlice(bytes), encoding: encoding, limit: 100)
            #expect(result.bytes == bytes)
            #expect(result.defects.isEmpty)
            let cut = TransferDecoder.decode(offsetSlice(bytes), encoding: encoding, limit: 2)
            #expect(cut.bytes == [0x00, 0xFF])
            #expect(cut.truncated)
            #expect(cut.defects == [.decodedBytesExceeded])
        }
    }

    @Test func uuencodeBodyIsDecoded() {
        let result = decode("begin 644 cat.txt\n#0V%T\n`\nend\n", .uuencode)
        #expect(result.bytes == Array("Cat".utf8))
        #expect(result.defects.isEmpty)
        let headless = decode("#0V%T\r\n", .uuencode)
        #expect(headless.bytes == Array("Cat".utf8))
        let cut = decode("begin 644 cat.txt\n#0V%T\n`\nend\n", .uuencode, limit: 2)
        #expect(cut.bytes == Array("Ca".utf8))
        #expect(cut.truncated)
        #expect(cut.defects == [.decodedBytesExceeded])
    }
}
