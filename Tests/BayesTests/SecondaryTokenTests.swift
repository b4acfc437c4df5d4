import Testing
@testable import Bayes

/// Secondary tokens (word pairs, case-kept words) are marked by the tokenizer and held to a
/// higher count by the classifier.
@Suite struct SecondaryTokenTests {
    @Test func pairsAndCapitalsAreSecondaryWordsAreNot() {
        let set = Tokenizer(options: TokenizerOptions(keepTexts: true))
            .tokens(of: TestMessages.parse("Subject: ACT NOW\n\nfree money FREE\n"))
        for token in ["b:free money", "b:money free", "C:FREE", "C:s:ACT", "b:s:act now"] {
            #expect(set.contains(token), "\(token) is made")
            #expect(set.isSecondary(TokenHasher.hash(token)), "\(token) is secondary")
        }
        for token in ["free", "money", "s:act", "s:now"] {
            #expect(set.contains(token), "\(token) is made")
            #expect(!set.isSecondary(TokenHasher.hash(token)), "\(token) is a primary token")
        }
        #expect(set.secondary == Array(Set(set.secondary)).sorted(), "sorted and distinct")
        #expect(set.secondary.allSatisfy { set.hashes.contains($0) })
    }

    @Test func withoutPairsOrCapitalsNothingIsSecondary() {
        var options = TokenizerOptions()
        options.wordPairs = false
        options.capitalsTokens = false
        let set = Tokenizer(options: options).tokens(of: TestMessages.parse("Subject: ACT NOW\n\nfree money FREE\n"))
        #expect(set.count > 0)
        #expect(set.secondary.isEmpty)
    }

    /// Token 1 is hammy and common; token 2 is spammy but seen in only two learned messages.
    let counts = [TokenCounts(spam: 0, ham: 40), TokenCounts(spam: 2, ham: 0), TokenCounts(spam: 20, ham: 40)]
    let totals = BayesTotals(spam: 100, ham: 200)

    @Test func rareSecondaryTokensAreLeftOut() {
        let classifier = BayesClassifier(parameters: ClassifierParameters(minSpam: 1, minHam: 1))
        #expect(classifier.parameters.minSecondaryCount == 3)
        let result = classifier.classify(TokenSet(hashes: [1, 2, 3], secondary: [2]), counts: counts, totals: totals)
        #expect(result.evidence.map(\.hash) == [1])
        #expect(result.knownTokens == 3)
        let hammy = classifier.tokenProbability(spam: 0, ham: 40, totals: totals)!
        #expect(result.probability == ChiSquare.fisherCombined([hammy]))
    }

    @Test func primaryOrFrequentSecondaryTokensStillCount() {
        let classifier = BayesClassifier(parameters: ClassifierParameters(minSpam: 1, minHam: 1))
        let primary = classifier.classify(TokenSet(hashes: [1, 2, 3]), counts: counts, totals: totals)
        #expect(Set(primary.evidence.map(\.hash)) == [1, 2])
        var lowered = ClassifierParameters(minSpam: 1, minHam: 1)
        lowered.minSecondaryCount = 2
        let counted = BayesClassifier(parameters: lowered).classify(TokenSet(hashes: [1, 2, 3], secondary: [2]), counts: counts, totals: totals)
        #expect(Set(counted.evidence.map(\.hash)) == [1, 2])
        #expect(counted.probability == primary.probability)
        #expect(counted.probability! > ChiSquare.fisherCombined([classifier.tokenProbability(spam: 0, ham: 40, totals: totals)!]))
    }
}
