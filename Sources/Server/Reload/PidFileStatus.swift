#if canImport(Glibc)
import Glibc
#endif

/// What `PidFile.status()` found.
public enum PidFileStatus: Sendable, Hashable {
    /// A live process holds the file's lock; `pid` is what it wrote.
    case running(pid: pid_t)
    /// Locked, but the pid not written yet: the process is starting.
    case starting
    /// No process holds the lock: left behind by one that died (the pid in it, if any, is not
    /// to be signalled).
    case stale(pid: pid_t?)
    case missing
    case unreadable(errno: Int32)
}
