import MailMessage
import Testing
@testable import Bayes

/// `TokenSet.sequence` and `TokenSet.breaks`: the tokens in the order they were made, for
/// `BayesBench tokens --ordered` (scripts/bayes-tune.py --bnr, --band-segments).
@Suite struct TokenSequenceTests {
    let message = TestMessages.parse("""
        From: a@example.org
        Subject: hello
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="cut"

        --cut
        Content-Type: text/plain

        free money
        free offer

        --cut
        Content-Type: text/html

        <p>cheap <b>pills</b></p>
        --cut--
        """)

    func texts(_ set: TokenSet, _ range: Range<Int>) -> [String] {
        set.sequence[range].map { set.texts[$0] ?? "?" }
    }

    @Test func keepsTheBodyWordsInOrderWithRepeatsAndTheStructureBreaks() throws {
        let set = Tokenizer(options: TokenizerOptions(keepTexts: true)).tokens(of: message)
        #expect(Set(set.sequence) == Set(set.hashes))
        #expect(set.breaks.map(\.kind).filter { $0 != .lineEnd } == [.headerEnd, .textPart, .htmlPart])
        let header = try #require(set.breaks.first { $0.kind == .headerEnd }).position
        let plain = try #require(set.breaks.first { $0.kind == .textPart }).position
        let html = try #require(set.breaks.first { $0.kind == .htmlPart }).position
        #expect(set.sequence[..<header].allSatisfy { set.isHeader($0) })
        let words = texts(set, plain..<html).filter { !$0.contains(":") }
        #expect(words == ["free", "money", "free", "offer"])
        let lineEnds = set.breaks.filter { $0.kind == .lineEnd && (plain..<html).contains($0.position) }.map(\.position)
        let firstLineEnd = try #require(lineEnds.first)
        #expect(texts(set, plain..<firstLineEnd).filter { !$0.contains(":") } == ["free", "money"])
        #expect(texts(set, html..<set.sequence.count).filter { !$0.contains(":") } == ["cheap", "pills"])
    }

    @Test func isLeftEmptyWithoutTheTexts() {
        let set = Tokenizer().tokens(of: message)
        #expect(set.sequence.isEmpty)
        #expect(set.breaks.isEmpty)
        #expect(!set.hashes.isEmpty)
    }
}
