/// Writes `config show`: table headers and `key = value` lines, in the order given.
struct ConfigTOMLWriter {
    private(set) var text = ""

    mutating func comment(_ line: String) {
        text += line.isEmpty ? "#\n" : "# \(line)\n"
    }

    mutating func table(_ path: [String]) {
        if !text.isEmpty { text += "\n" }
        text += "[\(ConfigKeyPath.display(path))]\n"
    }

    mutating func set(_ key: String, _ value: TOMLLiteral) {
        text += "\(ConfigKeyPath.quotedIfNeeded(key)) = \(value.text)\n"
    }

    /// An optional setting that is not set: TOML has no null, so it is shown as a comment.
    mutating func unset(_ key: String, _ meaning: String) {
        text += "# \(ConfigKeyPath.quotedIfNeeded(key)) is not set: \(meaning)\n"
    }
}
