/// Maps key paths to the line where they are written, because TOMLKit keeps no positions.
///
/// It scans the TOML text for table headers (`[a.b]`, `[[a]]`), key/value pairs with dotted and
/// quoted keys, and keys inside inline tables, skipping strings (multi-line ones too), arrays and
/// comments so that text inside them is never taken for a key. It is only used to point at lines
/// in error messages, so it is lenient: malformed text yields fewer locations, never a failure.
/// Elements of arrays of tables get an index component, `[0]`, `[1]`…
struct ConfigKeyLocator: Sendable {
    private let lines: [[String]: Int]

    init(text: String) {
        var scanner = ConfigKeyScanner(Array(text.utf8))
        scanner.scan()
        lines = scanner.lines
    }

    /// The line where this exact path is first written or first implied (a table header
    /// `[a.b]` implies `a`).
    func line(of path: [String]) -> Int? {
        lines[path]
    }

    /// The line of the path, or of its longest prefix that is written in the file: a problem
    /// about a key that is absent is shown at the table that should hold it.
    func nearestLine(of path: [String]) -> Int? {
        var prefix = path
        while !prefix.isEmpty {
            if let line = lines[prefix] { return line }
            prefix.removeLast()
        }
        return nil
    }
}
