import Bayes

/// What a `swfilter learn` run did, for its one-line summary.
public struct LearnTally: Sendable, Equatable {
    public var learnedSpam = 0
    public var learnedHam = 0
    public var relearned = 0
    public var alreadyKnown = 0
    public var forgotten = 0
    public var notLearned = 0
    /// Could not be read, or too large, or empty.
    public var skipped = 0
    public var expiredTokens = 0

    public init() {}

    /// What the writer counted, with the messages skipped before reaching it.
    init(merging written: LearnTally, skipped: Int) {
        self = written
        self.skipped = skipped
    }

    public var messages: Int { learnedSpam + learnedHam + relearned + alreadyKnown + forgotten + notLearned + skipped }

    mutating func count(_ outcome: LearnOutcome, _ action: LearnRequest.Action) {
        switch outcome {
        case .learned: if action == .learn(.spam) { learnedSpam += 1 } else { learnedHam += 1 }
        case .relearned: relearned += 1
        case .alreadyKnown: alreadyKnown += 1
        case .forgotten, .forgottenApproximately: forgotten += 1
        case .notLearned: notLearned += 1
        }
    }

    /// "4838 messages: 4838 learned (1518 spam, 3320 ham), 0 already known, 0 skipped; 3.1 s, 1560 msg/s"
    public func summary(seconds: Double) -> String {
        var parts = ["\(learnedSpam + learnedHam) learned (\(learnedSpam) spam, \(learnedHam) ham)"]
        if relearned > 0 { parts.append("\(relearned) relearned as the other class") }
        parts.append("\(alreadyKnown) already known")
        if forgotten > 0 || notLearned > 0 { parts.append("\(forgotten) forgotten, \(notLearned) not learned before") }
        parts.append("\(skipped) skipped")
        if expiredTokens > 0 { parts.append("\(expiredTokens) old tokens expired") }
        let rate = seconds > 0 ? Int((Double(messages) / seconds).rounded()) : 0
        let time = (seconds * 10).rounded() / 10
        return "\(messages) messages: " + parts.joined(separator: ", ") + "; \(time) s, \(rate) msg/s"
    }
}
