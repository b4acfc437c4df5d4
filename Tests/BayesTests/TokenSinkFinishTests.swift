import MailMessage
import Testing
@testable import Bayes

/// `TokenSink.finish` dedups through its table and picks the secondary hashes out of the sorted
/// ones by the marks it left there; the result must be what sorting and deduplicating both
/// lists gives.
@Suite struct TokenSinkFinishTests {
    @Test func finishGivesTheSortedDistinctHashesAndSecondaryOnes() {
        var generator = SeededGenerator(seed: 29)
        let words = (0..<300).map { index in Array("w\(index)".utf8) }
        for round in 0..<40 {
            var sink = TokenSink(keepTexts: round % 2 == 0, limit: 100_000)
            var emitted: Set<UInt64> = [], secondary: Set<UInt64> = []
            for _ in 0..<Int.random(in: 0...(round * 40), using: &generator) {
                let word = words[Int.random(in: 0..<(10 + round * 7), using: &generator) % words.count]
                let isSecondary = Bool.random(using: &generator)
                sink.emittingSecondary = isSecondary
                word.withUnsafeBufferPointer { sink.emit(TokenPrefix.none, exactly: $0) }
                sink.emittingSecondary = false
                emitted.insert(sink.hashes.last!)
                if isSecondary { secondary.insert(sink.hashes.last!) }
            }
            let set = sink.finish()
            #expect(set.hashes == emitted.sorted(), "round \(round)")
            #expect(set.secondary == secondary.sorted(), "round \(round)")
        }
    }

    @Test func learnerRequestsHaveTheClassifiersHashesWithoutSecondaryMarks() {
        let message = TestMessages.parse(TestMessages.plain)
        let tokenizer = Tokenizer()
        let learner = BayesLearner(store: InMemoryBayesStore(), tokenizer: tokenizer)
        let request = learner.request(for: message, action: .learn(.ham))
        let full = tokenizer.tokens(of: message)
        #expect(request.tokens.hashes == full.hashes)
        #expect(request.tokens.secondary.isEmpty)
        #expect(!full.secondary.isEmpty)
    }
}
