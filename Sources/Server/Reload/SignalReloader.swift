import Dispatch
import Synchronization
import VirusScan
#if canImport(Glibc)
import Glibc
#endif

/// Turns a signal (SIGHUP, as `swfilter reload` sends it) into a reload, in a long-running
/// swfilter process. The signal is handled by a dispatch source, not a signal handler, so the
/// reload runs on an ordinary thread (a serial queue of its own): scans go on meanwhile, and
/// signals that arrive while a reload runs are merged into one more reload after it.
public final class SignalReloader: @unchecked Sendable {
    // @unchecked: `source` is set once in init; dispatch sources are thread-safe to cancel.
    public typealias Log = @Sendable (String) -> Void

    public let signalNumber: Int32
    private let source: any DispatchSourceSignal
    private let reloads = Atomic<Int>(0)

    /// Starts listening now. From then on the signal no longer ends the process (SIGHUP's
    /// default action), even after `stop()`.
    public init(signal signalNumber: Int32 = SIGHUP, log: @escaping Log = { _ in }, reload: @escaping @Sendable () -> Void) {
        self.signalNumber = signalNumber
        // Ignored first, so that a signal in the moment before the source is set up is lost
        // rather than fatal; the dispatch source still sees signals sent from then on.
        signal(signalNumber, SIG_IGN)
        let queue = DispatchQueue(label: "swfilter.reload.signal-\(signalNumber)")
        source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
        let name = Self.name(of: signalNumber)
        source.setEventHandler { [weak self] in
            log("\(name) received: reloading")
            reload()
            self?.reloads.add(1, ordering: .relaxed)
        }
        source.resume()
    }

    /// A reloader that rebuilds `scanner`'s virus engine (in the background; scans in flight
    /// finish on the old engine).
    public static func virusEngine(_ scanner: ReloadingVirusScanner, signal: Int32 = SIGHUP, log: @escaping Log = { _ in }) -> SignalReloader {
        SignalReloader(signal: signal, log: log) { scanner.reload() }
    }

    deinit {
        stop()
    }

    /// Reloads done so far (signals that arrived together count once).
    public var reloadCount: Int { reloads.load(ordering: .relaxed) }

    /// Stops reacting to the signal; a reload under way finishes.
    public func stop() {
        source.cancel()
    }

    static func name(of signalNumber: Int32) -> String {
        switch signalNumber {
        case SIGHUP: "SIGHUP"
        case SIGUSR1: "SIGUSR1"
        case SIGUSR2: "SIGUSR2"
        default: "signal \(signalNumber)"
        }
    }
}
