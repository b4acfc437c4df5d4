#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fast byte searches over a buffer, by offset. Every function is bounds-safe: offsets outside
/// the buffer are clamped by the callers' ranges.
public enum ByteScan {
    /// The offset of the first `byte` in `buffer[from..<to]`, or nil.
    @inlinable
    public static func first(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first occurrence of `needle` in `buffer[from..<to]`, or nil.
    /// memchr for the first byte, memcmp for the rest (glibc's memmem needs _GNU_SOURCE).
    public static func first(_ needle: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, needle.count > 0, let base = buffer.baseAddress, let needleBase = needle.baseAddress else { return nil }
        var start = from
        let lastStart = to - needle.count
        while start <= lastStart {
            guard let hit = first(needleBase[0], in: buffer, from: start, to: lastStart + 1) else { return nil }
            if memcmp(base + hit, needleBase, needle.count) == 0 { return hit }
            start = hit + 1
        }
        return nil
    }
}

/// Cuts a buffer into lines. In `.lf` mode a line ends at LF (a CR before it is not content),
/// which also reads CRLF; in `.cr` mode a line ends at CR, or CRLF.
struct LineCutter {
    let buffer: UnsafeBufferPointer<UInt8>
    let mode: LineEnding

    /// The line that starts at `start`: where its content ends and where the next line starts.
    /// A last line without a line break ends at `end`.
    @inline(__always)
    func line(from start: Int, end: Int) -> (contentEnd: Int, next: Int) {
        if mode == .cr {
            guard let cr = ByteScan.first(0x0D, in: buffer, from: start, to: end) else { return (end, end) }
            return (cr, cr + 1 < end && buffer[cr + 1] == 0x0A ? cr + 2 : cr + 1)
        }
        guard let lf = ByteScan.first(0x0A, in: buffer, from: start, to: end) else {
            return (end, end)
        }
        return (lf > start && buffer[lf - 1] == 0x0D ? lf - 1 : lf, lf + 1)
    }
}
