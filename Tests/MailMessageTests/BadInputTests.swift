import MailMessage
import Testing

/// Hostile and broken input, one test per attack: parsing always returns a complete message in
/// bounded time, keeps the raw bytes, stays inside the named limits and records the defect that
/// says what happened. Inputs are built in code.
@Suite struct BadInputTests {
    /// Generous: these run in debug builds on a shared machine; a hang or a quadratic loop blows
    /// far past it.
    static let timeBudget = Duration.seconds(60)

    /// Parses `bytes`, checking the time bound and the properties every result must have.
    static func parse(_ bytes: [UInt8], limits: MessageLimits = .default, budget: Duration = timeBudget) -> MailMessage {
        let clock = ContinuousClock()
        var parsed: MailMessage?
        let elapsed = clock.measure { parsed = MailMessage(parsing: bytes, limits: limits) }
        let message = parsed!
        #expect(elapsed < budget, "parsing took \(elapsed)")
        #expect(message.raw.count == bytes.count)
        #expect(message.raw == bytes)
        #expect(message.allParts.count <= limits.maxParts)
        let decoded = message.leaves.reduce(0) { total, part in
            total + (part.leaf.map { $0.decoded.count + $0.uuencodedFiles.reduce(0) { $0 + $1.bytes.count } } ?? 0)
        }
        #expect(decoded <= limits.maxDecodedBytes, "decoded \(decoded) bytes")
        return message
    }

    static func count(_ kind: DefectKind, in message: MailMessage) -> Int {
        message.defects.filter { $0.kind == kind }.count
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Deepest path in the tree.
    static func depth(of part: MIMEPart) -> Int {
        switch part.content {
        case .leaf: return part.path.depth
        case .multipart(let multipart): return multipart.parts.map(depth(of:)).max() ?? part.path.depth
        case .message(let inner): return depth(of: inner)
        }
    }

    @Test func emptyInput() {
        let message = Self.parse([])
        #expect(message.headers.fields.isEmpty)
        #expect(message.headerEnd == 0)
        #expect(message.mboxFromLine == nil)
        #expect(message.root.contentTypeDefaulted)
        #expect(message.root.contentType.mimeType == "text/plain")
        #expect(message.leaves.count == 1)
        #expect(message.root.leaf?.decoded == [])
    }

    @Test func fiftyMegabyteLineWithoutNewline() {
        let size = 50 << 20
        let message = Self.parse([UInt8](repeating: UInt8(ascii: "a"), count: size))
        #expect(Self.count(.lineTooLong, in: message) == 1)
        #expect(Self.count(.headerWithoutColon, in: message) == 1)
        #expect(message.headers.fields.isEmpty)
        // Not a header, so it is the body; 50 MB is inside the default decoded-size limit.
        #expect(message.root.leaf?.decoded.count == size)
    }

    @Test func fiftyMegabyteHeaderFieldOnOneLine() {
        var input = Self.bytes("Subject: ")
        input += [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
        let message = Self.parse(input)
        #expect(Self.count(.lineTooLong, in: message) == 1)
        // One line that alone is 50 times the header section limit must trip that limit too.
        #expect(Self.count(.headerBytesExceeded, in: message) == 1)
    }

    @Test func tenThousandNestedMultiparts() {
        var input = Self.bytes("From: a@example.com\r\nMIME-Version: 1.0\r\n")
        for level in 0..<10_000 {
            input += Self.bytes("Content-Type: multipart/mixed; boundary=\"n\(level)\"\r\n\r\n--n\(level)\r\n")
        }
        input += Self.bytes("Content-Type: text/plain\r\n\r\nbottom\r\n")
        for level in stride(from: 9_999, through: 0, by: -1) { input += Self.bytes("\r\n--n\(level)--\r\n") }
        let limits = MessageLimits.default
        let message = Self.parse(input, limits: limits)
        #expect(Self.count(.mimeDepthExceeded, in: message) == 1)
        #expect(Self.depth(of: message.root) == limits.maxMimeDepth)
        #expect(message.allParts.count == limits.maxMimeDepth + 1)
        // The part at the limit keeps its whole body, undecoded, as an opaque leaf.
        let stopped = message.leaves.last
        #expect(stopped?.contentType.isMultipart == true)
        #expect(stopped?.leaf?.decoded.count == stopped?.rawBody.count)
    }

    @Test func tenThousandNestedMultipartsNeverClosed() {
        var input = Self.bytes("MIME-Version: 1.0\n")
        for level in 0..<10_000 { input += Self.bytes("Content-Type: multipart/mixed; boundary=u\(level)\n\n--u\(level)\n") }
        let message = Self.parse(input)
        #expect(Self.count(.mimeDepthExceeded, in: message) == 1)
        #expect(Self.count(.unclosedBoundary, in: message) == MessageLimits.default.maxMimeDepth)
    }

    @Test func hundredThousandHeaderFields() {
        var input: [UInt8] = []
        input.reserveCapacity(700_000)
        for _ in 0..<100_000 { input += Self.bytes("X: 1\r\n") }
        input += Self.bytes("\r\nthe body\r\n")
        let limits = MessageLimits.default
        let message = Self.parse(input, limits: limits)
        #expect(message.headers.fields.count == limits.maxHeaderFields)
        #expect(Self.count(.headerFieldsExceeded, in: message) == 1)
        #expect(Self.count(.headerBytesExceeded, in: message) == 0)
        // Fields past the limit are dropped, but the header section still ends at the blank line.
        #expect(message.root.leaf?.decoded == Self.bytes("the body\r\n"))
        #expect(message.headerEnd == 600_000)
    }

    @Test func twoMegabyteHeaderField() {
        var input = Self.bytes("From: a@example.com\r\nX-Filler: start\r\n")
        let fold = Self.bytes(" " + String(repeating: "f", count: 75) + "\r\n")
        while input.count < 2 << 20 { input += fold }
        input += Self.bytes("Subject: after the limit\r\n\r\nbody\r\n")
        let limits = MessageLimits.default
        let message = Self.parse(input, limits: limits)
        #expect(Self.count(.headerBytesExceeded, in: message) == 1)
        #expect(message.headers.raw.count <= limits.maxHeaderBytes + fold.count)
        #expect(message.headers.first("From") != nil)
        #expect(message.subject == nil)
    }

    @Test func nulBytes() {
        var input = Self.bytes("From: a@example.com\r\nSubject: nul\0here\r\nX-Nul: \0\0\0\r\n\r\n")
        input += [UInt8](repeating: 0, count: 100_000)
        input += Self.bytes("\r\ntext after the zeros\r\n")
        let message = Self.parse(input)
        #expect(Self.count(.nulByte, in: message) == 1)
        #expect(message.subject == "nul\0here")
        #expect(message.root.leaf?.decoded.count == 100_000 + 24)
    }

    @Test func onlyNulBytes() {
        let message = Self.parse([UInt8](repeating: 0, count: 1 << 20))
        #expect(Self.count(.nulByte, in: message) == 1)
        #expect(message.headers.fields.isEmpty)
        #expect(message.root.leaf?.decoded.count == 1 << 20)
    }

    @Test func invalidUTF8Everywhere() {
        let junk: [UInt8] = [0xC3, 0x28, 0xFF, 0xFE, 0x80, 0xE2, 0x82, 0xF0, 0x9F, 0x98]
        var input = Self.bytes("From: ") + junk + Self.bytes(" <x@example.com>\n")
        input += Self.bytes("Subject: ") + junk + Self.bytes("\n")
        input += Self.bytes("Content-Type: multipart/mixed; boundary=\"") + junk + Self.bytes("\"\n")
        input += Self.bytes("MIME-Version: 1.0\n")
        // A field name that is not ASCII is no header line: the body starts there.
        input += junk + Self.bytes(": value\n\n")
        input += Self.bytes("--") + junk + Self.bytes("\nContent-Type: text/plain; charset=utf-8\n\n") + junk
        input += Self.bytes("\n--") + junk + Self.bytes("--\n")
        let message = Self.parse(input)
        #expect(Self.count(.headerEightBit, in: message) == 1)
        #expect(Self.count(.invalidUTF8, in: message) >= 1)
        #expect(Self.count(.headerWithoutColon, in: message) == 1)
        #expect(message.headers.fields.count == 4)
        // Header text that is not UTF-8 is read byte for byte, so no byte is lost.
        #expect(message.subject?.unicodeScalars.count == junk.count)
        #expect(!message.leaves.isEmpty)
    }

    @Test func crOnlyLineEnds() {
        var input = Self.bytes("From: a@example.com\rSubject: old Mac\rMIME-Version: 1.0\r")
        input += Self.bytes("Content-Type: multipart/mixed; boundary=cr\r\r")
        for index in 1...3 { input += Self.bytes("--cr\rContent-Type: text/plain\r\rpart \(index)\rline two\r") }
        input += Self.bytes("--cr--\r")
        let message = Self.parse(input)
        #expect(message.lineEnding == .cr)
        #expect(Self.count(.crOnlyLineEnds, in: message) == 1)
        #expect(message.subject == "old Mac")
        #expect(message.leaves.map { $0.leaf?.decoded ?? [] } == (1...3).map { Self.bytes("part \($0)\rline two") })
    }

    @Test func boundaryThatNeverCloses() {
        var input = Self.bytes("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=open\n\n--open\n\n")
        input += [UInt8](repeating: UInt8(ascii: "-"), count: 5 << 20)
        input += Self.bytes("\n--open-\n--opening\n")
        let message = Self.parse(input)
        #expect(Self.count(.unclosedBoundary, in: message) == 1)
        #expect(message.leaves.count == 1)
        #expect(message.leaves.first?.rawBody.count == (5 << 20) + 18)
    }

    @Test func hundredKilobyteBoundaryOverTenMegabytesOfDashes() {
        // Every byte of the body starts a candidate match of the boundary: a search that compares
        // the whole boundary at each one is O(body × boundary).
        let boundary = String(repeating: "-", count: 100_000) + "x"
        var input = Self.bytes("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"\(boundary)\"\n\n")
        input += [UInt8](repeating: UInt8(ascii: "-"), count: 10 << 20)
        let message = Self.parse(input, budget: .seconds(30))
        #expect(message.leaves.count == 1)
        #expect(!message.root.contentType.isMultipart)
    }

    @Test func tenThousandSiblingParts() {
        var input = Self.bytes("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=s\n\n")
        for index in 0..<10_000 { input += Self.bytes("--s\nContent-Type: text/plain\n\npart \(index)\n") }
        input += Self.bytes("--s--\n")
        let limits = MessageLimits.default
        let message = Self.parse(input, limits: limits)
        #expect(Self.count(.partCountExceeded, in: message) == 1)
        #expect(message.allParts.count == limits.maxParts)
        #expect(message.leaves.first?.leaf?.decoded == Self.bytes("part 0"))
    }

    @Test func hundredMegabytesOfBase64() {
        var input = Self.bytes("MIME-Version: 1.0\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n")
        // 76 characters decode to 57 bytes; enough lines for 100 MB decoded.
        let line = [UInt8](repeating: UInt8(ascii: "Q"), count: 76) + [0x0D, 0x0A]
        let lines = (100 << 20) / 57 + 1
        input.reserveCapacity(input.count + lines * line.count)
        for _ in 0..<lines { input += line }
        let limits = MessageLimits.default
        let message = Self.parse(input, limits: limits, budget: .seconds(120))
        #expect(Self.count(.decodedBytesExceeded, in: message) == 1)
        let decoded = message.root.leaf?.decoded.count ?? 0
        #expect(decoded <= limits.maxDecodedBytes)
        #expect(decoded > limits.maxDecodedBytes / 2)
    }

    @Test func decodedLimitIsSharedByAllParts() {
        var input = Self.bytes("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=d\n\n")
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 4_000)
        for _ in 0..<10 { input += Self.bytes("--d\nContent-Type: application/octet-stream\n\n") + body + [0x0A] }
        input += Self.bytes("--d--\n")
        let limits = MessageLimits(maxDecodedBytes: 10_000)
        let message = Self.parse(input, limits: limits)
        #expect(Self.count(.decodedBytesExceeded, in: message) >= 1)
        #expect(message.leaves.count == 10)
    }
}
