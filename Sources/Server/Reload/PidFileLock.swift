#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A pid file held by this process: locked and holding its pid until `release()` (or until
/// the process ends, when the kernel drops the lock and the file reads as stale).
public final class PidFileLock: Sendable {
    public let file: PidFile
    private let descriptor: Int32
    private let held = Mutex(true)

    init(file: PidFile, descriptor: Int32) {
        self.file = file
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// Removes the file and drops the lock; later calls do nothing.
    public func release() {
        let wasHeld = held.withLock { held in
            defer { held = false }
            return held
        }
        guard wasHeld else { return }
        // Unlinked while still locked, so no other process sees it stale in between.
        unlink(file.path)
        close(descriptor)
    }
}
