/// How to build a `ClamAVEngine`: where the signatures are, the scan limits, and which
/// heuristic alerts are on. Defaults follow clamd's, except that limit alerts are on so that
/// what could not be scanned is reported rather than passed.
public struct ClamAVEngineSettings: Sendable, Hashable {
    /// Where freshclam writes the official databases on Debian.
    public static let defaultSignatureDirectory = "/var/lib/clamav"

    /// A database directory (every signature file in it is loaded); nil for none. An empty or
    /// missing directory is a warning when other sources load signatures, an error otherwise.
    public var signatureDirectory: String?
    /// Further signature files (or directories) loaded after the directory, such as the
    /// project's rules/clamav test signatures.
    public var extraSignatureFiles: [String]
    public var limits: ClamAVScanLimits
    /// Report limits reached as "Heuristics.Limits.Exceeded.*" (clamd's AlertExceedsMax).
    public var alertExceedsMax: Bool
    /// Heuristic detections in general (clamd's HeuristicAlerts); limit alerts need it.
    public var heuristicAlerts: Bool
    /// Alert on encrypted archives and documents (clamd's AlertEncrypted).
    public var alertEncrypted: Bool
    /// Alert on broken executables (clamd's AlertBrokenExecutables).
    public var alertBrokenExecutables: Bool
    /// Alert on OLE2 documents with macros (clamd's AlertOLE2Macros).
    public var alertMacros: Bool
    /// Load "potentially unwanted application" signatures (clamd's DetectPUA).
    public var detectPUA: Bool
    /// libclamav's cache of clean-file hashes. Turn off only to measure raw scan speed.
    public var cacheEnabled: Bool
    /// The root under which the engine's private temporary directory is made
    /// (`ClamAVTemporaryDirectory`); nil: /dev/shm when it is a writable tmpfs, else $TMPDIR or /tmp.
    public var temporaryDirectory: String?

    public init(
        signatureDirectory: String? = ClamAVEngineSettings.defaultSignatureDirectory,
        extraSignatureFiles: [String] = [],
        limits: ClamAVScanLimits = ClamAVScanLimits(),
        alertExceedsMax: Bool = true,
        heuristicAlerts: Bool = true,
        alertEncrypted: Bool = false,
        alertBrokenExecutables: Bool = false,
        alertMacros: Bool = false,
        detectPUA: Bool = false,
        cacheEnabled: Bool = true,
        temporaryDirectory: String? = nil
    ) {
        self.signatureDirectory = signatureDirectory
        self.extraSignatureFiles = extraSignatureFiles
        self.limits = limits
        self.alertExceedsMax = alertExceedsMax
        self.heuristicAlerts = heuristicAlerts
        self.alertEncrypted = alertEncrypted
        self.alertBrokenExecutables = alertBrokenExecutables
        self.alertMacros = alertMacros
        self.detectPUA = detectPUA
        self.cacheEnabled = cacheEnabled
        self.temporaryDirectory = temporaryDirectory
    }
}
