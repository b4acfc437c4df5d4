#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a mailbox path, or one message in it, could not be read. Each carries the path it is about.
public enum MailboxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path does not exist.
    case notFound(path: String)
    /// The path exists but could not be opened or listed (`errno` from open, opendir or stat).
    case unreadable(path: String, errno: Int32)
    /// Reading an opened file failed part way.
    case readFailed(path: String, errno: Int32)
    /// Neither a file nor a directory (a socket, say).
    case unsupportedFileType(path: String)
    /// A message larger than the reader's `maxMessageBytes`; it is skipped, the rest is read.
    case messageTooLarge(source: String, limit: Int)

    /// The path or message source the error is about.
    public var path: String {
        switch self {
        case .notFound(let path), .unreadable(let path, _), .readFailed(let path, _), .unsupportedFileType(let path):
            return path
        case .messageTooLarge(let source, _):
            return source
        }
    }

    public var description: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .unreadable(let path, let code):
            return "\(path): cannot open: \(Self.message(for: code))"
        case .readFailed(let path, let code):
            return "\(path): read failed: \(Self.message(for: code))"
        case .unsupportedFileType(let path):
            return "\(path): not a file, mbox, Maildir or directory"
        case .messageTooLarge(let source, let limit):
            return "\(source): message larger than \(limit) bytes, skipped"
        }
    }

    private static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return "\(String(cString: text)) (errno \(code))"
    }
}
