#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The depth-first walk behind `MailboxReader.Iterator`: a stack of directory listings (names
/// only) and at most one open file.
final class MailboxWalk {
    private struct Frame {
        let path: MailboxPath
        let names: [[UInt8]]
        var index = 0
    }

    private struct DirectoryIdentity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    private let maxMessageBytes: Int
    private var rootFile: MailboxPath?
    private var stack: [Frame] = []
    private var file: MailboxFileReader?
    private var visited: Set<DirectoryIdentity> = []
    /// A failure to hand out before going on (a directory that could not be listed).
    private var pendingFailure: MailboxError?

    private static let maildirFolders: [[UInt8]] = [Array("cur".utf8), Array("new".utf8)]

    init(root: MailboxPath, format: MailboxFormat, maxMessageBytes: Int) {
        self.maxMessageBytes = maxMessageBytes
        switch format {
        case .file:
            rootFile = root
        case .maildir, .directory:
            if case .success(let info) = root.status() { visited.insert(Self.identity(info)) }
            enter(root, isMaildir: format == .maildir)
        }
    }

    func next() -> Result<MailboxEntry, MailboxError>? {
        while true {
            if let failure = pendingFailure {
                pendingFailure = nil
                return .failure(failure)
            }
            if let reader = file {
                if let result = reader.next() { return result }
                file = nil
            }
            if let root = rootFile {
                rootFile = nil
                if let failure = open(root) { return .failure(failure) }
                continue
            }
            guard let top = stack.indices.last else { return nil }
            guard stack[top].index < stack[top].names.count else {
                stack.removeLast()
                continue
            }
            let child = stack[top].path.appending(stack[top].names[stack[top].index])
            stack[top].index += 1
            let info: stat
            switch child.status() {
            case .success(let found): info = found
            case .failure(let error): return .failure(error)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard visited.insert(Self.identity(info)).inserted else { continue }
                enter(child, isMaildir: child.isMaildir())
            case S_IFREG:
                if let failure = open(child) { return .failure(failure) }
            default:
                continue  // sockets, FIFOs, devices: not messages, and reading a FIFO could block
            }
        }
    }

    /// Pushes a directory's listing; a Maildir lists only `cur` and `new`.
    private func enter(_ directory: MailboxPath, isMaildir: Bool) {
        if isMaildir {
            stack.append(Frame(path: directory, names: Self.maildirFolders))
            return
        }
        switch directory.listing() {
        case .success(let names): stack.append(Frame(path: directory, names: names))
        case .failure(let error): pendingFailure = error
        }
    }

    private func open(_ path: MailboxPath) -> MailboxError? {
        do {
            file = try MailboxFileReader(path: path, maxMessageBytes: maxMessageBytes)
            return nil
        } catch {
            return error
        }
    }

    private static func identity(_ info: stat) -> DirectoryIdentity {
        DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }
}
