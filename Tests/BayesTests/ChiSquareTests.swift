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
}
