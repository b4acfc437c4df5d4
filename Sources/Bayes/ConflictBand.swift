#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a message goes whose tokens say both spam and ham strongly: both of Fisher's tails
/// below `ClassifierParameters.conflictTail`. Fisher's (1 + H − S) / 2 then rests on which of two
/// tiny tails is the tinier, which long texts on a ham-like topic (a B2B offer, a recruiter's
/// mail) tip the wrong way. Such a message is put in a narrow band about 0.5 by its header
/// tokens alone, combined the same way (relays, addresses, mailer, Subject: what a sender
/// cannot make look like the recipient's own mail by choice of words), and within that by the
/// whole message's ln H − ln S.
///
/// Cross-validation on the training split (scripts/bayes-tune.py --band-tail 1e-4 --band-tie
/// logratio --header-tokens DUMP, seeds 0–3): FP 40 → 33, FN 89 → 68, ROC area higher on every
/// cut (0.999824 → 0.999839, 0.999775 → 0.999802, 0.999226 → 0.999269, 0.999757 → 0.999792).
enum ConflictBand {
    /// Half the width of the band about 0.5 that header tokens place a conflicted message in.
    static let width = 1e-6
    /// The share of the band's width that the whole message's ln H − ln S moves it.
    static let wholeMessageShare = 1e-3

    /// Fisher's combination of `probabilities` (`ChiSquare.fisherCombined`), or, when both tails
    /// are below `conflictTail` (> 0), the message's place in the band by `header()`, the
    /// probabilities of its header tokens among them (asked for only then).
    static func combined(_ probabilities: [Double], conflictTail: Double, header: () -> [Double]) -> Double {
        guard conflictTail > 0, !probabilities.isEmpty else { return ChiSquare.fisherCombined(probabilities) }
        let tails = ChiSquare.fisherTails(probabilities)
        guard max(tails.ham.value, tails.spam.value) < conflictTail else { return ChiSquare.fisherCombined(probabilities) }
        let headerTails = ChiSquare.fisherTails(header())
        let headerLean = (headerTails.ham.value - headerTails.spam.value) / 2
        let logRatio = tails.ham.log - tails.spam.log
        let wholeLean = logRatio.isNaN ? 0 : tanh(logRatio / ChiSquare.undecidedLogScale) / 2
        return 0.5 + width * (headerLean + wholeMessageShare * wholeLean)
    }
}
