import Testing
@testable import Bayes

@Suite struct BayesBandTests {
    @Test func bandsFollowSpamAssassinsCheckBayes() {
        #expect(BayesBand(probability: 0) == .bayes00)
        #expect(BayesBand(probability: 0.01) == .bayes00, "max is inclusive")
        #expect(BayesBand(probability: 0.010001) == .bayes05)
        #expect(BayesBand(probability: 0.2) == .bayes20)
        #expect(BayesBand(probability: 0.3) == .bayes40)
        #expect(BayesBand(probability: 0.5) == .bayes50)
        #expect(BayesBand(probability: 0.7) == .bayes60)
        #expect(BayesBand(probability: 0.9) == .bayes80)
        #expect(BayesBand(probability: 0.97) == .bayes95)
        #expect(BayesBand(probability: 0.995) == .bayes99)
        #expect(BayesBand(probability: 1) == .bayes99)
        #expect(BayesBand(probability: -3) == .bayes00)
        #expect(BayesBand(probability: 7) == .bayes99)
    }

    @Test func everyProbabilityIsInExactlyOneBand() {
        for step in 0...1000 {
            let p = Double(step) / 1000
            let holding = BayesBand.allCases.filter { BayesBand.check(p, min: $0.range.min, max: $0.range.max) }
            #expect(holding.count == 1, "p = \(p): \(holding)")
        }
    }

    @Test func bayes999FiresWithBayes99() {
        #expect(BayesBand.ruleNames(for: 0.9995) == ["BAYES_99", "BAYES_999"])
        #expect(BayesBand.ruleNames(for: 0.999) == ["BAYES_99"], "min is exclusive")
        #expect(BayesBand.ruleNames(for: 0.001) == ["BAYES_00"])
    }
}
