import Testing
@testable import Bayes

/// The text tokenizer hashes an ASCII word once for its word, pair and next-pair tokens
/// together; every token's hash must still be the hash of its text, and the pairs must be the
/// adjacent words of each sentence.
@Suite struct TextTokenizerHashTests {
    static let words = ["free", "Money", "NOW", "e-mail", "don't", "3.14", "$500", "caf\u{E9}", "\u{130}stanbul", "ok", "a",
                        "Zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "www.example.com", "http://x.example/a?b", "\u{65E5}\u{672C}", "R\u{E9}SUM\u{C9}"]
    static let separators = [" ", " ", "  ", ". ", "! ", "\n", ", ", " - ", "\t", "!!! "]

    func texts(count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                text += Self.words.randomElement(using: &generator)! + Self.separators.randomElement(using: &generator)!
            }
            var bytes = Array(text.utf8)
            if Bool.random(using: &generator) { bytes.insert(0xFF, at: Int.random(in: 0...bytes.count, using: &generator)) }
            return bytes
        }
    }

    @Test func everyTokenHashIsTheHashOfItsText() {
        let tokenizer = TextTokenizer(options: TokenizerOptions(keepTexts: true))
        var pairs = 0
        for text in texts(count: 200, seed: 31) {
            for prefix in [TokenPrefix.none, TokenPrefix("s:")] {
                var sink = TokenSink(keepTexts: true, limit: 100_000)
                text.withUnsafeBufferPointer { tokenizer.tokenize($0, prefix: prefix, into: &sink) }
                let set = sink.finish()
                #expect(set.texts.count == set.hashes.count)
                for (hash, token) in set.texts {
                    #expect(TokenHasher.hash(token) == hash, "\(token) in \(text)")
                    if token.hasPrefix("b:") { pairs += 1 }
                }
            }
        }
        #expect(pairs > 100)
    }

    @Test func pairsJoinAdjacentWordsOfASentence() {
        let tokenizer = TextTokenizer(options: TokenizerOptions(keepTexts: true))
        var sink = TokenSink(keepTexts: true, limit: 1_000)
        let text = Array("Free MONEY now. caf\u{E9} Bar a baz".utf8)
        text.withUnsafeBufferPointer { tokenizer.tokenize($0, prefix: .none, into: &sink) }
        let found = Set(sink.finish().texts.values)
        #expect(found.isSuperset(of: ["b:free money", "b:money now", "b:caf\u{E9} bar", "b:bar baz", "C:MONEY"]))
        #expect(!found.contains("b:now caf\u{E9}"))
    }
}
