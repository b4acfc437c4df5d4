import Glibc

/// What the signature sources look like on disk: every file's name, size and modification
/// time. Two fingerprints differ when freshclam (or an admin) has changed anything, which is
/// when `ReloadingVirusScanner` rebuilds its engine.
public struct SignatureFingerprint: Sendable, Hashable {
    struct Entry: Sendable, Hashable {
        let path: String
        let size: Int
        let modifiedSeconds: Int
        let modifiedNanoseconds: Int
    }

    let entries: [Entry]

    public init(settings: ClamAVEngineSettings) {
        var entries: [Entry] = []
        if let directory = settings.signatureDirectory {
            entries.append(Self.entry(directory))
            for name in SignatureFiles.entries(in: directory) ?? [] { entries.append(Self.entry(directory + "/" + name)) }
        }
        for file in settings.extraSignatureFiles { entries.append(Self.entry(file)) }
        self.entries = entries
    }

    private static func entry(_ path: String) -> Entry {
        var info = stat()
        guard stat(path, &info) == 0 else { return Entry(path: path, size: -1, modifiedSeconds: 0, modifiedNanoseconds: 0) }
        return Entry(path: path, size: Int(info.st_size), modifiedSeconds: Int(info.st_mtim.tv_sec),
                     modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
    }
}
