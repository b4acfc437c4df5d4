#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The chi-square distribution's upper tail for even degrees of freedom, which is all Fisher's
/// method needs: Q(χ², 2n) = e^(−m) · Σ_{i<n} mⁱ/i! with m = χ²/2.
public enum ChiSquare {
    /// Width of the band [0.5, 0.5 + width] that holds undecided messages (see `fisherCombined`).
    public static let undecidedWidth = 1e-14
    /// How many natural-log units of difference between the two tiny tails move an undecided
    /// message most of the way (tanh) across its band.
    static let undecidedLogScale = 100.0
    /// Width of the band [1 − width, 1) that holds messages whose spam tail rounds away
    /// ((1 + H − S) / 2 is 1 to rounding); every other spam-side result is scaled just below it.
    public static let saturatedSpamWidth = 1e-13
    /// Results whose ham tail rounds away ((1 + H − S) / 2 is 0 to rounding) are ordered in
    /// (0, this]: below 2⁻⁵³, the smallest result the formula gives from a ham tail that counts.
    static let saturatedHamWidth = 5e-17
    /// |ln H − ln S| at which one tail first rounds away beside the other (ln 2⁵³).
    static let saturationLogRatio = 36.7

    /// The probability that a chi-square variable with `2 * halfDegrees` degrees of freedom is
    /// at least `chi`. Exact to rounding; 0 when it is below the smallest double.
    public static func upperTail(_ chi: Double, halfDegrees: Int) -> Double {
        tail(chi, halfDegrees: halfDegrees).value
    }

    /// ln Q(χ², 2n), finite however far below the smallest double the tail is.
    public static func logUpperTail(_ chi: Double, halfDegrees: Int) -> Double {
        tail(chi, halfDegrees: halfDegrees).log
    }

    /// Q and ln Q; Q is the plain sum whenever e^(−m) is a normal double.
    static func tail(_ chi: Double, halfDegrees: Int) -> (value: Double, log: Double) {
        guard halfDegrees > 0, chi > 0, !chi.isNaN else { return (1, 0) }
        guard chi.isFinite else { return (0, -.infinity) }
        let m = chi / 2
        if m < 700 {
            // e^(−m) is a normal double: the plain sum is exact to rounding.
            var term = exp(-m)
            var sum = term
            var i = 1
            while i < halfDegrees {
                term *= m / Double(i)
                sum += term
                i += 1
            }
            let value = min(sum, 1)
            return (value, log(value))
        }
        // The terms e^(−m) mⁱ/i! are Poisson probabilities; sum them relative to the largest
        // one of the first n (at i = ⌊m⌋, or n − 1 when m is beyond), away from which they fall.
        let peak = m >= Double(halfDegrees - 1) ? halfDegrees - 1 : Int(m)
        let logPeak = -m + Double(peak) * log(m) - lgamma(Double(peak + 1))
        var relative = 1.0
        var term = 1.0
        var i = peak
        while i > 0, term >= 1e-18 {
            term *= Double(i) / m
            relative += term
            i -= 1
        }
        term = 1
        i = peak + 1
        while i < halfDegrees, term >= 1e-18 {
            term *= m / Double(i)
            relative += term
            i += 1
        }
        let logValue = min(logPeak + log(relative), 0)
        return (exp(logValue), logValue)
    }

    /// Fisher's combined probability that a message is spam from the token probabilities `f`
    /// (each in (0, 1)): (1 + H − S) / 2, where S = Q(−2 Σ ln(1 − f), 2n) is small when the
    /// tokens say spam and H = Q(−2 Σ ln f, 2n) is small when they say ham. 0.5 for no tokens.
    ///
    /// When the formula rounds to exactly 0.5 (balanced evidence, or, far more often, tokens
    /// that say both strongly, so both tails are far below 1e-16) the message is undecided, as
    /// SpamAssassin's and SpamBayes' 0.5 are. It stays
    /// where 0.5 was (at the p ≥ 0.5 cut, in BAYES_50), but undecided messages are ordered among
    /// themselves by ln H − ln S, within [0.5, 0.5 + `undecidedWidth`], instead of all tying.
    /// Cross-validation on the training split: deciding them by the sign of ln H − ln S instead
    /// (either side of 0.5) trades 17 more false negatives for 4 fewer false positives.
    ///
    /// The ends are ordered the same way: where one tail is far below 10⁻¹⁶ the formula rounds
    /// to 1 (about 1,000 of the 1,518 training spam) or 0 (most ham), and a ham as spammy as
    /// spam, or a spam as hammy as ham, would tie with all of them. Those land in
    /// [1 − `saturatedSpamWidth`, 1) and (0, 5·10⁻¹⁷], nearer the end the larger |ln H − ln S|;
    /// the other spam-side results are scaled by 1 − 2·`saturatedSpamWidth` about 0.5 to make
    /// room. No result changes side of 0.5, so false positives and negatives are as before.
    public static func fisherCombined(_ probabilities: [Double]) -> Double {
        guard !probabilities.isEmpty else { return 0.5 }
        var logSpam = 0.0, logHam = 0.0
        for f in probabilities {
            logHam += log(f)
            logSpam += log1p(-f)
        }
        let spamTail = tail(-2 * logSpam, halfDegrees: probabilities.count)
        let hamTail = tail(-2 * logHam, halfDegrees: probabilities.count)
        let plain = (1 + hamTail.value - spamTail.value) / 2
        if plain == 0.5 { return undecided(logHamTail: hamTail.log, logSpamTail: spamTail.log) }
        if plain >= 1 - saturationStep { return saturated(logHamTail: hamTail.log, logSpamTail: spamTail.log, spam: true) }
        if plain < saturationStep { return saturated(logHamTail: hamTail.log, logSpamTail: spamTail.log, spam: false) }
        return plain > 0.5 ? 0.5 + (plain - 0.5) * (1 - 2 * saturatedSpamWidth) : plain
    }

    /// Fisher's two tails for the token probabilities `f`, each with its logarithm: H =
    /// Q(−2 Σ ln f, 2n), small when the tokens say ham, and S = Q(−2 Σ ln(1 − f), 2n), small
    /// when they say spam. Both 1 for no tokens.
    static func fisherTails(_ probabilities: [Double]) -> (ham: (value: Double, log: Double), spam: (value: Double, log: Double)) {
        guard !probabilities.isEmpty else { return ((1, 0), (1, 0)) }
        var logSpam = 0.0, logHam = 0.0
        for f in probabilities {
            logHam += log(f)
            logSpam += log1p(-f)
        }
        return (tail(-2 * logHam, halfDegrees: probabilities.count), tail(-2 * logSpam, halfDegrees: probabilities.count))
    }

    /// Within this of 1 or 0, (1 + H − S) / 2 no longer tells a tail of 10⁻²⁰ from one of
    /// 10⁻²⁰⁰ (one step of doubles just below 1: 2⁻⁵³).
    static let saturationStep = 0x1p-53

    /// A result the formula rounds to 1 (`spam`) or 0, placed in its band at the end by how
    /// far the one tail is below the other: saturationLogRatio / |ln H − ln S| of the band's width
    /// away from the end.
    static func saturated(logHamTail: Double, logSpamTail: Double, spam: Bool) -> Double {
        let logRatio = abs(logHamTail - logSpamTail)
        let distance = logRatio.isNaN ? 1 : min(1, saturationLogRatio / max(logRatio, .leastNormalMagnitude))
        return spam ? 1 - saturatedSpamWidth * distance : saturatedHamWidth * distance
    }

    /// An undecided message's place in [0.5, 0.5 + `undecidedWidth`]: higher the more the spam
    /// tail is the smaller; mirrored evidence lands mirrored about the band's middle.
    static func undecided(logHamTail: Double, logSpamTail: Double) -> Double {
        let logRatio = logHamTail - logSpamTail
        let lean = logRatio.isNaN ? 0 : tanh(logRatio / undecidedLogScale)
        return 0.5 + undecidedWidth / 2 * (1 + lean)
    }
}
