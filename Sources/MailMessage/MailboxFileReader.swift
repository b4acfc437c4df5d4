#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the messages of one file: the whole file as one message, or, when its first line
/// starts with "From ", the messages of an mbox, read in chunks so a large mbox never sits in
/// memory whole.
final class MailboxFileReader {
    private let path: MailboxPath
    private let maxMessageBytes: Int
    private var descriptor: Int32
    private var splitter: MboxSplitter?
    private var endOfInput = false
    private var finished = false
    private var yielded = 0

    static let chunkSize = 256 << 10
    private static let fromPrefix: [UInt8] = Array("From ".utf8)

    private var sizeHint: Int?
    /// A read that failed while looking for the end of a single message, reported when the
    /// splitter needs more input.
    private var deferredFailure: MailboxError?
    /// Bytes read so far: with `sizeHint`, what is left to read sizes the next chunk.
    private var bytesRead = 0

    init(path: MailboxPath, maxMessageBytes: Int) throws(MailboxError) {
        self.path = path
        self.maxMessageBytes = maxMessageBytes
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            let code = errno
            throw code == ENOENT ? MailboxError.notFound(path: path.display) : MailboxError.unreadable(path: path.display, errno: code)
        }
        self.descriptor = descriptor
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { sizeHint = Int(info.st_size) }
    }

    deinit {
        closeFile()
    }

    func next() -> Result<MailboxEntry, MailboxError>? {
        guard !finished else { return nil }
        if let splitter {
            return nextFromMbox(splitter)
        }
        // First call: read enough to tell an mbox from a single message.
        var head: [UInt8] = []
        head.reserveCapacity(min((sizeHint ?? Self.chunkSize) + 1, Self.chunkSize))
        while !endOfInput, head.count < Self.fromPrefix.count {
            switch readChunk(into: &head) {
            case .failure(let error): return finish(.failure(error))
            case .success(let count): endOfInput = count == 0
            }
        }
        if head.starts(with: Self.fromPrefix) {
            if let single = readWholeSingleMessage(&head) { return finish(single) }
            var splitter = MboxSplitter(maxMessageBytes: maxMessageBytes)
            splitter.feed(head[...])
            return nextFromMbox(splitter)
        }
        return finish(readSingleMessage(&head))
    }

    /// Most files that start with a From_ line hold one message, and `head` already holds the
    /// whole file when it is small: one more read makes sure of the end, and a plain single
    /// message is taken without the splitter's line-by-line copy. Nil to split as usual (a read
    /// failure here is reported where the splitter would next read).
    private func readWholeSingleMessage(_ head: inout [UInt8]) -> Result<MailboxEntry, MailboxError>? {
        guard sizeHint != nil, !endOfInput, head.count < Self.chunkSize, head.capacity > head.count else { return nil }
        switch readChunk(into: &head) {
        case .failure(let error):
            deferredFailure = error
            return nil
        case .success(let count):
            endOfInput = count == 0
        }
        guard endOfInput, let message = MboxSplitter.singleMessage(head, maxMessageBytes: maxMessageBytes) else { return nil }
        yielded = 1
        let fromLine = message.fromLine.map { HeaderText.string($0[...]) }
        return .success(MailboxEntry(source: path.display, bytes: message.bytes, fromLine: fromLine))
    }

    private func readSingleMessage(_ bytes: inout [UInt8]) -> Result<MailboxEntry, MailboxError> {
        if let sizeHint { bytes.reserveCapacity(min(sizeHint, maxMessageBytes) + 1) }
        while !endOfInput, bytes.count <= maxMessageBytes {
            switch readChunk(into: &bytes) {
            case .failure(let error): return .failure(error)
            case .success(let count): endOfInput = count == 0
            }
        }
        guard bytes.count <= maxMessageBytes else {
            return .failure(.messageTooLarge(source: path.display, limit: maxMessageBytes))
        }
        return .success(MailboxEntry(source: path.display, bytes: bytes))
    }

    private func nextFromMbox(_ start: MboxSplitter) -> Result<MailboxEntry, MailboxError>? {
        var splitter = start
        defer { self.splitter = splitter }
        while true {
            if let message = splitter.nextMessage(endOfInput: endOfInput) {
                yielded += 1
                let source = yielded == 1 && message.isLast ? path.display : "\(path.display):\(yielded)"
                if message.isLast { closeFile() }
                if message.oversized { return .failure(.messageTooLarge(source: source, limit: maxMessageBytes)) }
                let fromLine = message.fromLine.map { HeaderText.string($0[...]) }
                return .success(MailboxEntry(source: source, bytes: message.bytes, fromLine: fromLine))
            }
            if endOfInput { return finish(nil) }
            if let failure = deferredFailure { return finish(.failure(failure)) }
            var chunk: [UInt8] = []
            switch readChunk(into: &chunk) {
            case .failure(let error): return finish(.failure(error))
            case .success(0): endOfInput = true
            case .success: splitter.feed(chunk[...])
            }
        }
    }

    /// Appends what one read(2) gives: into the array's spare capacity when it has some (a
    /// single message sized by fstat), else up to `chunkSize` bytes. The count read, 0 at end of file.
    private func readChunk(into bytes: inout [UInt8]) -> Result<Int, MailboxError> {
        let oldCount = bytes.count
        let room = bytes.capacity - oldCount
        // A chunk of what the file still holds (the read that meets its end needs only a page),
        // not a full chunk of zeroes for every small file.
        let left = sizeHint.map { $0 - bytesRead } ?? Self.chunkSize
        let count = room > 0 ? room : left > 0 ? min(left, Self.chunkSize) : min(4096, Self.chunkSize)
        var failure: Int32 = 0
        bytes.append(contentsOf: repeatElement(0, count: count))
        let got = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            while true {
                let result = read(descriptor, base + oldCount, count)
                if result >= 0 { return result }
                let code = errno
                if code == EINTR { continue }
                failure = code
                return 0
            }
        }
        bytes.removeLast(count - got)
        bytesRead += got
        if failure != 0 { return .failure(.readFailed(path: path.display, errno: failure)) }
        return .success(got)
    }

    private func finish(_ result: Result<MailboxEntry, MailboxError>?) -> Result<MailboxEntry, MailboxError>? {
        finished = true
        closeFile()
        return result
    }

    private func closeFile() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
    }
}
