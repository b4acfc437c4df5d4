/// Rule name rules: SpamAssassin's `[_a-zA-Z][_a-zA-Z0-9]*`, at most 100 characters.
/// Names starting with `__` are sub-rules: they feed metas and never score or show in reports.
public enum RuleName {
    public static let maxLength = 100

    public static func isValid(_ name: some StringProtocol) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= maxLength, !ByteClass.isDigit(first) else { return false }
        return bytes.allSatisfy(ByteClass.isWord)
    }

    public static func isSubRule(_ name: some StringProtocol) -> Bool {
        name.hasPrefix("__")
    }
}
