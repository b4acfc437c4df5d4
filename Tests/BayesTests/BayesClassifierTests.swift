import Testing
@testable import Bayes

@Suite struct BayesClassifierTests {
    @Test func robinsonTokenProbabilityByHand() {
        let classifier = BayesClassifier(parameters: ClassifierParameters(strength: 1.0, assumedProbability: 0.5))
        let totals = BayesTotals(spam: 100, ham: 200)
        // Seen in 10 of 100 spam and 10 of 200 ham: p = 0.1 / (0.1 + 0.05) = 2/3; n = 20;
        // f = (1 * 0.5 + 20 * 2/3) / 21.
        let f = classifier.tokenProbability(spam: 10, ham: 10, totals: totals)!
        #expect(abs(f - (0.5 + 20.0 * 2 / 3) / 21) < 1e-12)
        // Once in spam only: p = 1, f = (0.5 + 1) / 2.
        #expect(abs(classifier.tokenProbability(spam: 1, ham: 0, totals: totals)! - 0.75) < 1e-12)
        #expect(classifier.tokenProbability(spam: 0, ham: 0, totals: totals) == nil)
        #expect(classifier.tokenProbability(spam: 1, ham: 0, totals: BayesTotals(spam: 1, ham: 0)) == nil)
    }

    func set(_ count: Int) -> TokenSet { TokenSet(hashes: (0..<UInt64(count)).map { $0 * 7919 }) }

    @Test func doesNotVoteUntilEnoughIsLearned() {
        let classifier = BayesClassifier()
        let counts = [TokenCounts(spam: 50, ham: 0), TokenCounts(spam: 40, ham: 1)]
        let few = classifier.classify(set(2), counts: counts, totals: BayesTotals(spam: 200, ham: 199))
        #expect(few.probability == nil)
        #expect(few.abstention?.contains("needs 200") == true)
        let enough = classifier.classify(set(2), counts: counts, totals: BayesTotals(spam: 200, ham: 200))
        #expect(enough.probability != nil)
        #expect(enough.probability! > 0.99)
        let lowered = BayesClassifier(parameters: ClassifierParameters(minSpam: 1, minHam: 1))
        #expect(lowered.classify(set(2), counts: counts, totals: BayesTotals(spam: 1, ham: 1)).probability != nil)
    }

    @Test func combinesOnlySignificantTokensAndReportsThem() {
        let parameters = ClassifierParameters(strength: 0.03, assumedProbability: 0.5, minDeviation: 0.3, maxTokens: 0, minSpam: 1, minHam: 1)
        let classifier = BayesClassifier(parameters: parameters)
        let totals = BayesTotals(spam: 100, ham: 100)
        let counts = [
            TokenCounts(spam: 90, ham: 1),   // strongly spam
            TokenCounts(spam: 50, ham: 50),  // neutral: left out
            TokenCounts(spam: 0, ham: 0),    // unknown
            TokenCounts(spam: 2, ham: 80),   // hammy
        ]
        let result = classifier.classify(set(4), counts: counts, totals: totals)
        #expect(result.knownTokens == 3)
        #expect(result.evidence.count == 2)
        let fs = [classifier.tokenProbability(spam: 90, ham: 1, totals: totals)!, classifier.tokenProbability(spam: 2, ham: 80, totals: totals)!]
        #expect(abs(result.probability! - ChiSquare.fisherCombined(fs)) < 1e-12)
        // Strongest first.
        #expect(abs(result.evidence[0].probability - 0.5) >= abs(result.evidence[1].probability - 0.5))
    }

    @Test func significantTokensCanBeCapped() {
        let parameters = ClassifierParameters(strength: 0.03, assumedProbability: 0.5, minDeviation: 0.1, maxTokens: 2, minSpam: 1, minHam: 1)
        let classifier = BayesClassifier(parameters: parameters)
        let totals = BayesTotals(spam: 100, ham: 100)
        // Two very hammy tokens and four mildly spammy ones: only the hammy two count.
        let counts = [TokenCounts(spam: 0, ham: 90), TokenCounts(spam: 0, ham: 80)] + Array(repeating: TokenCounts(spam: 30, ham: 10), count: 4)
        let result = classifier.classify(set(6), counts: counts, totals: totals)
        #expect(result.probability! < 0.01)
        let uncapped = BayesClassifier(parameters: ClassifierParameters(strength: 0.03, minDeviation: 0.1, maxTokens: 0, minSpam: 1, minHam: 1))
        #expect(uncapped.classify(set(6), counts: counts, totals: totals).probability! > result.probability!)
    }
}
