import ScanModel
import MailMessage

/// Autolearn as a scan step, run after every other analyzer so it sees their hits: learns the
/// message as spam or ham when `AutolearnPolicy` says so. The journal makes a message scanned
/// twice count once. Off unless configured ([bayes] autolearn).
public struct BayesAutolearner: MessageAnalyzer {
    public let name = "bayes-autolearn"
    public let failureMode = AnalyzerFailure.Mode.failOpen

    public let learner: BayesLearner
    public let policy: AutolearnPolicy

    public init(learner: BayesLearner, policy: AutolearnPolicy = AutolearnPolicy()) {
        self.learner = learner
        self.policy = policy
    }

    public func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        guard let kind = policy.decision(for: report) else { return }
        if try learner.learn(message, as: kind) != .alreadyKnown { _ = try learner.expireIfNeeded() }
    }
}
