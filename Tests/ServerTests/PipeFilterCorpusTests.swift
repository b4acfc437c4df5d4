import Filter
import ScanModel
import Foundation
import MailMessage
import Server
import Testing

/// `swfilter filter` over every message of the shared corpus: the output minus the added
/// X-Spam-* block equals the input minus the X-Spam-* fields it already had, byte for byte.
@Suite(.enabled(if: SharedCorpus.isPresent, "needs ../shared/corpora"))
struct PipeFilterCorpusTests {
    @Test func everyCorpusMessageComesOutWholeApartFromTheAddedHeaders() throws {
        let filter = PipeFilter(engine: FilterEngine(), options: .init())
        let files = SharedCorpus.files()
        #expect(files.count == 6046)
        var mismatches: [String] = []
        for file in files {
            let input = [UInt8](try Data(contentsOf: file))
            let output = filter.process(input).output
            if Self.withoutAddedBlock(output) != Self.withoutSpamFields(input) { mismatches.append(file.lastPathComponent) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) messages changed: \(mismatches.prefix(10))")
    }

    /// The input with the top-level fields that swfilter replaces taken out.
    static func withoutSpamFields(_ input: [UInt8]) -> [UInt8] {
        let message = MailMessage(parsing: input)
        let names = Set(SpamHeaders.names.map { $0.lowercased() })
        var result: [UInt8] = [], cursor = 0
        for field in message.headers.fields where names.contains(field.name.lowercased()) {
            result += input[cursor..<field.raw.startIndex]
            cursor = field.raw.endIndex
        }
        return result + input[cursor...]
    }

    /// The output with the block of added fields cut out: from the line "X-Spam-Checker-Version:"
    /// through the X-Spam-Status field and its tab-indented continuation lines.
    static func withoutAddedBlock(_ output: [UInt8]) -> [UInt8] {
        let text = output
        let marker = Array("X-Spam-Checker-Version: swfilter".utf8)
        guard let start = (0..<text.count).first(where: { ($0 == 0 || text[$0 - 1] == 0x0A || text[$0 - 1] == 0x0D) && text[$0...].starts(with: marker) })
        else { return output }
        let status = Array("X-Spam-Status: ".utf8)
        var position = start
        while position < text.count, !text[position...].starts(with: status) { position += 1 }
        // Through the end of the status line and of every continuation line after it.
        repeat {
            while position < text.count, text[position] != 0x0A { position += 1 }
            position += 1
        } while position < text.count && text[position] == 0x09
        return Array(text[..<start] + text[min(position, text.count)...])
    }
}
