import Foundation
import MailMessage
import Testing

/// The project's own corpus (`corpus/<category>/<name>.eml`, each with a `<name>.expected`
/// summary written by hand): every message parses to its expected summary and re-serialises
/// byte for byte.
@Suite struct CorpusTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("corpus", isDirectory: true)

    /// Every message, as a path relative to the corpus folder ("mime/digest.eml"), sorted.
    static let messages: [String] = files(withExtension: "eml")

    static func files(withExtension ext: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix("." + ext) }.sorted()
    }

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(relativePath)))
    }

    static func expectedPath(for message: String) -> String {
        String(message.dropLast(".eml".count)) + ".expected"
    }

    @Test("the corpus is there and big enough")
    func corpusSize() {
        #expect(Self.messages.count >= 40, "corpus at \(Self.directory.path)")
        #expect(Self.messages.filter { $0.hasPrefix("malformed/") }.count >= 15)
        #expect(Self.messages.filter { $0.hasPrefix("mime/") }.count >= 25)
    }

    @Test("every message has an expected summary and every summary a message")
    func expectationsPaired() {
        let expected = Set(Self.files(withExtension: "expected"))
        let wanted = Set(Self.messages.map(Self.expectedPath))
        #expect(expected == wanted, "unpaired: \(expected.symmetricDifference(wanted).sorted())")
    }

    @Test("the decoded summary matches the expected one", arguments: messages)
    func summaryMatches(_ message: String) throws {
        let raw = try Self.bytes(message)
        let expected = String(decoding: try Self.bytes(Self.expectedPath(for: message)), as: UTF8.self)
        let actual = MessageSummary(MailMessage(parsing: raw)).text
        if actual != expected {
            // A line diff reads better than the two whole texts #expect would print.
            Issue.record("\(message) differs from \(Self.expectedPath(for: message)) (- expected, + actual):\n\(LineDiff.render(expected: expected, actual: actual))")
        }
    }

    @Test("the message re-serialises byte for byte", arguments: messages)
    func roundTrip(_ message: String) throws {
        let raw = try Self.bytes(message)
        let parsed = MailMessage(parsing: raw)
        #expect(parsed.raw == raw)
        #expect(parsed.headers.raw.endIndex == parsed.headerEnd)
        #expect(parsed.root.rawBody.endIndex == raw.count)

        var rebuilt = Array(parsed.mboxFromLine ?? [])
        rebuilt += parsed.headers.raw
        rebuilt += raw[parsed.headerEnd...]
        #expect(rebuilt == raw, "\(message): mbox line + header section + rest is not the input")

        let lossy: Set<DefectKind> = [.leadingContinuationLine, .headerFieldsExceeded, .headerBytesExceeded]
        if !parsed.defects.contains(where: { $0.part.isRoot && lossy.contains($0.kind) }) {
            let fields = parsed.headers.fields.flatMap { Array($0.raw) }
            #expect(fields == Array(parsed.headers.raw), "\(message): the header fields do not tile the header section")
        }
        let unclosed = Set(parsed.defects.filter { $0.kind == .unclosedBoundary }.map(\.part))
        Self.checkTiling(parsed.root, in: raw, unclosed: unclosed, message: message)
    }

    /// Inside a multipart body, the preamble, the parts (header section to end of body) and the
    /// epilogue follow each other, and what lies between two of them is a line break and a
    /// delimiter line: no byte is lost or read twice.
    static func checkTiling(_ part: MIMEPart, in raw: [UInt8], unclosed: Set<MIMEPath>, message: String) {
        switch part.content {
        case .leaf:
            return
        case .message(let inner):
            // An encoded message/rfc822 is parsed from its decoded bytes, not from `raw`.
            if !part.transferEncoding.isEncoding { checkTiling(inner, in: raw, unclosed: unclosed, message: message) }
        case .multipart(let multipart):
            // A transfer-encoded multipart is split from its decoded bytes, not from `raw`.
            guard !part.transferEncoding.isEncoding else { return }
            let delimiter = Array(("--" + multipart.boundary).utf8)
            var pieces: [Range<Int>] = [multipart.preamble.startIndex..<multipart.preamble.endIndex]
            pieces += multipart.parts.map { $0.headers.raw.startIndex..<$0.rawBody.endIndex }
            pieces.append(multipart.epilogue.startIndex..<multipart.epilogue.endIndex)
            #expect(pieces.first?.lowerBound == part.rawBody.startIndex, "\(message) \(part.path): preamble start")
            #expect(pieces.last?.upperBound == part.rawBody.endIndex, "\(message) \(part.path): epilogue end")
            for (index, (before, after)) in zip(pieces, pieces.dropFirst()).enumerated() {
                guard before.upperBound <= after.lowerBound else {
                    Issue.record("\(message) \(part.path): pieces \(index) and \(index + 1) overlap")
                    continue
                }
                var gap = raw[before.upperBound..<after.lowerBound]
                while let first = gap.first, first == 0x0D || first == 0x0A { gap = gap.dropFirst() }
                let isLastGap = index == pieces.count - 2
                if isLastGap, unclosed.contains(part.path) {
                    #expect(gap.isEmpty, "\(message) \(part.path): bytes lost after the last part")
                } else {
                    #expect(gap.starts(with: delimiter), "\(message) \(part.path): gap \(index) is not a delimiter")
                }
            }
            for child in multipart.parts { checkTiling(child, in: raw, unclosed: unclosed, message: message) }
        }
    }
}
