import Glibc

/// The process's resident memory, from /proc/self/statm (Linux), for logging what an engine
/// load costs. Nil where it cannot be read.
public enum ProcessMemory {
    public static func residentBytes() -> Int? {
        guard let file = fopen("/proc/self/statm", "r") else { return nil }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let read = fread(&buffer, 1, buffer.count - 1, file)
        // statm: size resident shared text lib data dt, in pages
        let fields = String(decoding: buffer.prefix(read), as: UTF8.self).split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Bytes as megabytes with one decimal: "123.4 MB", "-2.0 MB".
    public static func format(_ bytes: Int) -> String {
        let tenths = Int((Double(bytes) / 104_857.6).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10) MB"
    }
}
