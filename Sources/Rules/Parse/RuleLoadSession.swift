import Foundation

/// The state of one load: the files read, the include chain, the bytes read so far.
final class RuleLoadSession {
    private let limits: RuleLoadLimits
    private var filesRead = Set<String>()
    private var includeChain: [String] = []
    private var totalBytes = 0

    init(limits: RuleLoadLimits) {
        self.limits = limits
    }

    func loadPath(_ path: String, from location: SourceLocation?, into builder: inout RuleSetBuilder) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            Self.report(.error, path: path, at: location, "cannot read \(path): no such file or directory", into: &builder)
            return
        }
        if isDirectory.boolValue {
            for file in Self.ruleFiles(in: path) { loadFile(file, from: location, into: &builder) }
        } else {
            loadFile(path, from: location, into: &builder)
        }
    }

    /// `*.cf` regular files of a directory, sorted by name with the official update channel first.
    private static func ruleFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let official = "updates_spamassassin_org.cf"
        return names
            .filter { $0.lowercased().hasSuffix(".cf") && !$0.hasPrefix(".") }
            .sorted { left, right in
                if left == official || right == official { return left == official && right != official }
                return Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8))
            }
            .map { (directory as NSString).appendingPathComponent($0) }
            .filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
    }

    private func loadFile(_ path: String, from location: SourceLocation?, into builder: inout RuleSetBuilder) {
        let identity = Self.identity(of: path)
        if let position = includeChain.firstIndex(of: identity) {
            let loop = (includeChain[position...] + [identity]).joined(separator: " -> ")
            Self.report(.error, path: path, at: location, "include loop: \(loop); not read again", into: &builder)
            return
        }
        guard !filesRead.contains(identity) else {
            Self.report(.info, path: path, at: location, "\(path) was already read; not read again", into: &builder)
            return
        }
        guard includeChain.count <= limits.maxIncludeDepth else {
            Self.report(.error, path: path, at: location, "includes nested deeper than \(limits.maxIncludeDepth); \(path) not read", into: &builder)
            return
        }
        guard filesRead.count < limits.maxFiles else {
            Self.report(.error, path: path, at: location, "more than \(limits.maxFiles) rule files; \(path) not read", into: &builder)
            return
        }
        let bytes: [UInt8]
        switch Self.readFile(path, maxFileBytes: limits.maxFileBytes, budget: limits.maxTotalBytes - totalBytes) {
        case .success(let content): bytes = content
        case .failure(let reason):
            Self.report(.error, path: path, at: location, "cannot read \(path): \(reason.message)", into: &builder)
            return
        }
        filesRead.insert(identity)
        totalBytes += bytes.count
        includeChain.append(identity)
        parse(bytes, path: path, into: &builder)
        includeChain.removeLast()
    }

    func parse(_ bytes: [UInt8], path: String, into builder: inout RuleSetBuilder) {
        builder.files.append(path)
        var parser = RuleFileParser(path: path)
        parser.parse(bytes, into: &builder) { includePath, location, builder in
            self.loadPath(Self.resolve(includePath, relativeTo: location.file), from: location, into: &builder)
        }
    }

    /// `~/` is the home directory; a relative path is relative to the including file's directory.
    private static func resolve(_ path: String, relativeTo file: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return ((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(expanded)
    }

    private static func report(_ severity: RuleProblem.Severity, path: String, at location: SourceLocation?, _ message: String,
                               into builder: inout RuleSetBuilder) {
        if let location {
            builder.report(severity, at: location, message)
        } else {
            builder.problems.append(RuleProblem(severity, file: path, line: 0, message))
        }
    }

    private static func identity(of path: String) -> String {
        guard let resolved = realpath(path, nil) else { return (path as NSString).standardizingPath }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private struct ReadFailure: Error {
        let message: String
    }

    private static func readFile(_ path: String, maxFileBytes: Int, budget: Int) -> Result<[UInt8], ReadFailure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(ReadFailure(message: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(ReadFailure(message: String(cString: strerror(errno)))) }
        guard status.st_mode & S_IFMT == S_IFREG else { return .failure(ReadFailure(message: "not a regular file")) }
        let size = Int(status.st_size)
        guard size <= maxFileBytes else {
            return .failure(ReadFailure(message: "\(size) bytes is more than the file limit of \(maxFileBytes)"))
        }
        guard size <= budget else {
            return .failure(ReadFailure(message: "the files read so far and this one pass the total limit of rule bytes"))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        return .success(Array(bytes.prefix(filled)))
    }
}
