import CClamAV
import Synchronization

/// A compiled libclamav engine: the signatures loaded once, the limits set, shared read-only
/// by every scanning thread (libclamav's scan calls are thread-safe on a compiled engine).
/// Scans run from memory (`cl_fmap_open_memory`), never through temporary files of ours.
/// The engine is freed when the last reference goes, so a scan in flight keeps it alive.
public final class ClamAVEngine: ExtractingVirusScanner, @unchecked Sendable {
    // @unchecked: `engine` is written only in init; after cl_engine_compile libclamav treats
    // it as read-only and allows concurrent scans, which is all this class does with it.
    private let engine: OpaquePointer
    public let settings: ClamAVEngineSettings
    /// Signatures loaded from every source.
    public let signatureCount: Int
    /// Time to load and compile.
    public let loadDuration: Duration
    /// Problems that did not stop the load (an empty signature directory beside extra files).
    public let warnings: [String]
    public let scannerName: String
    /// The private directory libclamav writes extracted files to (see `ClamAVTemporaryDirectory`).
    public let temporaryDirectory: String

    private static let builds = Atomic<Int>(0)
    private static let live = Atomic<Int>(0)
    /// Engines built by this process so far (a test sees that a second scan loads nothing).
    public static var buildCount: Int { builds.load(ordering: .relaxed) }
    /// Engines not yet freed (a test sees that a replaced engine goes away).
    public static var liveCount: Int { live.load(ordering: .relaxed) }

    public init(settings: ClamAVEngineSettings) throws(VirusScanError) {
        let start = ContinuousClock.now
        do {
            try ClamAVLibrary.initialise()
        } catch {
            throw VirusScanError(.engineUnavailable, "libclamav could not be initialised: \(error)")
        }
        if let problem = settings.limits.problem { throw VirusScanError(.invalidSetting, "clamav: \(problem)") }
        guard let engine = cl_engine_new() else { throw VirusScanError(.engineUnavailable, "clamav: cl_engine_new failed (out of memory)") }
        var built = false
        defer { if !built { cl_engine_free(engine) } }

        let temporaryDirectory = try ClamAVTemporaryDirectory.directory(root: settings.temporaryDirectory)
        try Self.apply(settings, temporaryDirectory: temporaryDirectory, to: engine)
        cl_engine_set_clcb_virus_found(engine, ClamAVScanContext.virusFound)
        cl_engine_set_clcb_file_inspection(engine, ClamAVScanContext.fileInspection)
        var signatures: UInt32 = 0
        var warnings: [String] = []
        var sources: [String] = []
        if let directory = settings.signatureDirectory {
            if !SignatureFiles.isDirectory(directory) {
                warnings.append("signature directory \(directory) does not exist")
            } else if SignatureFiles.databaseNames(in: directory)?.isEmpty != false {
                warnings.append("signature directory \(directory) holds no signature databases (has freshclam run?)")
            } else {
                sources.append(directory)
            }
        }
        sources += settings.extraSignatureFiles
        // CL_DB_STDOPT, spelt out: Swift does not import composite macros.
        let standard = UInt32(CL_DB_PHISHING) | UInt32(CL_DB_PHISHING_URLS) | UInt32(CL_DB_BYTECODE)
        let options = standard | (settings.detectPUA ? UInt32(CL_DB_PUA) : 0)
        for source in sources {
            let (code, messages) = ClamAVMessageLog.capturing { cl_load(source, engine, &signatures, options) }
            guard code == CL_SUCCESS else {
                throw VirusScanError(.signatureLoad, "clamav: cannot load signatures from \(source): \(Self.describe(code, messages))")
            }
        }
        guard signatures > 0 else {
            let tried = ([settings.signatureDirectory].compactMap { $0 } + settings.extraSignatureFiles).joined(separator: ", ")
            let why = warnings.isEmpty ? "" : " (\(warnings.joined(separator: "; ")))"
            throw VirusScanError(.noSignatures, "clamav: no signatures loaded from \(tried.isEmpty ? "no source" : tried)\(why)")
        }
        let (compiled, messages) = ClamAVMessageLog.capturing { cl_engine_compile(engine) }
        guard compiled == CL_SUCCESS else {
            throw VirusScanError(.signatureLoad, "clamav: cannot compile the signatures: \(Self.describe(compiled, messages))")
        }

        built = true
        self.engine = engine
        self.settings = settings
        self.temporaryDirectory = temporaryDirectory
        self.signatureCount = Int(signatures)
        self.warnings = warnings
        self.loadDuration = ContinuousClock.now - start
        self.scannerName = "ClamAV \(ClamAVLibrary.version)"
        Self.builds.add(1, ordering: .relaxed)
        Self.live.add(1, ordering: .relaxed)
    }

    deinit {
        cl_engine_free(engine)
        Self.live.subtract(1, ordering: .relaxed)
    }

    public func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult {
        scan(bytes, filename: filename, candidates: []).result
    }

    public func scan(_ bytes: UnsafeRawBufferPointer, filename: String?, candidates: [[UInt8]]) -> ExtractingScanResult {
        let none = [Bool](repeating: false, count: candidates.count)
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return ExtractingScanResult(result: .clean, extracted: none) }
        guard let map = cl_fmap_open_memory(base, bytes.count) else {
            return ExtractingScanResult(result: .error(VirusScanError(.scanFailed, "clamav: cannot map \(bytes.count) bytes for scanning")), extracted: none)
        }
        defer { cl_fmap_close(map) }
        var options = scanOptions
        var virusName: UnsafePointer<CChar>?
        var scanned: UInt = 0
        // Without limit alerts a limit reached passes as clean, so nothing counts as scanned.
        let context = ClamAVScanContext(maxFileSize: settings.limits.maxFileSize, alertExceedsMax: settings.alertExceedsMax, candidates: settings.alertExceedsMax ? candidates : [])
        let (code, messages) = ClamAVMessageLog.capturing {
            withExtendedLifetime(context) {
                cl_scanmap_callback(map, nil, &virusName, &scanned, engine, &options, Unmanaged.passUnretained(context).toOpaque())
            }
        }
        let result = Self.result(of: code, virusName: virusName, context: context, settings: settings, messages: messages, filename: filename)
        guard result == .clean, settings.alertExceedsMax, !candidates.isEmpty else { return ExtractingScanResult(result: result, extracted: none) }
        return ExtractingScanResult(result: result, extracted: context.extracted)
    }

    private static func result(of code: cl_error_t, virusName: UnsafePointer<CChar>?, context: ClamAVScanContext,
                               settings: ClamAVEngineSettings, messages: [String], filename: String?) -> VirusScanResult {
        switch code {
        case CL_CLEAN:
            if context.extractedFileCut && settings.alertExceedsMax {
                return .limitExceeded(name: VirusScanResult.limitAlertPrefix + ".MaxFileSize")
            }
            return .clean
        case CL_VIRUS:
            if context.extractedFileCut && settings.alertExceedsMax {
                return .limitExceeded(name: VirusScanResult.limitAlertPrefix + ".MaxFileSize")
            }
            return .detection(virusName.map { String(cString: $0) } ?? context.detectedName ?? "Unnamed.Virus")
        case CL_ETIMEOUT:
            return .limitExceeded(name: VirusScanResult.limitAlertPrefix + ".MaxScanTime")
        case CL_EMAXREC:
            return .limitExceeded(name: VirusScanResult.limitAlertPrefix + ".MaxRecursion")
        case CL_EMAXSIZE:
            return .limitExceeded(name: VirusScanResult.limitAlertPrefix + ".MaxScanSize")
        case CL_EMAXFILES:
            return .limitExceeded(name: VirusScanResult.limitAlertPrefix + ".MaxFiles")
        default:
            let what = filename.map { " of \($0)" } ?? ""
            return .error(VirusScanError(.scanFailed, "clamav: scan\(what) failed: \(describe(code, messages))"))
        }
    }

    private var scanOptions: cl_scan_options {
        var general: UInt32 = 0
        var heuristic: UInt32 = 0
        if settings.heuristicAlerts || settings.alertExceedsMax { general |= UInt32(CL_SCAN_GENERAL_HEURISTICS) }
        if settings.alertExceedsMax { heuristic |= UInt32(CL_SCAN_HEURISTIC_EXCEEDS_MAX) }
        if settings.alertEncrypted {
            heuristic |= UInt32(CL_SCAN_HEURISTIC_ENCRYPTED_ARCHIVE) | UInt32(CL_SCAN_HEURISTIC_ENCRYPTED_DOC)
        }
        if settings.alertBrokenExecutables { heuristic |= UInt32(CL_SCAN_HEURISTIC_BROKEN) }
        if settings.alertMacros { heuristic |= UInt32(CL_SCAN_HEURISTIC_MACROS) }
        // Every parser on, as clamscan and clamd have it: mail, archives, documents, executables.
        return cl_scan_options(general: general, parse: ~UInt32(0), heuristic: heuristic, mail: 0, dev: 0)
    }

    private static func apply(_ settings: ClamAVEngineSettings, temporaryDirectory: String, to engine: OpaquePointer) throws(VirusScanError) {
        let limits = settings.limits
        let numbers: [(cl_engine_field, Int, String)] = [
            (CL_ENGINE_MAX_FILESIZE, limits.maxFileSize, "max file size"),
            (CL_ENGINE_MAX_SCANSIZE, limits.maxScanSize, "max scan size"),
            (CL_ENGINE_MAX_RECURSION, limits.maxRecursion, "max recursion"),
            (CL_ENGINE_MAX_FILES, limits.maxFiles, "max files"),
            (CL_ENGINE_MAX_SCANTIME, limits.maxScanTimeMilliseconds, "max scan time"),
            (CL_ENGINE_DISABLE_CACHE, settings.cacheEnabled ? 0 : 1, "cache"),
        ]
        for (field, value, name) in numbers {
            let code = cl_engine_set_num(engine, field, Int64(value))
            guard code == CL_SUCCESS else { throw VirusScanError(.invalidSetting, "clamav: cannot set \(name) to \(value): \(describe(code, []))") }
        }
        let code = cl_engine_set_str(engine, CL_ENGINE_TMPDIR, temporaryDirectory)
        guard code == CL_SUCCESS else { throw VirusScanError(.invalidSetting, "clamav: cannot use \(temporaryDirectory) for temporary files: \(describe(code, []))") }
    }

    private static func describe(_ code: cl_error_t, _ messages: [String]) -> String {
        let text = String(cString: cl_strerror(code))
        return messages.isEmpty ? text : "\(text) (libclamav: \(messages.joined(separator: "; ")))"
    }
}
