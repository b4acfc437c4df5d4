#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file system path kept as bytes, since file names need not be UTF-8, with a display form.
struct MailboxPath: Hashable {
    let bytes: [UInt8]
    let display: String

    init(_ path: String) {
        self.init(bytes: Array(path.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        display = String(decoding: bytes, as: UTF8.self)
    }

    func appending(_ name: [UInt8]) -> MailboxPath {
        let slash = UInt8(ascii: "/")
        return MailboxPath(bytes: bytes.last == slash || bytes.isEmpty ? bytes + name : bytes + [slash] + name)
    }

    func withCString<Result>(_ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// stat(2), following symbolic links; the errno on failure.
    func status() -> Result<stat, MailboxError> {
        var info = stat()
        let result = withCString { stat($0, &info) }
        guard result == 0 else {
            let code = errno
            return .failure(code == ENOENT || code == ENOTDIR ? .notFound(path: display) : .unreadable(path: display, errno: code))
        }
        return .success(info)
    }

    /// Whether this is a directory holding `cur` and `new` directories.
    func isMaildir() -> Bool {
        ["cur", "new"].allSatisfy { name in
            guard case .success(let info) = appending(Array(name.utf8)).status() else { return false }
            return (info.st_mode & S_IFMT) == S_IFDIR
        }
    }

    /// The names in this directory, sorted bytewise, hidden ones (and `.`, `..`) left out.
    func listing() -> Result<[[UInt8]], MailboxError> {
        guard let directory = withCString({ opendir($0) }) else {
            let code = errno
            return .failure(code == ENOENT ? .notFound(path: display) : .unreadable(path: display, errno: code))
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name.first != UInt8(ascii: ".") { names.append(name) }
        }
        if errno != 0 { return .failure(.readFailed(path: display, errno: errno)) }
        names.sort { $0.lexicographicallyPrecedes($1) }
        return .success(names)
    }
}
