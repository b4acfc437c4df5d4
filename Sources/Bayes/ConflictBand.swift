#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a message goes whose tokens say both spam and ham strongly: both of Fisher's tails
/// below `ClassifierParameters.conflictTail`. Fisher's (1 + H − S) / 2 then rests on which of two
/// tiny tails is the tinier, which long texts on a ham-like topic (a B2B offer, a recruiter's
/// mail) tip the wrong way. Such a message is put in a narrow band about 0.5 by the mean of two
/// leans, the header's and the body's (each (H − S) / 2 of a Fisher combination); within that by
/// the whole message's ln H − ln S. Where the conflict lies between the parts, the part that is
/// surer of its side wins; where it lies within the body, the body's lean is near 0 and the
/// header decides.
///
/// The header's lean is itself the mean of the leans of its groups: the words of its fields
/// under their names (`TokenSet.headerFields`: list servers' and mailers' fields), its relays
/// (`TokenSet.relays`: the path the message took) and the rest (Subject, addresses,
/// Message-ID, mailer, Date: what the sender wrote). One Fisher combination of all of them is
/// conflicted as often as the message: a spam sent through a list server that many hams came
/// by, a ham from a relay that spam used. Each group then casts one vote.
///
/// Cross-validation on the training split (scripts/bayes-tune.py --band-tail 1e-4 --band-tie
/// logratio --header-tokens DUMP, seeds 0–3): FP 40 → 33, FN 89 → 68, ROC area higher on every
/// cut (0.999824 → 0.999839, 0.999775 → 0.999802, 0.999226 → 0.999269, 0.999757 → 0.999792),
/// by the header alone. The body's lean beside it (--band-lean split), eight cuts: FP 63 → 58,
/// FN 131 → 125, ROC area higher on every cut (mean 0.999741 → 0.999749). The header's lean by
/// its groups (--band-lean groups): FP 58 → 45, FN 125 → 100, on every cut fewer or as many FP,
/// fewer FN and a higher ROC area (mean 0.999750 → 0.999757).
enum ConflictBand {
    /// Half the width of the band about 0.5 that a conflicted message is placed in.
    static let width = 1e-6
    /// The share of the band's width that the whole message's ln H − ln S moves it.
    static let wholeMessageShare = 1e-3

    /// Fisher's combination of `probabilities` (`ChiSquare.fisherCombined`), or, when both tails
    /// are below `conflictTail` (> 0), the message's place in the band by `parts()`: the
    /// probabilities of its header tokens by group and of its body tokens, which together are
    /// `probabilities` (asked for only then).
    static func combined(_ probabilities: [Double], conflictTail: Double, parts: () -> (header: [[Double]], body: [Double])) -> Double {
        guard conflictTail > 0, !probabilities.isEmpty else { return ChiSquare.fisherCombined(probabilities) }
        let tails = ChiSquare.fisherTails(probabilities)
        guard max(tails.ham.value, tails.spam.value) < conflictTail else { return ChiSquare.fisherCombined(probabilities) }
        let (header, body) = parts()
        let partsLean = (meanLean(header) + lean(body)) / 2
        let logRatio = tails.ham.log - tails.spam.log
        let wholeLean = logRatio.isNaN ? 0 : tanh(logRatio / ChiSquare.undecidedLogScale) / 2
        return 0.5 + width * (partsLean + wholeMessageShare * wholeLean)
    }

    /// The mean of the leans of the groups that have tokens: 0 for none.
    static func meanLean(_ groups: [[Double]]) -> Double {
        let present = groups.filter { !$0.isEmpty }
        guard !present.isEmpty else { return 0 }
        return present.reduce(0) { $0 + lean($1) } / Double(present.count)
    }

    /// (H − S) / 2 of Fisher's combination of `probabilities`, in [−0.5, 0.5]: 0 for none.
    static func lean(_ probabilities: [Double]) -> Double {
        let tails = ChiSquare.fisherTails(probabilities)
        return (tails.ham.value - tails.spam.value) / 2
    }
}
