import Foundation

/// A thread that calls `tick` every `interval` until stopped: how `ReloadingVirusScanner`
/// notices that freshclam has replaced the databases. Stopping wakes it at once.
final class SignatureWatcher: @unchecked Sendable {
    // @unchecked: `stopping` and `finished` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false

    init(interval: Duration, tick: @escaping @Sendable () -> Bool) {
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        let thread = Thread { [self] in
            while true {
                condition.lock()
                if !stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: seconds)) }
                let stop = stopping
                condition.unlock()
                if stop || !tick() { break }
            }
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "swfilter-clamav-watch"
        thread.start()
    }

    /// Asks the thread to end; with `wait`, returns once it has (never wait from `tick`).
    func stop(wait: Bool) {
        condition.lock()
        stopping = true
        condition.broadcast()
        while wait && !finished { condition.wait() }
        condition.unlock()
    }
}
