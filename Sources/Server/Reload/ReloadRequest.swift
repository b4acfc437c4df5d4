#if canImport(Glibc)
import Glibc
#endif

/// What `swfilter reload` does: sends SIGHUP to every running swfilter process that keeps a
/// pid file in `<state-dir>/run`. Stale pid files (left by a process that died) are reported
/// and left alone; the pid in them is never signalled.
public enum ReloadRequest {
    public static func send(stateDir: String, signal: Int32 = SIGHUP) -> ReloadOutcome {
        var outcome = ReloadOutcome(directory: PidFile.directory(stateDir: stateDir))
        let files: [PidFile]
        do {
            files = try PidFile.all(stateDir: stateDir)
        } catch {
            outcome.problems.append(error.description)
            return outcome
        }
        for file in files {
            switch file.status() {
            case .running(let pid):
                if kill(pid, signal) == 0 {
                    outcome.signalled.append(ReloadOutcome.Process(file: file, pid: pid))
                } else {
                    let code = errno
                    if code == EPERM { outcome.permissionDenied = true }
                    outcome.problems.append("\(file.path): cannot signal pid \(pid): \(String(cString: strerror(code)))")
                }
            case .starting:
                outcome.starting.append(file)
            case .stale:
                outcome.stale.append(file)
            case .missing:
                break
            case .unreadable(let code):
                if code == EACCES { outcome.permissionDenied = true }
                outcome.problems.append("\(file.path): cannot read: \(String(cString: strerror(code)))")
            }
        }
        return outcome
    }
}
