import TOMLKit

/// Typed, checked access to one TOML table. Each getter returns nil when the key is absent or
/// its value is unusable (after reporting why), so sections simply keep their default then.
/// Every key asked for counts as known; the others are reported as unknown at the end.
final class ConfigTableReader {
    let path: [String]
    private let table: TOMLTable
    private let problems: ConfigProblemCollector
    private var knownKeys: [String] = []

    init(_ table: TOMLTable, path: [String], problems: ConfigProblemCollector) {
        self.table = table
        self.path = path
        self.problems = problems
        problems.register(self)
    }

    /// The keys asked for so far: after a section has read itself, all the keys it knows.
    var askedKeys: [String] { knownKeys }

    /// Keys present in the table that nobody asked for yet.
    var unaskedKeys: [String] { table.keys.filter { !knownKeys.contains($0) } }

    func value(_ key: String) -> (any TOMLValueConvertible)? {
        markKnown(key)
        return table[key]
    }

    func markKnown(_ key: String) {
        if !knownKeys.contains(key) { knownKeys.append(key) }
    }

    func report(_ key: String?, _ message: String) {
        problems.report(key.map { path + [$0] } ?? path, message)
    }

    func reportWrongType(_ key: String, expected: String, found value: any TOMLValueConvertible) {
        report(key, "expected \(expected), found \(Self.describe(value.type))")
    }

    // MARK: Typed getters

    func string(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.string else {
            reportWrongType(key, expected: "a string", found: value)
            return nil
        }
        return string
    }

    /// A list of strings; a single string is accepted as a list of one.
    func strings(_ key: String) -> [String]? {
        guard let value = value(key) else { return nil }
        if let single = value.string { return [single] }
        guard let array = value.array else {
            reportWrongType(key, expected: "a list of strings", found: value)
            return nil
        }
        var result: [String] = []
        for element in array {
            guard let string = element.string else {
                report(key, "every element must be a string, found \(Self.describe(element.type))")
                return nil
            }
            result.append(string)
        }
        return result
    }

    func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else {
            reportWrongType(key, expected: "a boolean (true or false)", found: value)
            return nil
        }
        return bool
    }

    /// An integer or a float, which must be finite.
    func number(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        return number(key, from: value, expected: "a number")
    }

    func number(_ key: String, from value: any TOMLValueConvertible, expected: String) -> Double? {
        if let int = value.int { return Double(int) }
        guard let double = value.double else {
            reportWrongType(key, expected: expected, found: value)
            return nil
        }
        guard double.isFinite else {
            report(key, "must be a finite number, not \(double)")
            return nil
        }
        return double
    }

    func integer(_ key: String, minimum: Int) -> Int? {
        guard let value = value(key) else { return nil }
        guard let int = value.int else {
            reportWrongType(key, expected: "an integer", found: value)
            return nil
        }
        return checked(key, int, minimum: minimum)
    }

    /// A byte count: an integer, or a string with a unit ("64k", "50 MiB").
    func size(_ key: String, minimum: Int) -> Int? {
        guard let value = value(key) else { return nil }
        if let int = value.int { return checked(key, int, minimum: minimum) }
        guard let text = value.string else {
            reportWrongType(key, expected: "a size (an integer, or a string such as \"50M\")", found: value)
            return nil
        }
        switch ByteSize.parse(text) {
        case .success(let bytes):
            return checked(key, bytes, minimum: minimum)
        case .failure(.negative):
            report(key, "must not be negative, found \"\(text)\"")
        case .failure(.tooLarge):
            report(key, "size \"\(text)\" is too large")
        case .failure(.malformed):
            report(key, "expected a size such as 1048576, \"64k\", \"50M\" or \"1 GiB\", found \"\(text)\"")
        }
        return nil
    }

    func choice<Choice: ConfigChoice>(_ key: String, as _: Choice.Type = Choice.self) -> Choice? {
        guard let text = string(key) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        var message = "unknown value \"\(text)\"; expected one of: \(Choice.spellings.joined(separator: ", "))"
        if let suggestion = KeySuggestion.closest(to: text, among: Choice.spellings) {
            message += " (did you mean \"\(suggestion)\"?)"
        }
        report(key, message)
        return nil
    }

    /// A sub-table, read by its own reader.
    func table(_ key: String) -> ConfigTableReader? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else {
            reportWrongType(key, expected: "a table", found: value)
            return nil
        }
        return ConfigTableReader(table, path: path + [key], problems: problems)
    }

    /// Every entry of a table whose keys are names chosen by the user (such as domains): all
    /// its keys count as known. Entries that are not tables are reported. In file order, so
    /// that of two entries that clash the later one is blamed.
    func namedTables() -> [(name: String, reader: ConfigTableReader)] {
        let ordered = table.keys.map { (line: problems.line(of: path + [$0]) ?? .max, name: $0) }.sorted { $0 < $1 }
        return ordered.compactMap { _, name in
            guard let value = value(name) else { return nil }
            guard let table = value.table else {
                reportWrongType(name, expected: "a table", found: value)
                return nil
            }
            return (name, ConfigTableReader(table, path: path + [name], problems: problems))
        }
    }

    func reportUnknownKeys() {
        for key in unaskedKeys.sorted() {
            var message = "unknown key"
            if let suggestion = KeySuggestion.closest(to: key, among: knownKeys) {
                message += "; did you mean \(ConfigKeyPath.quotedIfNeeded(suggestion))?"
            } else if !knownKeys.isEmpty {
                message += "; known keys here: \(knownKeys.joined(separator: ", "))"
            }
            report(key, message)
            markKnown(key)
        }
    }

    private func checked(_ key: String, _ value: Int, minimum: Int) -> Int? {
        if value < 0, minimum >= 0 {
            report(key, "must not be negative, found \(value)")
            return nil
        }
        guard value >= minimum else {
            report(key, "must be at least \(minimum), found \(value)")
            return nil
        }
        return value
    }

    static func describe(_ type: TOMLType) -> String {
        switch type {
        case .string: return "a string"
        case .int: return "an integer"
        case .double: return "a floating-point number"
        case .bool: return "a boolean"
        case .table: return "a table"
        case .array: return "an array"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }
}
