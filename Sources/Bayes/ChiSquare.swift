#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The chi-square distribution's upper tail for even degrees of freedom, which is all Fisher's
/// method needs: Q(χ², 2n) = e^(−m) · Σ_{i<n} mⁱ/i! with m = χ²/2.
public enum ChiSquare {
    /// The probability that a chi-square variable with `2 * halfDegrees` degrees of freedom is
    /// at least `chi`. Exact to rounding; summed in log space when e^(−m) would underflow.
    public static func upperTail(_ chi: Double, halfDegrees: Int) -> Double {
        guard halfDegrees > 0, chi > 0, chi.isFinite else { return chi.isInfinite ? 0 : 1 }
        let m = chi / 2
        if m < 700 {
            var term = exp(-m)
            var sum = term
            var i = 1
            while i < halfDegrees {
                term *= m / Double(i)
                sum += term
                i += 1
            }
            return min(sum, 1)
        }
        let logM = log(m)
        var logTerm = -m
        var logSum = logTerm
        var i = 1
        while i < halfDegrees {
            logTerm += logM - log(Double(i))
            let high = max(logSum, logTerm)
            logSum = high + log(exp(logSum - high) + exp(logTerm - high))
            i += 1
        }
        return min(exp(logSum), 1)
    }

    /// Fisher's combined probability that a message is spam from the token probabilities `f`
    /// (each in (0, 1)): (1 + H − S) / 2, where S = Q(−2 Σ ln(1 − f), 2n) is small when the
    /// tokens say spam and H = Q(−2 Σ ln f, 2n) is small when they say ham. 0.5 for no tokens.
    public static func fisherCombined(_ probabilities: [Double]) -> Double {
        guard !probabilities.isEmpty else { return 0.5 }
        var logSpam = 0.0, logHam = 0.0
        for f in probabilities {
            logHam += log(f)
            logSpam += log1p(-f)
        }
        let spamTail = upperTail(-2 * logSpam, halfDegrees: probabilities.count)
        let hamTail = upperTail(-2 * logHam, halfDegrees: probabilities.count)
        return (1 + hamTail - spamTail) / 2
    }
}
