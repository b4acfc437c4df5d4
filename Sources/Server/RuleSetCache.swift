import Foundation
import Rules

/// Compiled rule sets by the paths they were loaded from and the size and modification time of
/// every file there, so that building another engine (a test, a reload with unchanged files)
/// does not parse and compile the same thousand rules again. Files reached by `include` alone
/// are not part of the key.
final class RuleSetCache: @unchecked Sendable {
    static let shared = RuleSetCache()

    private let lock = NSLock()
    private var entries: [[String]: (fingerprint: [String], rules: CompiledRuleSet)] = [:]

    func rules(for paths: [String], build: () -> CompiledRuleSet) -> CompiledRuleSet {
        let fingerprint = Self.fingerprint(of: paths)
        // Held while building, so that engines built at the same time share one build.
        return lock.withLock {
            if let entry = entries[paths], entry.fingerprint == fingerprint { return entry.rules }
            let rules = build()
            entries[paths] = (fingerprint, rules)
            return rules
        }
    }

    static func fingerprint(of paths: [String]) -> [String] {
        let manager = FileManager.default
        func describe(_ path: String) -> String {
            guard let attributes = try? manager.attributesOfItem(atPath: path) else { return "\(path) missing" }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path) \(size) \(modified)"
        }
        var result: [String] = []
        for path in paths {
            result.append(describe(path))
            if let names = try? manager.contentsOfDirectory(atPath: path) {
                for name in names.sorted() where name.hasSuffix(".cf") { result.append(describe(path + "/" + name)) }
            }
        }
        return result
    }
}
