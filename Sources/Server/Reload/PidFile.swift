#if canImport(Glibc)
import Glibc
#endif

/// The pid file a long-running swfilter process (milter, SMTP proxy, …) keeps while it runs:
/// `<state-dir>/run/<name>.pid`, holding the process id in decimal and a newline.
///
/// The process holds an exclusive `flock` on the file for as long as it runs (`acquire()`), so
/// a file left behind by a crash is told apart from a live one without trusting the pid in it
/// (a recycled pid could belong to anything): `status()` reports a pid only while the lock is
/// held. `swfilter reload` signals every process found this way.
public struct PidFile: Sendable, Hashable {
    /// The folder of pid files inside the state directory.
    public static let directoryName = "run"
    public static let fileExtension = ".pid"

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `<stateDir>/run/<name>.pid`; `name` says which daemon ("milter", "smtp").
    public init(stateDir: String, name: String) {
        self.init(path: Self.directory(stateDir: stateDir) + "/" + name + Self.fileExtension)
    }

    public static func directory(stateDir: String) -> String {
        (stateDir.hasSuffix("/") ? String(stateDir.dropLast()) : stateDir) + "/" + directoryName
    }

    /// Every `*.pid` file in the state directory's run folder, sorted by path; none when the
    /// folder does not exist.
    public static func all(stateDir: String) throws(PidFileError) -> [PidFile] {
        let directory = Self.directory(stateDir: stateDir)
        guard let handle = opendir(directory) else {
            if errno == ENOENT || errno == ENOTDIR { return [] }
            throw PidFileError(path: directory, operation: "read the folder", errno: errno)
        }
        defer { closedir(handle) }
        var files: [PidFile] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(fileExtension), name.count > fileExtension.count, !name.hasPrefix(".") else { continue }
            files.append(PidFile(path: directory + "/" + name))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Creates the file (and the run folder) for this process, locks it and writes the pid.
    /// Fails with `alreadyRunning` when another live process holds it.
    public func acquire() throws(PidFileError) -> PidFileLock {
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if !folder.isEmpty, mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw PidFileError(path: folder, operation: "create the folder", errno: errno)
        }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PidFileError(path: path, operation: "open", errno: errno) }
        var locked = false
        defer { if !locked { close(descriptor) } }
        // A `swfilter reload` probing the file holds a shared lock for a moment: retry briefly.
        for attempt in 0..<Self.lockAttempts {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { locked = true; break }
            guard errno == EWOULDBLOCK || errno == EINTR else { throw PidFileError(path: path, operation: "lock", errno: errno) }
            if attempt + 1 < Self.lockAttempts { usleep(Self.lockRetryMicroseconds) }
        }
        guard locked else {
            throw PidFileError(path: path, reason: .alreadyRunning(Self.readPid(descriptor)))
        }
        let text = Array("\(getpid())\n".utf8)
        let written = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard ftruncate(descriptor, off_t(text.count)) == 0, written == text.count else {
            let code = errno
            locked = false
            flock(descriptor, LOCK_UN)
            throw PidFileError(path: path, operation: "write", errno: code)
        }
        return PidFileLock(file: self, descriptor: descriptor)
    }

    /// Whether a live process holds this file, and its pid.
    public func status() -> PidFileStatus {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT ? .missing : .unreadable(errno: errno) }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return .stale(pid: Self.readPid(descriptor))
        }
        guard errno == EWOULDBLOCK else { return .unreadable(errno: errno) }
        // Locked: the holder writes its pid right after locking; an empty file is one starting.
        guard let pid = Self.readPid(descriptor) else { return .starting }
        return .running(pid: pid)
    }

    static let lockAttempts = 20
    static let lockRetryMicroseconds: useconds_t = 10_000
    /// Longer than any pid ("4194304\n" is the Linux maximum).
    static let maxContentLength = 32

    static func readPid(_ descriptor: Int32) -> pid_t? {
        var buffer = [UInt8](repeating: 0, count: maxContentLength)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        var digits = buffer[..<count][...]
        while let last = digits.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let value = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard value > 1, value <= Int(Int32.max) else { return nil }
        return pid_t(value)
    }
}
