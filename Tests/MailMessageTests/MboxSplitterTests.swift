import Testing
@testable import MailMessage

@Suite struct MboxSplitterTests {
    /// Feeds `text` in pieces of `pieceSize` bytes and collects every message.
    private func split(_ text: String, pieceSize: Int, maxMessageBytes: Int = 1 << 20, maxLinePiece: Int = 64 << 10) -> [MboxSplitter.Message] {
        let bytes = Array(text.utf8)
        var splitter = MboxSplitter(maxMessageBytes: maxMessageBytes, maxLinePiece: maxLinePiece)
        var messages: [MboxSplitter.Message] = []
        var start = 0
        while start < bytes.count {
            splitter.feed(bytes[start..<min(start + pieceSize, bytes.count)])
            start += pieceSize
            while let message = splitter.nextMessage(endOfInput: false) { messages.append(message) }
        }
        while let message = splitter.nextMessage(endOfInput: true) { messages.append(message) }
        return messages
    }

    private let mbox = """
        From alice@example.org Mon Jan  1 00:00:00 2024
        Subject: one

        Body one.
        >From the start of a line.
        >>From twice quoted.
        >Fromage is not quoted.
        From inside a paragraph stays.

        From bob@example.org Tue Jan  2 00:00:00 2024
        Subject: two

        Body two.

        """

    @Test func splitsAtFromLinesAfterBlankLines() {
        for pieceSize in [1, 2, 3, 7, 64, 100_000] {
            let messages = split(mbox, pieceSize: pieceSize)
            #expect(messages.count == 2, "piece size \(pieceSize)")
            guard messages.count == 2 else { continue }
            #expect(messages[0].fromLine == Array("From alice@example.org Mon Jan  1 00:00:00 2024".utf8))
            #expect(String(decoding: messages[0].bytes, as: UTF8.self) == """
                Subject: one

                Body one.
                From the start of a line.
                >From twice quoted.
                >Fromage is not quoted.
                From inside a paragraph stays.

                """)
            #expect(!messages[0].isLast)
            #expect(messages[1].fromLine == Array("From bob@example.org Tue Jan  2 00:00:00 2024".utf8))
            #expect(String(decoding: messages[1].bytes, as: UTF8.self) == "Subject: two\n\nBody two.\n")
            #expect(messages[1].isLast)
        }
    }

    @Test func handlesCRLF() {
        let text = mbox.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let messages = split(text, pieceSize: 5)
        #expect(messages.count == 2)
        #expect(messages.first?.fromLine == Array("From alice@example.org Mon Jan  1 00:00:00 2024".utf8))
        #expect(messages.last.map { String(decoding: $0.bytes, as: UTF8.self) } == "Subject: two\r\n\r\nBody two.\r\n")
    }

    @Test func keepsBytesBeforeTheFirstFromLine() {
        let messages = split("stray\n\nFrom a\nx\n", pieceSize: 4)
        #expect(messages.map(\.fromLine) == [nil, Array("From a".utf8)])
        #expect(messages.map(\.bytes) == [Array("stray\n".utf8), Array("x\n".utf8)])
    }

    @Test func emptyMessagesAndEmptyInput() {
        #expect(split("", pieceSize: 10).isEmpty)
        let messages = split("From a\n\nFrom b\nFrom c", pieceSize: 3)
        #expect(messages.map(\.bytes) == [[], Array("From c".utf8)])
        #expect(messages.map(\.fromLine) == [Array("From a".utf8), Array("From b".utf8)])
    }

    @Test func longLinesPassInPieces() {
        let long = String(repeating: "x", count: 10_000)
        let messages = split("From a\n\(long)\n>From \(long)\n\nFrom \(long)\nbody", pieceSize: 333, maxLinePiece: 100)
        #expect(messages.count == 2)
        #expect(messages.first?.bytes == Array("\(long)\nFrom \(long)\n".utf8))
        // An overlong From_ line is cut at the piece it was recognised in.
        #expect(messages.last?.fromLine?.count ?? 0 <= 333 + 100)
        #expect(messages.last?.bytes == Array("body".utf8))
    }

    @Test func oversizedMessagesAreDroppedAndFlagged() {
        let big = String(repeating: "y\n", count: 1_000)
        let messages = split("From a\nsmall\n\nFrom b\n\(big)\nFrom c\nsmall too\n", pieceSize: 50, maxMessageBytes: 100)
        #expect(messages.map(\.oversized) == [false, true, false])
        #expect(messages.map(\.bytes) == [Array("small\n".utf8), [], Array("small too\n".utf8)])
    }
}
