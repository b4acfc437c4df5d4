/// Gathers problems while a file is read, locating each one, and remembers every table reader
/// so that unknown keys can be reported once all known keys have been asked for.
final class ConfigProblemCollector {
    let file: String
    private let locator: ConfigKeyLocator
    private var problems: [ConfigProblem] = []
    private var readers: [ConfigTableReader] = []

    init(file: String, locator: ConfigKeyLocator) {
        self.file = file
        self.locator = locator
    }

    func report(_ path: [String], _ message: String) {
        problems.append(ConfigProblem(
            file: file, line: locator.nearestLine(of: path), key: ConfigKeyPath.display(path), message: message))
    }

    func line(of path: [String]) -> Int? {
        locator.line(of: path)
    }

    func register(_ reader: ConfigTableReader) {
        readers.append(reader)
    }

    /// All problems in file order; problems without a line come first.
    func finish() -> [ConfigProblem] {
        for reader in readers { reader.reportUnknownKeys() }
        readers.removeAll()
        return problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }
}
