#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress bar on standard error while `swfilter learn` reads, only when that is a
/// terminal: the share of the input bytes read, messages done and their rate. Redrawn at most
/// ten times a second; erased at the end so the summary stands alone.
struct LearnProgress {
    let stream: FileStream
    let enabled: Bool
    let totalBytes: Int
    private var lastDraw: Double = 0
    private let start: Double

    init(descriptor: Int32, totalBytes: Int, enabled: Bool) {
        stream = FileStream(descriptor)
        self.enabled = enabled && isatty(descriptor) == 1
        self.totalBytes = max(totalBytes, 1)
        start = Self.now()
    }

    mutating func update(bytes: Int, messages: Int) {
        guard enabled else { return }
        let now = Self.now()
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        let fraction = min(1, Double(bytes) / Double(totalBytes))
        let width = 30
        let filled = Int(fraction * Double(width))
        let rate = now > start ? Int(Double(messages) / (now - start)) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        try? stream.write(Array("\r[\(bar)] \(Int(fraction * 100))% \(messages) messages, \(rate) msg/s\u{1B}[K".utf8))
    }

    func finish() {
        guard enabled else { return }
        try? stream.write(Array("\r\u{1B}[K".utf8))
    }

    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// The bytes of regular files under the paths (following directories), for the bar's scale.
    static func inputBytes(_ paths: [String]) -> Int {
        var total = 0
        var pending = paths
        var visited = 0
        while let path = pending.popLast(), visited < 1_000_000 {
            visited += 1
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFREG {
                total += Int(info.st_size)
            } else if info.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) {
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                    if name.hasPrefix(".") { continue }
                    pending.append(path + "/" + name)
                }
                closedir(directory)
            }
        }
        return total
    }
}
