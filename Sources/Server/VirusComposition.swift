import Filter
import ScanModel
import VirusScan

/// Builds the virus analyzer the `[virus]` section asks for: libclamav in process (the
/// configured signature directory, the project's test signatures, extra files) or clamd.
enum VirusComposition {
    static func analyzer(for config: SwfilterConfig, log: @escaping @Sendable (String) -> Void) -> VirusAnalyzer? {
        let virus = config.virus
        guard virus.enabled else { return nil }
        let failure: AnalyzerFailure.Mode = virus.onFailure == .pass ? .failOpen : .failClosed
        let limit: VirusScanPolicy.LimitAction = switch virus.onLimit {
        case .reject: .virus
        case .tempfail: .failure
        case .accept: .accept
        }
        let policy = VirusScanPolicy(engineUnavailable: failure, scannerUnreachable: failure, scanError: failure,
                                     limitExceeded: limit, scanWholeMessage: virus.scanWholeMessage)
        switch virus.backend {
        case .libclamav:
            return VirusAnalyzer(scanner: ReloadingVirusScanner(settings: engineSettings(for: config), log: log), policy: policy)
        case .clamd:
            let scanner: any VirusScanner
            do {
                let addresses = try virus.clamdAddresses.map { (text: String) throws(VirusScanError) in try ClamdAddress(parsing: text) }
                let timeout = Duration.seconds(virus.clamdTimeout)
                scanner = try ClamdClient(addresses: addresses, options: ClamdClientOptions(connectTimeout: timeout, ioTimeout: timeout, replyTimeout: timeout))
            } catch {
                log("virus: clamd addresses unusable: \(error.message)")
                scanner = UnavailableVirusScanner(error: error)
            }
            return VirusAnalyzer(scanner: scanner, policy: policy)
        }
    }

    static func engineSettings(for config: SwfilterConfig) -> ClamAVEngineSettings {
        let virus = config.virus
        var extra: [String] = []
        if virus.projectSignatures, let rules = RulesDirectory.locate(configured: config.general.rulesDir) {
            extra.append(rules + "/clamav")
        }
        extra += virus.extraSignatures
        let limits = ClamAVScanLimits(maxFileSize: virus.maxFileSize, maxScanSize: virus.maxScanSize, maxRecursion: virus.maxRecursion,
                                      maxFiles: virus.maxFiles, maxScanTimeMilliseconds: virus.maxScanTime * 1000)
        return ClamAVEngineSettings(signatureDirectory: virus.signatureDirectory, extraSignatureFiles: extra, limits: limits,
                                    temporaryDirectory: virus.temporaryDirectory)
    }
}
