#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered reads and writes on a file descriptor, retrying on EINTR and short writes.
struct FileStream {
    let descriptor: Int32

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    struct IOError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    /// Reads until end of input or until `limit` bytes are held.
    func read(upTo limit: Int) throws(IOError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while result.count < limit {
            let wanted = min(chunk.count, limit - result.count)
            let got = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                throw IOError(code: errno)
            }
            if got == 0 { break }
            result += chunk[0..<got]
        }
        return result
    }

    func write(_ bytes: [UInt8]) throws(IOError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw IOError(code: errno)
            }
            offset += written
        }
    }

    /// Copies everything left on this stream to `sink`.
    func copy(to sink: FileStream) throws(IOError) {
        while true {
            let chunk = try read(upTo: 1 << 16)
            if chunk.isEmpty { return }
            try sink.write(chunk)
        }
    }

    func writeLine(_ text: String) {
        try? write(Array((text + "\n").utf8))
    }
}
