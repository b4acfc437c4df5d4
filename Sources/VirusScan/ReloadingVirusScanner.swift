import CClamAV
import Foundation
import Synchronization

/// The in-process scanner a long-running swfilter uses: a `ClamAVEngine` that is rebuilt when
/// the signatures change (watched on disk, or on `reload()` for SIGHUP and `swfilter reload`).
/// A new engine is built beside the old one and swapped in atomically; scans in flight finish
/// on the engine they started with, which is freed when the last of them ends. A failed load
/// keeps the old engine and logs why. Every load logs its time and its memory cost.
public final class ReloadingVirusScanner: ExtractingVirusScanner {
    public typealias Log = @Sendable (String) -> Void

    private struct State: Sendable {
        var engine: ClamAVEngine?
        var loadError: VirusScanError?
        var settings: ClamAVEngineSettings
        var fingerprint: SignatureFingerprint
        var generation = 0
    }

    private let state: Mutex<State>
    /// Held while an engine is built, so reloads never overlap (a second waits, then builds
    /// from what is on disk by then).
    private let building = Mutex<Void>(())
    private let watcher = Mutex<SignatureWatcher?>(nil)
    private let log: Log

    /// Builds the first engine now, on the calling thread. If that fails the scanner still
    /// exists: scans answer `engineUnavailable` (the failure policy decides) until a reload
    /// succeeds.
    public init(settings: ClamAVEngineSettings, log: @escaping Log = { _ in }) {
        self.log = log
        state = Mutex(State(engine: nil, loadError: nil, settings: settings, fingerprint: SignatureFingerprint(settings: settings)))
        reload()
    }

    deinit {
        watcher.withLock { $0?.stop(wait: false) }
    }

    public var scannerName: String { currentEngine?.scannerName ?? "ClamAV \(ClamAVLibrary.version)" }
    /// The engine scans use now; nil when none has loaded.
    public var currentEngine: ClamAVEngine? { state.withLock { $0.engine } }
    /// Why there is no engine; nil when there is one.
    public var loadError: VirusScanError? { state.withLock { $0.loadError } }
    /// How many engines have been swapped in (1 after a good first load).
    public var generation: Int { state.withLock { $0.generation } }

    public func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult {
        let (engine, error) = state.withLock { ($0.engine, $0.loadError) }
        guard let engine else {
            return .error(VirusScanError(.engineUnavailable, "clamav engine unavailable: \(error?.message ?? "not loaded")"))
        }
        return engine.scan(bytes, filename: filename)
    }

    public func scan(_ bytes: UnsafeRawBufferPointer, filename: String?, candidates: [[UInt8]]) -> ExtractingScanResult {
        guard let engine = currentEngine else {
            return ExtractingScanResult(result: scan(bytes, filename: filename), extracted: candidates.map { _ in false })
        }
        return engine.scan(bytes, filename: filename, candidates: candidates)
    }

    /// Builds a new engine on the calling thread and swaps it in. With `settings`, they replace
    /// the current ones if (and only if) the load succeeds.
    @discardableResult
    public func reload(settings newSettings: ClamAVEngineSettings? = nil) -> Result<ClamAVEngine, VirusScanError> {
        building.withLock { _ in build(newSettings) }
    }

    /// `reload()` on a new thread; `completion` runs there when it is done.
    public func reloadInBackground(settings: ClamAVEngineSettings? = nil,
                                   completion: (@Sendable (Result<ClamAVEngine, VirusScanError>) -> Void)? = nil) {
        let thread = Thread { [self] in
            let result = reload(settings: settings)
            completion?(result)
        }
        thread.name = "swfilter-clamav-reload"
        thread.start()
    }

    /// Reloads when the signature files differ from those of the last load (attempt); returns
    /// whether it reloaded. A failed load is not retried until the files change again.
    @discardableResult
    public func reloadIfChanged() -> Bool {
        let (settings, known) = state.withLock { ($0.settings, $0.fingerprint) }
        guard SignatureFingerprint(settings: settings) != known else { return false }
        reload()
        return true
    }

    /// Checks the signature files every `interval` on a background thread.
    public func startWatching(every interval: Duration) {
        let replacement = SignatureWatcher(interval: interval) { [weak self] in
            guard let self else { return false }
            self.reloadIfChanged()
            return true
        }
        let previous = watcher.withLock { slot -> SignatureWatcher? in
            defer { slot = replacement }
            return slot
        }
        previous?.stop(wait: true)
    }

    public func stopWatching() {
        let current = watcher.withLock { slot -> SignatureWatcher? in
            defer { slot = nil }
            return slot
        }
        current?.stop(wait: true)
    }

    private func build(_ newSettings: ClamAVEngineSettings?) -> Result<ClamAVEngine, VirusScanError> {
        let settings = newSettings ?? state.withLock { $0.settings }
        // Taken before the load: a change while loading is seen by the next check.
        let fingerprint = SignatureFingerprint(settings: settings)
        let before = ProcessMemory.residentBytes()
        let engine: ClamAVEngine
        do {
            engine = try ClamAVEngine(settings: settings)
        } catch {
            let kept = state.withLock { current -> Bool in
                if newSettings == nil { current.fingerprint = fingerprint }
                if current.engine == nil { current.loadError = error }
                return current.engine != nil
            }
            log("clamav: signature load failed, \(kept ? "still scanning with the previous engine" : "no engine to scan with"): \(error)")
            return .failure(error)
        }
        let withBoth = ProcessMemory.residentBytes()
        var old = state.withLock { current -> ClamAVEngine? in
            defer {
                current.engine = engine
                current.loadError = nil
                current.settings = settings
                current.fingerprint = fingerprint
                current.generation += 1
            }
            return current.engine
        }
        let oldFreedNow = old.map { _ in isKnownUniquelyReferenced(&old) } ?? false
        old = nil
        if oldFreedNow { malloc_trim(0) }
        let after = ProcessMemory.residentBytes()
        log(Self.describeLoad(engine, replaced: oldFreedNow ? .freed : (withBoth == nil ? .none : .inUse), before: before, withBoth: withBoth, after: after))
        for warning in engine.warnings { log("clamav: warning: \(warning)") }
        return .success(engine)
    }

    private enum Replaced { case none, freed, inUse }

    private static func describeLoad(_ engine: ClamAVEngine, replaced: Replaced, before: Int?, withBoth: Int?, after: Int?) -> String {
        var text = "clamav: loaded \(engine.signatureCount) signatures in \(format(engine.loadDuration))"
        if let before, let withBoth, let after {
            text += "; resident memory \(ProcessMemory.format(before)) before, \(ProcessMemory.format(withBoth)) after loading"
            switch replaced {
            case .freed: text += ", \(ProcessMemory.format(after)) after freeing the old engine"
            case .inUse: text += " (the old engine is freed when its last scan ends)"
            case .none: break
            }
            text += " (\(ProcessMemory.format(after - before).hasPrefix("-") ? "" : "+")\(ProcessMemory.format(after - before)))"
        }
        return text
    }

    private static func format(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return "\(milliseconds / 1000).\(String(milliseconds % 1000 + 1000).dropFirst()) s"
    }
}
