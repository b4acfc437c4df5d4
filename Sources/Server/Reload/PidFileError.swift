#if canImport(Glibc)
import Glibc
#endif

/// Why a pid file could not be read, written or taken.
public struct PidFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Another live process holds the file (its pid, when it has written it).
        case alreadyRunning(pid_t?)
        case system(operation: String, errno: Int32)
    }

    public let path: String
    public let reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    init(path: String, operation: String, errno: Int32) {
        self.init(path: path, reason: .system(operation: operation, errno: errno))
    }

    public var description: String {
        switch reason {
        case .alreadyRunning(let pid):
            return "\(path): already held by a running process\(pid.map { " (pid \($0))" } ?? "")"
        case .system(let operation, let code):
            return "\(path): cannot \(operation): \(String(cString: strerror(code)))"
        }
    }
}
