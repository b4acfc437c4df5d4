import Synchronization

/// Collects log lines from any thread, for tests to read.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    var log: @Sendable (String) -> Void { { [self] line in lines.withLock { $0.append(line) } } }
    var all: [String] { lines.withLock { $0 } }

    func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }
}
