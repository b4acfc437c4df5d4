/// The engine's scan limits, with clamd's defaults (clamd.conf(5), ClamAV 1.4). A limit that
/// is reached stops that piece of work; with `alertExceedsMax` it is reported as a
/// "Heuristics.Limits.Exceeded.*" result instead of passing silently.
public struct ClamAVScanLimits: Sendable, Hashable {
    /// Bytes of one file (a part, or a file inside an archive) that are scanned at all.
    public var maxFileSize: Int
    /// Bytes scanned per scan call over everything extracted (archives, embedded files).
    public var maxScanSize: Int
    /// Nesting of archives and containers.
    public var maxRecursion: Int
    /// Files extracted from one scanned object.
    public var maxFiles: Int
    /// Milliseconds one scan call may take.
    public var maxScanTimeMilliseconds: Int

    public init(
        maxFileSize: Int = 100 << 20,
        maxScanSize: Int = 400 << 20,
        maxRecursion: Int = 17,
        maxFiles: Int = 10_000,
        maxScanTimeMilliseconds: Int = 120_000
    ) {
        self.maxFileSize = maxFileSize
        self.maxScanSize = maxScanSize
        self.maxRecursion = maxRecursion
        self.maxFiles = maxFiles
        self.maxScanTimeMilliseconds = maxScanTimeMilliseconds
    }

    /// libclamav refuses a recursion limit above 100 and handles no single file of 2 GiB or more.
    public static let maxRecursionAllowed = 100
    public static let maxFileSizeAllowed = Int(Int32.max)

    /// The first setting out of range, described; nil when all are usable.
    public var problem: String? {
        if maxFileSize <= 0 || maxFileSize > Self.maxFileSizeAllowed { return "max file size \(maxFileSize) is not in 1…\(Self.maxFileSizeAllowed)" }
        if maxScanSize <= 0 { return "max scan size \(maxScanSize) must be positive" }
        if maxRecursion <= 0 || maxRecursion > Self.maxRecursionAllowed { return "max recursion \(maxRecursion) is not in 1…\(Self.maxRecursionAllowed)" }
        if maxFiles <= 0 || maxFiles > Int(UInt32.max) { return "max files \(maxFiles) is out of range" }
        if maxScanTimeMilliseconds <= 0 || maxScanTimeMilliseconds > Int(UInt32.max) { return "max scan time \(maxScanTimeMilliseconds) ms is out of range" }
        return nil
    }
}
