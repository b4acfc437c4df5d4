/// Splits an mbox byte stream, fed in chunks, into messages: a message starts at a line that
/// begins with "From " at the start of the stream or after a blank line. The From_ line is kept
/// apart, the blank line before the next From_ line (the mbox separator) is dropped, and one `>`
/// is removed from `>From `, `>>From `… lines (mboxrd).
///
/// Memory stays bounded: a message over `maxMessageBytes` is dropped as it is read and reported
/// as oversized, and a line longer than `maxLinePiece` is handled in pieces.
struct MboxSplitter {
    struct Message: Equatable {
        /// The From_ line without its line break; nil for bytes before the first From_ line.
        let fromLine: [UInt8]?
        let bytes: [UInt8]
        /// The message passed `maxMessageBytes`; `bytes` is empty.
        let oversized: Bool
        /// The stream ended with this message.
        let isLast: Bool
    }

    let maxMessageBytes: Int
    let maxLinePiece: Int

    init(maxMessageBytes: Int, maxLinePiece: Int = 64 << 10) {
        self.maxMessageBytes = maxMessageBytes
        self.maxLinePiece = max(8, maxLinePiece)
    }

    /// What to do with the rest of a line whose beginning was handled without its end.
    private enum LineRest {
        case none, append, discard
    }

    private var pending: [UInt8] = []
    private var pendingStart = 0
    private var messageOpen = false
    private var fromLine: [UInt8]?
    private var current: [UInt8] = []
    private var oversized = false
    private var previousLineBlank = true
    private var trailingBlankLength = 0
    private var lineRest = LineRest.none

    private static let fromPrefix: [UInt8] = Array("From ".utf8)

    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        compact()
        pending += chunk
    }

    /// The next complete message, or nil when more input is needed (or, at `endOfInput`, when
    /// there is nothing left).
    mutating func nextMessage(endOfInput: Bool) -> Message? {
        while true {
            guard pendingStart < pending.count else {
                compact()
                return endOfInput ? finish(isLast: true) : nil
            }
            let lineFeed = pending.withUnsafeBufferPointer { ByteScan.first(0x0A, in: $0, from: pendingStart, to: $0.count) }
            let lineEnd = lineFeed.map { $0 + 1 } ?? pending.count
            let complete = lineFeed != nil
            if lineRest != .none {
                if lineRest == .append { append(pending[pendingStart..<lineEnd]) }
                pendingStart = lineEnd
                if complete {
                    lineRest = .none
                    previousLineBlank = false
                    trailingBlankLength = 0
                }
                continue
            }
            if !complete, !endOfInput, lineEnd - pendingStart < maxLinePiece {
                compact()
                return nil
            }
            let line = pending[pendingStart..<lineEnd]
            pendingStart = lineEnd
            if previousLineBlank, line.starts(with: Self.fromPrefix) {
                let finished = finish(isLast: false)
                messageOpen = true
                fromLine = Array(Self.withoutLineBreak(line))
                previousLineBlank = false
                if !complete { lineRest = .discard }
                if let finished { return finished }
                continue
            }
            if !messageOpen {
                messageOpen = true
                fromLine = nil
            }
            let blank = complete && (line.count == 1 || (line.count == 2 && line.first == 0x0D))
            append(Self.isQuotedFrom(line) ? line.dropFirst() : line)
            previousLineBlank = blank
            trailingBlankLength = blank ? line.count : 0
            if !complete { lineRest = .append }
        }
    }

    /// The message of a whole mbox file held in `data` when it plainly holds one: a From_ line,
    /// then no line that could start another message or needs unquoting ("From ", ">From "…).
    /// Exactly what feeding `data` and asking for messages gives then, without copying it line
    /// by line; nil when it does not plainly hold one (the caller splits it).
    static func singleMessage(_ data: [UInt8], maxMessageBytes: Int) -> Message? {
        data.withUnsafeBufferPointer { buffer -> Message? in
            let count = buffer.count
            guard count >= fromPrefix.count, buffer.starts(with: fromPrefix),
                  let firstLineEnd = ByteScan.first(0x0A, in: buffer, from: 0, to: count) else { return nil }
            let bodyStart = firstLineEnd + 1
            guard count - bodyStart <= maxMessageBytes else { return nil }
            var lineStart = bodyStart
            while lineStart < count {
                var text = lineStart
                while text < count, buffer[text] == UInt8(ascii: ">") { text += 1 }
                if count - text >= fromPrefix.count, buffer[text] == UInt8(ascii: "F"),
                   UnsafeBufferPointer(rebasing: buffer[text..<(text + fromPrefix.count)]).elementsEqual(fromPrefix) {
                    return nil
                }
                guard let lineFeed = ByteScan.first(0x0A, in: buffer, from: text, to: count) else { break }
                lineStart = lineFeed + 1
            }
            // The blank line that ends the last message is the mbox separator, not content.
            // (The From_ line's own line feed at `bodyStart - 1` can precede it.)
            var end = count
            if count - 1 >= bodyStart, buffer[count - 1] == 0x0A {
                if buffer[count - 2] == 0x0A {
                    end = count - 1
                } else if count - 2 >= bodyStart, buffer[count - 2] == 0x0D, buffer[count - 3] == 0x0A {
                    end = count - 2
                }
            }
            let fromLine = Array(withoutLineBreak(data[0..<bodyStart]))
            return Message(fromLine: fromLine, bytes: Array(buffer[bodyStart..<end]), oversized: false, isLast: true)
        }
    }

    private mutating func finish(isLast: Bool) -> Message? {
        guard messageOpen else { return nil }
        if !oversized, trailingBlankLength > 0 { current.removeLast(trailingBlankLength) }
        let message = Message(fromLine: fromLine, bytes: current, oversized: oversized, isLast: isLast)
        messageOpen = false
        fromLine = nil
        current = []
        oversized = false
        trailingBlankLength = 0
        return message
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) {
        guard !oversized else { return }
        guard current.count + bytes.count <= maxMessageBytes else {
            oversized = true
            current = []
            return
        }
        current += bytes
    }

    private mutating func compact() {
        guard pendingStart > 0 else { return }
        pending.removeSubrange(0..<pendingStart)
        pendingStart = 0
    }

    /// `>From `, `>>From `…: a From line that mboxrd quoted once more.
    private static func isQuotedFrom(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: ">") else { return false }
        guard let text = line.firstIndex(where: { $0 != UInt8(ascii: ">") }) else { return false }
        return line[text...].starts(with: fromPrefix)
    }

    private static func withoutLineBreak(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var end = line.endIndex
        if end > line.startIndex, line[end - 1] == 0x0A { end -= 1 }
        if end > line.startIndex, line[end - 1] == 0x0D { end -= 1 }
        return line[line.startIndex..<end]
    }
}
