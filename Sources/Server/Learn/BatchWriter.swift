import Bayes
import Dispatch

/// Writes learning transactions on a thread of its own, one at a time and in order, so that the
/// next messages are parsed and tokenized while the previous ones go into the database. The first
/// failure stops it: later batches are refused with that error.
final class BatchWriter: @unchecked Sendable {
    private let learner: BayesLearner
    private let queue = DispatchQueue(label: "swfilter.learn.writer")
    private let group = DispatchGroup()
    // Touched only by the job in flight; read after `group.wait()`.
    private var tally = LearnTally()
    private var failure: BayesStoreError?

    init(learner: BayesLearner) {
        self.learner = learner
    }

    /// Waits for the batch before, then starts writing this one.
    func submit(_ requests: [LearnRequest]) throws(BayesStoreError) {
        group.wait()
        if let failure { throw failure }
        group.enter()
        queue.async { [self] in
            defer { group.leave() }
            do throws(BayesStoreError) {
                let outcomes = try learner.apply(requests)
                for (outcome, request) in zip(outcomes, requests) { tally.count(outcome, request.action) }
                tally.expiredTokens += try learner.expireIfNeeded()
            } catch {
                failure = error
            }
        }
    }

    /// Waits for the last batch; what all of them did.
    func finish() throws(BayesStoreError) -> LearnTally {
        group.wait()
        if let failure { throw failure }
        return tally
    }
}
