import Foundation
import Testing
@testable import MailMessage

/// `MboxSplitter.singleMessage` takes a whole one-message mbox file without splitting it line
/// by line; it must give exactly the splitter's message, or nil, on generated files.
@Suite struct MboxSingleMessageTests {
    static let lines: [String] = [
        "Subject: hi\n", "\n", "\r\n", "Body text.\n", "> quoted reply\n", ">> deeper\n", ">From quoted\n", ">>From twice\n",
        "From inside\n", "Fromage\n", ">Fromage\n", "From \n", "line\r\n", "caf\u{E9} \u{65E5}\n", ">\n", "no newline", "From", "\r",
    ]

    /// Reproducible files: a From_ line (mostly), then up to 12 lines.
    static func files(count: Int, seed: UInt64) -> [[UInt8]] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<count).map { _ in
            var text = next(8) == 0 ? "" : ["From a@b Mon Jan  1 00:00:00 2024\n", "From x\r\n", "From "][next(3)]
            for _ in 0..<next(13) { text += lines[next(lines.count)] }
            var bytes = Array(text.utf8)
            if next(10) == 0 { bytes.append(0xE9) }
            return bytes
        }
    }

    func split(_ bytes: [UInt8], maxMessageBytes: Int) -> [MboxSplitter.Message] {
        var splitter = MboxSplitter(maxMessageBytes: maxMessageBytes)
        splitter.feed(bytes[...])
        var messages: [MboxSplitter.Message] = []
        while let message = splitter.nextMessage(endOfInput: false) { messages.append(message) }
        while let message = splitter.nextMessage(endOfInput: true) { messages.append(message) }
        return messages
    }

    @Test func singleMessageIsWhatTheSplitterGives() {
        var taken = 0
        for bytes in Self.files(count: 400, seed: 17) {
            for limit in [1 << 20, 40] {
                guard let single = MboxSplitter.singleMessage(bytes, maxMessageBytes: limit) else { continue }
                taken += 1
                #expect(split(bytes, maxMessageBytes: limit) == [single], "\(bytes)")
            }
        }
        #expect(taken >= 100)
    }

    @Test func messagesThatNeedSplittingAreLeftToTheSplitter() {
        let quoted = Array("From a\nSubject: x\n\n>From here\n".utf8)
        let two = Array("From a\nSubject: x\n\nFrom b\nSubject: y\n".utf8)
        let fromInside = Array("From a\nSubject: x\nFrom inside\n".utf8)
        for bytes in [quoted, two, fromInside] { #expect(MboxSplitter.singleMessage(bytes, maxMessageBytes: 1 << 20) == nil) }
        #expect(MboxSplitter.singleMessage(Array("From a\n0123456789".utf8), maxMessageBytes: 9) == nil)
    }

    @Test func readerGivesTheSplittersMessagesForEveryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-mbox-single-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (index, bytes) in Self.files(count: 60, seed: 23).enumerated() where bytes.starts(with: Array("From ".utf8)) {
            let path = folder + "/m\(index)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let read = Array(try MailboxReader(path: path)).compactMap { try? $0.get() }
            let messages = split(bytes, maxMessageBytes: MailboxReader.defaultMaxMessageBytes)
            #expect(read.map(\.bytes) == messages.map(\.bytes), "\(bytes)")
            #expect(read.map(\.fromLine) == messages.map { $0.fromLine.map { HeaderText.string($0[...]) } }, "\(bytes)")
            let sources = messages.count == 1 ? [path] : messages.indices.map { "\(path):\($0 + 1)" }
            #expect(read.map(\.source) == sources, "\(bytes)")
        }
    }
}
