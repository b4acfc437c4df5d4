#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TOMLKit

/// Where the commands get their configuration: the file named by `--config`, else the default
/// file if it exists, else the built-in defaults. Any problem fails the whole load, so swfilter
/// never starts half-configured.
public enum ConfigLoader {
    public static let defaultPath = "/etc/swfilter/swfilter.toml"

    public static func load(path: String?, stateDirOverride: String?) throws(ConfigError) -> SwfilterConfig {
        try load(path: path, stateDirOverride: stateDirOverride, defaultPath: defaultPath)
    }

    /// As `load(path:stateDirOverride:)`, with the default path chosen by the caller (tests).
    public static func load(path: String?, stateDirOverride: String?, defaultPath: String) throws(ConfigError) -> SwfilterConfig {
        var config = try loadFile(resolvedPath(path: path, defaultPath: defaultPath))
        if let stateDirOverride {
            config.general.stateDir = try absoluteStateDir(stateDirOverride)
        }
        return config
    }

    /// The file that will be read, or nil for the built-in defaults: an explicit path always
    /// (so a missing one is an error), the default path only when something is there.
    public static func resolvedPath(path: String?, defaultPath: String = defaultPath) -> String? {
        if let path { return path }
        return ConfigFileReader.exists(defaultPath) ? defaultPath : nil
    }

    /// Reads one file; nil means the built-in defaults.
    public static func loadFile(_ path: String?) throws(ConfigError) -> SwfilterConfig {
        guard let path else { return SwfilterConfig() }
        switch ConfigFileReader.read(path) {
        case .contents(let bytes):
            return try parse(bytes, file: path)
        case .missing:
            throw ConfigError(problems: [ConfigProblem(file: path, line: nil, key: "", message: "no such file")])
        case .failed(let reason):
            throw ConfigError(problems: [ConfigProblem(file: path, line: nil, key: "", message: "cannot read: \(reason)")])
        }
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> SwfilterConfig {
        try parse(Array(text.utf8), file: file)
    }

    public static func parse(_ bytes: [UInt8], file: String) throws(ConfigError) -> SwfilterConfig {
        if let problem = encodingProblem(bytes, file: file) {
            throw ConfigError(problems: [problem])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            throw ConfigError(problems: [ConfigProblem(
                file: file, line: position.line, key: "",
                message: "TOML syntax error at column \(position.column): \(error.description)")])
        } catch {
            throw ConfigError(problems: [ConfigProblem(file: file, line: nil, key: "", message: "TOML syntax error: \(error)")])
        }
        let problems = ConfigProblemCollector(file: file, locator: ConfigKeyLocator(text: text))
        let config = SwfilterConfig(reading: ConfigTableReader(table, path: [], problems: problems))
        let found = problems.finish()
        guard found.isEmpty else { throw ConfigError(problems: found) }
        return config
    }

    /// Invalid UTF-8 cannot be TOML, and a NUL byte would silently cut the text short where
    /// it is handed to the C++ parser.
    private static func encodingProblem(_ bytes: [UInt8], file: String) -> ConfigProblem? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0 {
                    return ConfigProblem(file: file, line: line(at: offset, in: bytes), key: "", message: "NUL byte in the file")
                }
                offset += encoded.count
            case .error:
                return ConfigProblem(file: file, line: line(at: offset, in: bytes), key: "", message: "not valid UTF-8 at byte offset \(offset)")
            case .emptyInput:
                return nil
            }
        }
    }

    private static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// `--state-dir` comes from a shell, so a relative path is taken from the current directory.
    private static func absoluteStateDir(_ path: String) throws(ConfigError) -> String {
        guard !path.isEmpty else {
            throw ConfigError(problems: [ConfigProblem(file: "--state-dir", line: nil, key: "general.state_dir", message: "must not be empty")])
        }
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
