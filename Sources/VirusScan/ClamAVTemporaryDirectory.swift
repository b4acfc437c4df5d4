import CClamAV
import Glibc
import Synchronization

/// Where libclamav writes what it extracts while scanning (CL_ENGINE_TMPDIR): a private
/// directory of this process, `<root>/swfilter-clamav-<uid>/<pid>`, both levels mode 0700.
///
/// libclamav makes and removes a directory for every scan, and writes every part its mail
/// parser extracts to a file there, so the file system under it is on the hot path. With no
/// root configured it is /dev/shm when that is a writable tmpfs (as amavisd-new admins put its
/// temporary directory on tmpfs), else $TMPDIR or /tmp.
///
/// The per-user level is refused unless it is a real directory owned by this user (not a
/// symbolic link another user planted in a world-writable root). The first use in a process
/// empties the process's own directory (left by an earlier process with the same pid) and
/// removes those of processes no longer running, so a crash leaves nothing behind for long.
public enum ClamAVTemporaryDirectory {
    public static let sharedMemoryRoot = "/dev/shm"
    /// statfs(2)'s f_type for tmpfs.
    static let tmpfsMagic = 0x0102_1994

    /// The root used when none is configured: `sharedMemory` when it is a writable tmpfs,
    /// otherwise the system's temporary directory.
    public static func defaultRoot(sharedMemory: String = sharedMemoryRoot) -> String {
        isWritableTmpfs(sharedMemory) ? sharedMemory : systemRoot
    }

    /// $TMPDIR when it is an absolute path, else /tmp.
    public static var systemRoot: String {
        if let value = getenv("TMPDIR").map({ String(cString: $0) }), value.hasPrefix("/") {
            return value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        return "/tmp"
    }

    public static func isWritableTmpfs(_ path: String) -> Bool {
        swf_file_system_type(path) == tmpfsMagic && access(path, W_OK | X_OK) == 0
    }

    private static let prepared = Mutex<[String: String]>([:])

    /// The private directory for `root` (nil: `defaultRoot()`, falling back to `systemRoot`
    /// when the directory cannot be made there), made and cleaned once per process and root.
    public static func directory(root: String?) throws(VirusScanError) -> String {
        if let root { return try preparedOnce(root: root) }
        let preferred = defaultRoot()
        do {
            return try preparedOnce(root: preferred)
        } catch {
            guard preferred != systemRoot else { throw error }
            return try preparedOnce(root: systemRoot)
        }
    }

    private static func preparedOnce(root: String) throws(VirusScanError) -> String {
        let result: Result<String, VirusScanError> = prepared.withLock { cache in
            if let known = cache[root] { return .success(known) }
            do throws(VirusScanError) {
                let made = try prepare(root: root)
                cache[root] = made
                return .success(made)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Makes `<root>/swfilter-clamav-<uid>/<pid>` (mode 0700), empties it, and removes the
    /// directories there of processes that are gone. Every call cleans again: use
    /// `directory(root:)` once the engine may be scanning.
    public static func prepare(root: String, processID: pid_t = getpid()) throws(VirusScanError) -> String {
        let trimmed = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        guard trimmed.hasPrefix("/") else { throw failure(root, "not an absolute path") }
        let user = trimmed + "/swfilter-clamav-\(geteuid())"
        try makePrivateDirectory(user)
        removeDirectoriesOfEndedProcesses(in: user, except: processID)
        let own = user + "/\(processID)"
        try makePrivateDirectory(own)
        guard removeContents(of: own) else { throw failure(own, "cannot empty it: \(errorText())") }
        return own
    }

    /// mkdir 0700, or takes over an existing directory that this user owns (lstat: a symbolic
    /// link is refused, whatever it points to) and sets it to 0700.
    private static func makePrivateDirectory(_ path: String) throws(VirusScanError) {
        if mkdir(path, 0o700) != 0 && errno != EEXIST { throw failure(path, "cannot create it: \(errorText())") }
        var status = stat()
        guard lstat(path, &status) == 0 else { throw failure(path, errorText()) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw failure(path, "exists and is not a directory (a symbolic link is refused)") }
        guard status.st_uid == geteuid() else { throw failure(path, "is owned by uid \(status.st_uid), not by this user (\(geteuid()))") }
        if status.st_mode & 0o777 != 0o700, chmod(path, 0o700) != 0 { throw failure(path, "cannot set mode 0700: \(errorText())") }
        guard access(path, W_OK | X_OK) == 0 else { throw failure(path, "is not writable: \(errorText())") }
    }

    private static func removeDirectoriesOfEndedProcesses(in directory: String, except own: pid_t) {
        for name in entries(of: directory) {
            guard let pid = pid_t(name), pid > 0, pid != own else { continue }
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            let path = directory + "/" + name
            _ = removeContents(of: path)
            rmdir(path)
        }
    }

    /// Removes everything below `directory` (never following symbolic links); false when
    /// something could not be removed.
    static func removeContents(of directory: String) -> Bool {
        var complete = true
        for name in entries(of: directory) {
            let path = directory + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                if !removeContents(of: path) { complete = false }
                if rmdir(path) != 0 { complete = false }
            } else if unlink(path) != 0 {
                complete = false
            }
        }
        return complete
    }

    private static func entries(of directory: String) -> [String] {
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    private static func failure(_ path: String, _ why: String) -> VirusScanError {
        VirusScanError(.invalidSetting, "clamav: temporary directory \(path): \(why)")
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
