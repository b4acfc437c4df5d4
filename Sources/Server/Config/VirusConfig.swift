import VirusScan

/// `[virus]`: ClamAV, in process (libclamav) or through clamd.
public struct VirusConfig: Sendable, Equatable, ConfigSection {
    static let name = "virus"

    public var enabled: Bool
    public var backend: VirusBackend
    /// Where freshclam writes the signature databases.
    public var signatureDirectory: String
    /// Load swfilter's own test signatures (`clamav/` in the rules directory): EICAR and the
    /// clamav-testfiles payloads, so that a machine without freshclam still detects test viruses.
    public var projectSignatures: Bool
    /// More signature files or directories (.ndb, .hdb, .ldb, .cvd …), loaded after the directory.
    public var extraSignatures: [String]
    /// clamd addresses, tried in order: "unix:/run/clamav/clamd.ctl", "tcp:127.0.0.1:3310".
    public var clamdAddresses: [String]
    /// Seconds to wait for clamd to connect or answer.
    public var clamdTimeout: Int
    /// Seconds between checks of the signature directory for a newer database (0: never;
    /// `swfilter reload` and SIGHUP still reload).
    public var selfCheckInterval: Int
    /// `tempfail` (the default): a message that could not be scanned is refused with 451 so the
    /// sender retries; `pass`: it goes on as if clean. Applies to an engine that cannot load,
    /// clamd unreachable or timing out, and scan errors.
    public var onFailure: ScanFailureAction
    /// What a part past a scan limit gets: `reject` (treated as a virus named after the limit,
    /// "Heuristics.Limits.Exceeded.MaxFileSize"), `tempfail` (a scan failure), or `accept`.
    public var onLimit: VirusLimitAction
    /// Also scan the raw message whole, so that ClamAV's own mail parser runs as well.
    public var scanWholeMessage: Bool
    /// The root of the private directory (`<root>/swfilter-clamav-<uid>/<pid>`, mode 0700,
    /// emptied at start) where libclamav writes what it extracts; nil: /dev/shm when it is a
    /// writable tmpfs, else $TMPDIR or /tmp.
    public var temporaryDirectory: String?
    /// ClamAV engine limits, as clamd.conf names them.
    public var maxFileSize: Int
    public var maxScanSize: Int
    public var maxRecursion: Int
    public var maxFiles: Int
    /// Seconds one scan may take.
    public var maxScanTime: Int

    public static let defaultSignatureDirectory = ClamAVEngineSettings.defaultSignatureDirectory
    static let defaultTemporaryDirectoryText = "\(ClamAVTemporaryDirectory.sharedMemoryRoot) when it is a writable tmpfs, else $TMPDIR or /tmp"

    public init() {
        enabled = true
        backend = .libclamav
        signatureDirectory = Self.defaultSignatureDirectory
        projectSignatures = true
        extraSignatures = []
        clamdAddresses = ["unix:/run/clamav/clamd.ctl"]
        clamdTimeout = 30
        selfCheckInterval = 600
        onFailure = .tempfail
        onLimit = .reject
        scanWholeMessage = true
        temporaryDirectory = nil
        // The engine's own defaults (clamd's), so the two cannot drift apart.
        let limits = ClamAVScanLimits()
        maxFileSize = limits.maxFileSize
        maxScanSize = limits.maxScanSize
        maxRecursion = limits.maxRecursion
        maxFiles = limits.maxFiles
        maxScanTime = limits.maxScanTimeMilliseconds / 1000
    }

    init(reading table: ConfigTableReader) {
        self.init()
        if let value = table.bool("enabled") { enabled = value }
        if let value = table.choice("backend", as: VirusBackend.self) { backend = value }
        if let value = table.string("signature_dir") { signatureDirectory = value }
        if let value = table.bool("project_signatures") { projectSignatures = value }
        if let value = table.strings("extra_signatures") { extraSignatures = value }
        if let value = table.strings("clamd") {
            let bad = value.filter { !Self.isClamdAddress($0) }
            if bad.isEmpty {
                clamdAddresses = value
            } else {
                table.report("clamd", "expected addresses such as \"unix:/run/clamav/clamd.ctl\" or \"tcp:127.0.0.1:3310\", found \(bad.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
        }
        if let value = table.integer("clamd_timeout", minimum: 1) { clamdTimeout = value }
        if let value = table.integer("self_check_interval", minimum: 0) { selfCheckInterval = value }
        if let value = table.choice("on_failure", as: ScanFailureAction.self) { onFailure = value }
        if let value = table.choice("on_limit", as: VirusLimitAction.self) { onLimit = value }
        if let value = table.bool("scan_whole_message") { scanWholeMessage = value }
        if let value = table.string("temporary_dir") {
            if value.hasPrefix("/") {
                temporaryDirectory = value
            } else {
                table.report("temporary_dir", "must be an absolute path, found \"\(value)\"")
            }
        }
        if let value = table.size("max_file_size", minimum: 1) { maxFileSize = value }
        if let value = table.size("max_scan_size", minimum: 1) { maxScanSize = value }
        if let value = table.integer("max_recursion", minimum: 1) { maxRecursion = value }
        if let value = table.integer("max_files", minimum: 1) { maxFiles = value }
        if let value = table.integer("max_scan_time", minimum: 1) { maxScanTime = value }
    }

    func write(to writer: inout ConfigTOMLWriter) {
        writer.set("enabled", .bool(enabled))
        writer.set("backend", .string(backend.rawValue))
        writer.set("signature_dir", .string(signatureDirectory))
        writer.set("project_signatures", .bool(projectSignatures))
        writer.set("extra_signatures", .strings(extraSignatures))
        writer.set("clamd", .strings(clamdAddresses))
        writer.set("clamd_timeout", .integer(clamdTimeout))
        writer.set("self_check_interval", .integer(selfCheckInterval))
        writer.set("on_failure", .string(onFailure.rawValue))
        writer.set("on_limit", .string(onLimit.rawValue))
        writer.set("scan_whole_message", .bool(scanWholeMessage))
        if let temporaryDirectory {
            writer.set("temporary_dir", .string(temporaryDirectory))
        } else {
            writer.unset("temporary_dir", Self.defaultTemporaryDirectoryText)
        }
        writer.set("max_file_size", ByteSize.literal(maxFileSize))
        writer.set("max_scan_size", ByteSize.literal(maxScanSize))
        writer.set("max_recursion", .integer(maxRecursion))
        writer.set("max_files", .integer(maxFiles))
        writer.set("max_scan_time", .integer(maxScanTime))
    }

    /// "unix:/absolute/path" or "tcp:host:port" (an IPv6 host in brackets).
    static func isClamdAddress(_ text: String) -> Bool {
        if text.hasPrefix("unix:/") { return true }
        guard text.hasPrefix("tcp:"), let colon = text.lastIndex(of: ":"), colon > text.index(text.startIndex, offsetBy: 3) else { return false }
        let host = text[text.index(text.startIndex, offsetBy: 4)..<colon]
        guard let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else { return false }
        return !host.isEmpty
    }
}
