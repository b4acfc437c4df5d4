/// The line-level work of `UUEncode`: finding begin lines and decoding data lines.
enum UUEncodeLines {
    struct BeginLine {
        let mode: String
        let name: String
        /// Where the line after the begin line starts.
        let next: Int
    }

    struct Block {
        var bytes: [UInt8] = []
        /// Where the line after the block starts (after `end`, or at the line that ended it).
        var next = 0
        var sawEnd = false
        var truncated = false
        var skippedLines = false
    }

    private static let beginPrefix: [UInt8] = Array("begin ".utf8)

    /// The first `begin MODE NAME` line starting at or after `from` (which is a line start).
    /// One memchr-and-compare scan when there is none.
    static func beginLine(in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> BeginLine? {
        beginPrefix.withUnsafeBufferPointer { needle in
            var searchFrom = from
            while let hit = ByteScan.first(needle, in: buffer, from: searchFrom, to: buffer.count) {
                searchFrom = hit + 1
                guard hit == 0 || buffer[hit - 1] == 0x0A else { continue }
                if let line = parseBeginLine(buffer, start: hit + needle.count) { return line }
            }
            return nil
        }
    }

    /// Reads `MODE NAME` after "begin ": an octal mode, spaces, and a non-empty name.
    private static func parseBeginLine(_ buffer: UnsafeBufferPointer<UInt8>, start: Int) -> BeginLine? {
        let (contentEnd, next) = line(in: buffer, from: start)
        var position = start
        while position < contentEnd, buffer[position] == 0x20 { position += 1 }
        let modeStart = position
        while position < contentEnd, buffer[position] >= 0x30, buffer[position] <= 0x37 { position += 1 }
        let modeLength = position - modeStart
        guard modeLength >= 1, modeLength <= 6, position < contentEnd, buffer[position] == 0x20 else { return nil }
        while position < contentEnd, buffer[position] == 0x20 || buffer[position] == 0x09 { position += 1 }
        var nameEnd = contentEnd
        while nameEnd > position, buffer[nameEnd - 1] == 0x20 || buffer[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        guard nameEnd > position else { return nil }
        let mode = String(decoding: UnsafeBufferPointer(rebasing: buffer[modeStart..<(modeStart + modeLength)]), as: UTF8.self)
        let name = HeaderText.string(Array(UnsafeBufferPointer(rebasing: buffer[position..<nameEnd]))[...])
        return BeginLine(mode: mode, name: name, next: next)
    }

    /// The line starting at `from`: where its content ends (before LF or CRLF) and where the next starts.
    @inline(__always)
    static func line(in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> (contentEnd: Int, next: Int) {
        guard let lineFeed = ByteScan.first(0x0A, in: buffer, from: from, to: buffer.count) else {
            return (buffer.count, buffer.count)
        }
        return (lineFeed > from && buffer[lineFeed - 1] == 0x0D ? lineFeed - 1 : lineFeed, lineFeed + 1)
    }

    /// Decodes data lines from `from` until `end`. A line that cannot be uuencode ends the block,
    /// or is skipped when `skipInvalidLines` (a body with no begin line). Empty lines are skipped.
    static func decodeBlock(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, limit: Int, skipInvalidLines: Bool) -> Block {
        var block = Block()
        var position = from
        lines: while position < buffer.count {
            let (contentEnd, next) = line(in: buffer, from: position)
            if isEndLine(buffer, from: position, to: contentEnd) {
                block.sawEnd = true
                position = next
                break
            }
            guard contentEnd > position else {
                position = next
                continue
            }
            guard isDataLine(buffer, from: position, to: contentEnd) else {
                if skipInvalidLines {
                    block.skippedLines = true
                    position = next
                    continue
                }
                break
            }
            if !decodeDataLine(buffer, from: position, to: contentEnd, limit: limit, into: &block.bytes) {
                block.truncated = true
                position = next
                break
            }
            position = next
        }
        block.next = position
        return block
    }

    private static func isEndLine(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var end = to
        while end > from, buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09 { end -= 1 }
        return end - from == 3 && buffer[from] == UInt8(ascii: "e") && buffer[from + 1] == UInt8(ascii: "n")
            && buffer[from + 2] == UInt8(ascii: "d")
    }

    /// uuencode uses only the 64 characters from space to backquote.
    private static func isDataLine(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        for index in from..<to where buffer[index] < 0x20 || buffer[index] > 0x60 { return false }
        return true
    }

    /// Appends the bytes of one data line; false when `limit` stopped it.
    private static func decodeDataLine(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int, limit: Int, into bytes: inout [UInt8]) -> Bool {
        @inline(__always) func digit(_ index: Int) -> UInt8 {
            index < to ? (buffer[index] &- 0x20) & 0x3F : 0
        }
        var needed = Int(digit(from))
        var position = from + 1
        while needed > 0 {
            let c0 = digit(position), c1 = digit(position + 1), c2 = digit(position + 2), c3 = digit(position + 3)
            let group = needed < 3 ? needed : 3
            for index in 0..<group {
                guard bytes.count < limit else { return false }
                switch index {
                case 0: bytes.append(c0 << 2 | c1 >> 4)
                case 1: bytes.append(c1 << 4 | c2 >> 2)
                default: bytes.append(c2 << 6 | c3)
                }
            }
            needed -= 3
            position += 4
        }
        return true
    }
}
