import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process for tests that must see whether SIGHUP reached a process other than the
/// test process: it exits with status 42 on SIGHUP (handled and unblocked explicitly, since the
/// test process may ignore or block it and children inherit that), else sleeps. Killed and
/// reaped by `stop()` (the tests call it on every path).
final class ChildProcess {
    let pid: pid_t

    static let exitOnHangup: Int32 = 42

    init(sleepSeconds: Int = 30) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", """
            import os, signal, sys, time
            signal.signal(signal.SIGHUP, lambda *_: os._exit(\(Self.exitOnHangup)))
            signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGHUP])
            print("ready", flush=True)
            time.sleep(\(sleepSeconds))
            """]
        let ready = Pipe()
        process.standardOutput = ready
        try process.run()
        pid = process.processIdentifier
        self.process = process
        // The handler is in place once "ready" is written (bounded by the child's own sleep).
        _ = ready.fileHandleForReading.readData(ofLength: 6)
    }

    private let process: Process

    /// Whether the child has ended, and whether because of SIGHUP.
    func ended(waitingUpTo seconds: Double) -> (ended: Bool, byHangup: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if !process.isRunning {
                return (true, process.terminationReason == .exit && process.terminationStatus == Self.exitOnHangup)
            }
            usleep(10_000)
        } while Date() < deadline
        return (false, false)
    }

    func stop() {
        if process.isRunning { kill(pid, SIGKILL) }
        process.waitUntilExit()
    }
}
