import Foundation
@testable import Server

/// Shared helpers for the configuration tests.
enum ConfigFixture {
    /// The problems loading `text` reports, or [] when it loads.
    static func problems(in text: String, file: String = "swfilter.toml") -> [ConfigProblem] {
        do {
            _ = try ConfigLoader.parse(text, file: file)
            return []
        } catch {
            return error.problems
        }
    }

    /// The problems as `config check` prints them, one string each.
    static func lines(in text: String) -> [String] {
        problems(in: text).map(\.description)
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swfilter-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func temporaryFile(_ contents: String, name: String = "swfilter.toml") throws -> URL {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }

    /// config/swfilter.toml of this repository.
    static var examplePath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/swfilter.toml").path
    }
}
