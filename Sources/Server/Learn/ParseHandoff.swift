import Bayes

/// What the parse stage of `swfilter learn` leaves for the reading thread: the tokens handed to
/// the writer since its last commit, and the writer's failure. Touched by one parse job at a
/// time; the reading thread reads it only after waiting for the jobs.
final class ParseHandoff: @unchecked Sendable {
    var pendingTokens = 0
    var failure: BayesStoreError?
}
