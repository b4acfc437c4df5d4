#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a configuration file whole, with the system's reason when it cannot.
enum ConfigFileReader {
    /// Far above any real configuration; only guards memory against a wrong path like /dev/zero.
    static let maxBytes = 16 << 20

    enum Outcome {
        case contents([UInt8])
        case missing
        case failed(String)
    }

    /// Whether anything is at `path`; a dangling symlink counts, so it is reported, not ignored.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func read(_ path: String) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            return code == ENOENT ? .missing : .failed(reason(code))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failed(reason(errno)) }
        if status.st_mode & S_IFMT == S_IFDIR { return .failed("is a directory") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failed(reason(errno))
            }
            if count == 0 { return .contents(bytes) }
            bytes += chunk[..<count]
            if bytes.count > maxBytes { return .failed("larger than \(maxBytes >> 20) MiB; is this a configuration file?") }
        }
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
