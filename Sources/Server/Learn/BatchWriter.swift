import Bayes
import Foundation

/// Writes learning transactions on a thread of its own, in order, while the next messages are
/// parsed and tokenized: requests go in as soon as they are tokenized (`submit`) and the
/// learner sums their token changes meanwhile (see `BayesLearner.apply(streaming:)`); `commit`
/// ends the transaction, which reads the journal and writes the sums. The first failure stops
/// it: later requests are refused with that error.
final class BatchWriter: @unchecked Sendable {
    private enum Item {
        case requests([LearnRequest])
        case commit
    }

    private let learner: BayesLearner
    private let thread = DispatchQueue(label: "swfilter.learn.writer")
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [Item] = []
    private var head = 0
    private var commitsQueued = 0
    private var transactionOpen = false
    private var started = false
    private var finishing = false
    private var stopped = false
    private var failure: BayesStoreError?
    // Written by the writer thread only; read after it has stopped.
    private var tally = LearnTally()

    init(learner: BayesLearner) {
        self.learner = learner
    }

    /// Starts the writer thread now (it starts at the first `submit` otherwise), running
    /// `prepare` there first: opening the store while the first messages are parsed takes
    /// that off the end of the run.
    func start(preparing prepare: @escaping @Sendable () -> Void) {
        condition.lock()
        defer { condition.unlock() }
        startLocked(preparing: prepare)
    }

    private func startLocked(preparing prepare: (@Sendable () -> Void)? = nil) {
        guard !started else { return }
        started = true
        thread.async {
            prepare?()
            self.run()
        }
    }

    /// Hands requests to the transaction in progress (starting one if none is).
    func submit(_ requests: [LearnRequest]) throws(BayesStoreError) {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        startLocked()
        queue.append(.requests(requests))
        transactionOpen = true
        condition.broadcast()
    }

    /// Ends the transaction in progress. Waits while an earlier one is still being written, so
    /// that at most two transactions' requests are held.
    func commit() throws(BayesStoreError) {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        guard transactionOpen else { return }
        enqueueCommit()
        while commitsQueued > 1, failure == nil { condition.wait() }
        if let failure { throw failure }
    }

    /// Commits the last transaction and waits for everything to be written; what it all did.
    func finish() throws(BayesStoreError) -> LearnTally {
        condition.lock()
        defer { condition.unlock() }
        if transactionOpen { enqueueCommit() }
        finishing = true
        condition.broadcast()
        while started, !stopped { condition.wait() }
        if let failure { throw failure }
        return tally
    }

    private func enqueueCommit() {
        queue.append(.commit)
        commitsQueued += 1
        transactionOpen = false
        condition.broadcast()
    }

    /// The writer thread: one streaming transaction per commit, until `finish`.
    private func run() {
        while hasWork() {
            var actions: [LearnRequest.Action] = []
            do throws(BayesStoreError) {
                let outcomes = try learner.apply(streaming: { () -> [LearnRequest]? in
                    guard let requests = self.take() else { return nil }
                    actions.append(contentsOf: requests.lazy.map(\.action))
                    return requests
                })
                for (outcome, action) in zip(outcomes, actions) { tally.count(outcome, action) }
                tally.expiredTokens += try learner.expireIfNeeded()
                condition.lock()
                commitsQueued -= 1
                condition.broadcast()
                condition.unlock()
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
                break
            }
        }
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for something to write; false once `finish` has been called and all is written.
    private func hasWork() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count, !finishing { condition.wait() }
        return head < queue.count
    }

    /// The next requests of the transaction being written; nil at its commit.
    private func take() -> [LearnRequest]? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count { condition.wait() }
        let item = queue[head]
        queue[head] = .commit
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        if case .requests(let requests) = item { return requests }
        return nil
    }
}
