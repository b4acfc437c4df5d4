import Foundation
import Testing
@testable import Bayes

@Suite struct ChiSquareTests {
    @Test func upperTailMatchesTheClosedForm() {
        // 2 degrees of freedom: Q = e^(-x/2).
        #expect(abs(ChiSquare.upperTail(2, halfDegrees: 1) - exp(-1)) < 1e-15)
        // 4 degrees: Q = e^(-x/2) (1 + x/2); x = 4 gives 3e^-2.
        #expect(abs(ChiSquare.upperTail(4, halfDegrees: 2) - 3 * exp(-2)) < 1e-15)
        // 6 degrees, x = 10: e^-5 (1 + 5 + 12.5).
        #expect(abs(ChiSquare.upperTail(10, halfDegrees: 3) - 18.5 * exp(-5)) < 1e-15)
        #expect(ChiSquare.upperTail(0, halfDegrees: 5) == 1)
        #expect(ChiSquare.upperTail(.infinity, halfDegrees: 5) == 0)
    }

    @Test func logSpaceSummingAgreesWhereTheDirectSumWouldUnderflow() {
        // Just below and above the switch (m = 700), with many degrees so the sum matters.
        let below = ChiSquare.upperTail(2 * 699.9, halfDegrees: 800)
        let above = ChiSquare.upperTail(2 * 700.1, halfDegrees: 800)
        #expect(below > 0.99 && below <= 1)
        #expect(above > 0.99 && above <= 1)
        #expect(abs(below - above) < 0.01)
        // Far beyond: e^-2000 is 0 in doubles, but the tail with 2000 terms is about a half.
        let middle = ChiSquare.upperTail(4000, halfDegrees: 2000)
        #expect(middle > 0.45 && middle < 0.55)
    }

    @Test func fisherCombiningOfKnownProbabilities() {
        // Two tokens at 0.9: S = Q(-2 ln 0.01, 4) = 0.01 (1 + ln 100) ; H = Q(-2 ln 0.81, 4).
        let s = 0.01 * (1 + log(100.0))
        let m = -log(0.81)
        let h = exp(-m) * (1 + m)
        let expected = (1 + h - s) / 2
        #expect(abs(ChiSquare.fisherCombined([0.9, 0.9]) - expected) < 1e-12)
        // Symmetric evidence gives exactly one half; no evidence too.
        #expect(abs(ChiSquare.fisherCombined([0.99, 0.01]) - 0.5) < 1e-12)
        #expect(ChiSquare.fisherCombined([]) == 0.5)
        // Mirrored inputs mirror the output.
        let spammy = ChiSquare.fisherCombined([0.95, 0.8, 0.99])
        let hammy = ChiSquare.fisherCombined([0.05, 0.2, 0.01])
        #expect(abs(spammy + hammy - 1) < 1e-12)
        #expect(spammy > 0.95)
    }

    /// ln Q summed term by term in log space: slow, but plainly right.
    static func referenceLogTail(_ chi: Double, _ n: Int) -> Double {
        let m = chi / 2
        var logTerm = -m, logSum = -m
        for i in 1..<max(n, 1) {
            logTerm += log(m) - log(Double(i))
            let high = max(logSum, logTerm)
            logSum = high + log(exp(logSum - high) + exp(logTerm - high))
        }
        return min(logSum, 0)
    }

    @Test func logUpperTailStaysFiniteWhereTheTailUnderflows() {
        // 2 degrees of freedom: ln Q = -x/2 exactly, far below the smallest double.
        #expect(ChiSquare.upperTail(4000, halfDegrees: 1) == 0)
        #expect(abs(ChiSquare.logUpperTail(4000, halfDegrees: 1) + 2000) < 1e-9)
        // 6 degrees, x = 3000: ln(e^-1500 (1 + 1500 + 1500²/2)).
        let m = 1500.0
        #expect(abs(ChiSquare.logUpperTail(2 * m, halfDegrees: 3) - (-m + log(1 + m + m * m / 2))) < 1e-9)
        // Summed around the largest term (m >= 700): below, at and beyond the peak.
        for (chi, n) in [(1500.0, 900), (3000.0, 600), (5000.0, 3000), (2000.0, 1001), (1402.0, 2)] {
            let expected = Self.referenceLogTail(chi, n)
            #expect(abs(ChiSquare.logUpperTail(chi, halfDegrees: n) - expected) <= 1e-10 * max(1, abs(expected)))
        }
        // The plain sum (m < 700) and its log agree.
        for (chi, n) in [(10.0, 3), (300.0, 40), (1390.0, 600)] {
            #expect(abs(ChiSquare.logUpperTail(chi, halfDegrees: n) - log(ChiSquare.upperTail(chi, halfDegrees: n))) < 1e-12)
        }
    }

    /// Strong tokens on both sides: both tails are far below 1e-16, so (1 + H - S) / 2 is
    /// exactly 0.5 whichever side is stronger.
    static func conflicting(spam: Int, ham: Int, spamProbability: Double = 0.99, hamProbability: Double = 0.01) -> [Double] {
        Array(repeating: spamProbability, count: spam) + Array(repeating: hamProbability, count: ham)
    }

    @Test func twoTinyTailsAreOrderedByTheEvidence() {
        let leansSpam = ChiSquare.fisherCombined(Self.conflicting(spam: 300, ham: 290))
        let leansSpamMore = ChiSquare.fisherCombined(Self.conflicting(spam: 300, ham: 280))
        let strongerSpamTokens = ChiSquare.fisherCombined(Self.conflicting(spam: 300, ham: 300, spamProbability: 0.995))
        let leansHam = ChiSquare.fisherCombined(Self.conflicting(spam: 290, ham: 300))
        let balanced = ChiSquare.fisherCombined(Self.conflicting(spam: 300, ham: 300))
        #expect(leansHam < balanced)
        #expect(balanced < leansSpam)
        #expect(leansSpam < leansSpamMore)
        #expect(leansSpamMore < strongerSpamTokens)
        // Still undecided: at the cut, inside the narrow band, whichever way they lean.
        for p in [leansSpam, leansSpamMore, strongerSpamTokens, leansHam, balanced] {
            #expect(p >= 0.5 && p < 0.5 + ChiSquare.undecidedWidth)
            #expect(BayesBand(probability: p) == .bayes50)
        }
    }

    @Test func undecidedResultsAreMirroredAboutTheBandsMiddleAndStayInside() {
        let middle = 0.5 + ChiSquare.undecidedWidth / 2
        for (spam, ham) in [(300, 290), (300, 250), (2000, 1900), (100, 95)] {
            let forward = ChiSquare.fisherCombined(Self.conflicting(spam: spam, ham: ham))
            let mirrored = ChiSquare.fisherCombined(Self.conflicting(spam: ham, ham: spam))
            #expect(forward > middle && mirrored < middle)
            #expect(abs((forward - middle) + (mirrored - middle)) < 4e-16)
        }
        // Overwhelming tokens both ways: no NaN, nothing outside (0, 1).
        for (p, q) in [(0.9999999, 0.0000001), (0.999999999, 0.01), (0.99, 0.000000001)] {
            let result = ChiSquare.fisherCombined(Self.conflicting(spam: 5000, ham: 4000, spamProbability: p, hamProbability: q))
            #expect(!result.isNaN && result >= 0.5 && result <= 0.5 + ChiSquare.undecidedWidth)
        }
    }

    /// The formula before log-space tails: (1 + H - S) / 2 with the plain sums.
    static func plainFisher(_ probabilities: [Double]) -> Double {
        func tail(_ chi: Double, _ n: Int) -> Double {
            let m = chi / 2
            var term = exp(-m), sum = term
            for i in 1..<max(n, 1) {
                term *= m / Double(i)
                sum += term
            }
            return min(sum, 1)
        }
        let spam = tail(-2 * probabilities.reduce(0) { $0 + log1p(-$1) }, probabilities.count)
        let ham = tail(-2 * probabilities.reduce(0) { $0 + log($1) }, probabilities.count)
        return (1 + ham - spam) / 2
    }

    @Test func agreesWithThePlainFormulaWhereNothingUnderflows() {
        let sets: [[Double]] = [
            [0.9, 0.9], [0.95, 0.8, 0.99], [0.05, 0.2, 0.01], [0.99, 0.01, 0.97],
            (0..<40).map { 0.02 + 0.96 * Double($0 % 7) / 6 },
            (0..<150).map { $0 % 3 == 0 ? 0.03 : 0.96 },
        ]
        for set in sets {
            let plain = Self.plainFisher(set)
            // Spam-side results are scaled about 0.5 to leave room for the saturated band.
            let expected = plain > 0.5 ? 0.5 + (plain - 0.5) * (1 - 2 * ChiSquare.saturatedSpamWidth) : plain
            #expect(ChiSquare.fisherCombined(set) == expected)
        }
    }

    @Test func spamWhoseSpamTailRoundsAwayIsOrderedByTheEvidenceNotTied() {
        // 30 tokens at 0.99 already take S below 1e-16: the formula gives exactly 1 for all.
        let sets = [30, 60, 120, 400].map { Array(repeating: 0.99, count: $0) }
        #expect(sets.allSatisfy { Self.plainFisher($0) > 1 - 3e-16 })
        let results = sets.map(ChiSquare.fisherCombined)
        #expect(results == results.sorted() && Set(results).count == results.count)
        let strongestUnsaturated = ChiSquare.fisherCombined(Array(repeating: 0.99, count: 10))
        #expect(Self.plainFisher(Array(repeating: 0.99, count: 10)) < 1 - 1e-12)
        for p in results {
            #expect(p < 1 && p >= 1 - ChiSquare.saturatedSpamWidth && p > strongestUnsaturated)
            #expect(BayesBand.ruleNames(for: p) == ["BAYES_99", "BAYES_999"])
        }
    }

    @Test func hamWhoseHamTailRoundsAwayIsOrderedByTheEvidenceNotTied() {
        let sets = [30, 60, 120, 400].map { Array(repeating: 0.01, count: $0) }
        #expect(sets.allSatisfy { Self.plainFisher($0) < 1e-16 })
        let results = sets.map(ChiSquare.fisherCombined)
        #expect(results == results.sorted(by: >) && Set(results).count == results.count)
        let weakestUnsaturated = ChiSquare.fisherCombined(Array(repeating: 0.01, count: 10))
        #expect(weakestUnsaturated > 0)
        for p in results {
            #expect(p > 0 && p < weakestUnsaturated)
            #expect(BayesBand(probability: p) == .bayes00)
        }
    }

    @Test func theSaturatedBandsMirrorEachOther() {
        // The same evidence mirrored lands the same fraction of its band from its end.
        for count in [40, 90, 300] {
            let spam = ChiSquare.fisherCombined(Array(repeating: 0.98, count: count))
            let ham = ChiSquare.fisherCombined(Array(repeating: 0.02, count: count))
            let spamFraction = (1 - spam) / ChiSquare.saturatedSpamWidth
            let hamFraction = ham / ChiSquare.saturatedHamWidth
            #expect(abs(spamFraction - hamFraction) < 2e-3)
        }
    }
}
