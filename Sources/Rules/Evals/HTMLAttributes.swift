/// A start tag's attributes in source order, lower-cased names, the first of a repeated name
/// kept (as HTML::Parser keeps them). Tags hold a handful: a list searched in order is cheaper
/// than hashing each name into a dictionary.
struct HTMLAttributes {
    private(set) var entries: [(name: String, value: [UInt8])] = []

    subscript(name: String) -> [UInt8]? {
        for entry in entries where entry.name == name { return entry.value }
        return nil
    }

    func contains(_ name: String) -> Bool {
        entries.contains { $0.name == name }
    }

    /// Adds `name` unless the tag named it already (`value` is then not worked out).
    mutating func addIfAbsent(_ name: String, _ value: () -> [UInt8]) {
        guard !contains(name) else { return }
        entries.append((name, value()))
    }
}
