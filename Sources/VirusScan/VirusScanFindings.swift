/// The results of the scans of one message, gathered: viruses, limits reached and failures,
/// each once per name. Scanning stops after a failure that every further scan would repeat
/// (no engine, no clamd): one wait for a dead server per message is enough.
struct VirusScanFindings {
    struct Named {
        let name: String
        let target: VirusScanTarget
        /// For limits: whether the policy's limit action applies, or the limit is only noted.
        var enforced = true
    }

    struct Failure {
        let error: VirusScanError
        let target: VirusScanTarget
    }

    private(set) var viruses: [Named] = []
    private(set) var limits: [Named] = []
    private(set) var errors: [Failure] = []
    private(set) var stopped = false

    /// `enforceLimits` false: a limit reached is only noted (the whole-message scan, when every
    /// part was already scanned whole on its own).
    mutating func record(_ result: VirusScanResult, at target: VirusScanTarget, enforceLimits: Bool = true) {
        switch result {
        case .clean:
            break
        case .infected(let name):
            // The whole-message scan finds again what a part scan found: keep the part.
            guard !viruses.contains(where: { $0.name == name }) else { return }
            viruses.append(Named(name: name, target: target))
        case .limitExceeded(let name):
            guard !limits.contains(where: { $0.name == name }) else { return }
            limits.append(Named(name: name, target: target, enforced: enforceLimits))
        case .error(let error):
            if !errors.contains(where: { $0.error.kind == error.kind }) { errors.append(Failure(error: error, target: target)) }
            switch error.kind {
            case .engineUnavailable, .signatureLoad, .noSignatures, .invalidSetting, .unreachable, .timeout: stopped = true
            case .protocolError, .scanFailed: break
            }
        }
    }
}
