#if canImport(Glibc)
import Glibc
#endif

/// What `ReloadRequest.send` did, and the exit status `swfilter reload` ends with:
/// 0 when at least one process was signalled and nothing failed; 69 (EX_UNAVAILABLE) when no
/// swfilter process is running; 77 (EX_NOPERM) when a process or pid file was out of reach;
/// 74 (EX_IOERR) for any other failure.
public struct ReloadOutcome: Sendable, Equatable {
    public struct Process: Sendable, Equatable {
        public let file: PidFile
        public let pid: pid_t
    }

    /// The folder searched.
    public let directory: String
    public var signalled: [Process] = []
    public var stale: [PidFile] = []
    /// Locked pid files with no pid yet: processes still starting, which load the current
    /// signatures anyway.
    public var starting: [PidFile] = []
    /// Pid files that could not be read, processes that could not be signalled.
    public var problems: [String] = []
    var permissionDenied = false

    init(directory: String) {
        self.directory = directory
    }

    public var exitStatus: Sysexits {
        if permissionDenied { return .noPermission }
        if !problems.isEmpty { return .ioError }
        return signalled.isEmpty ? .unavailable : .ok
    }

    /// One line per process signalled (standard output).
    public var report: [String] {
        signalled.map { "reloading: pid \($0.pid) (\($0.file.path))" }
    }

    /// Problems, stale files and "nothing running" (standard error).
    public var warnings: [String] {
        var lines = problems
        lines += starting.map { "skipping \($0.path): its process is still starting" }
        lines += stale.map { "ignoring stale pid file \($0.path) (no process holds it)" }
        if signalled.isEmpty, problems.isEmpty {
            lines.append("no running swfilter process to reload (no live pid file in \(directory))")
        }
        return lines
    }
}
