import Synchronization

/// Keys already logged about, so that a warning that would repeat on every message (a rule
/// stopping at its regex limit) reaches the log once per process.
final class LoggedOnce: Sendable {
    /// The process-wide set: engines rebuilt on reload do not warn again.
    static let process = LoggedOnce()

    private let seen = Mutex<Set<String>>([])

    /// True the first time `key` is seen, false ever after.
    func first(_ key: String) -> Bool {
        seen.withLock { $0.insert(key).inserted }
    }
}
