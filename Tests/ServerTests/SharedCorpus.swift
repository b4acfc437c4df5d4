import Foundation

/// The SpamAssassin public corpus in ../shared beside the checkout; tests that need it are
/// skipped when it is absent.
enum SharedCorpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../../shared/corpora/spamassassin").standardized

    static var isPresent: Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent("ham").path) }

    /// Every message file, sorted by name within ham then spam.
    static func files() -> [URL] {
        ["ham", "spam"].flatMap { folder -> [URL] in
            let directory = root.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            return names.sorted().map { directory.appendingPathComponent($0) }
        }
    }
}
