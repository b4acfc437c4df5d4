#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The messages under a path, one at a time: a file holding one message; an mbox (a file whose
/// first line starts with "From "); a Maildir (`cur/` then `new/`, `tmp/` not read); or a
/// directory of message files, read recursively in bytewise name order with hidden entries
/// skipped, where each file is again one message or an mbox and nested Maildirs are read as such.
///
/// Reading is lazy: one file is open at a time, an mbox is read in chunks, and one message is
/// in memory at a time (a message over `maxMessageBytes` is skipped with an error element).
/// Something unreadable below the path (a file, a subdirectory, a read error) comes out as a
/// `.failure` element and the walk goes on; only the path itself failing throws, from `init`.
/// Symbolic links are followed; a directory already visited is not read again.
public struct MailboxReader: Sequence, Sendable {
    public static let defaultMaxMessageBytes = 256 << 20

    public let path: String
    public let format: MailboxFormat
    public let maxMessageBytes: Int

    /// Checks that `path` exists and can be read, and what it is; reads no message yet.
    public init(path: String, maxMessageBytes: Int = MailboxReader.defaultMaxMessageBytes) throws(MailboxError) {
        self.path = path
        self.maxMessageBytes = Swift.max(0, maxMessageBytes)
        let location = MailboxPath(path)
        let info = try location.status().get()
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            _ = try location.listing().get()
            format = location.isMaildir() ? .maildir : .directory
        case S_IFREG:
            // Opened once to report a permission problem now rather than as the first element.
            _ = try MailboxFileReader(path: location, maxMessageBytes: self.maxMessageBytes)
            format = .file
        case S_IFIFO, S_IFCHR:
            // A pipe is opened only once, when read: opening it here would wait for a writer.
            guard location.withCString({ access($0, R_OK) }) == 0 else { throw .unreadable(path: path, errno: errno) }
            format = .file
        default:
            throw .unsupportedFileType(path: path)
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(MailboxWalk(root: MailboxPath(path), format: format, maxMessageBytes: maxMessageBytes))
    }

    /// Yields each message as `.success`, and each thing that could not be read as `.failure`.
    /// Copies of an iterator share their position.
    public struct Iterator: IteratorProtocol {
        private let walk: MailboxWalk

        init(_ walk: MailboxWalk) {
            self.walk = walk
        }

        public mutating func next() -> Result<MailboxEntry, MailboxError>? {
            walk.next()
        }
    }
}
