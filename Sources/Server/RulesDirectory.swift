import Foundation

/// Where swfilter's own rules (`rules/`) live: the configured path, the installed one, or the
/// `rules/` folder of the source tree that holds the running binary (`.build/…/swfilter`), so
/// that a binary run from a checkout finds the rules beside it.
public enum RulesDirectory {
    public static let installed = "/usr/share/swfilter/rules"

    public static func locate(configured: String?, executable: String = currentExecutable) -> String? {
        if let configured { return configured }
        if isDirectory(installed) { return installed }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("rules")
            if isDirectory(candidate.path), FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return candidate.path
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
