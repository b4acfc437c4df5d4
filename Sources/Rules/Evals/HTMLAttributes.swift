/// A start tag's attributes in source order, lower-cased names, the first of a repeated name
/// kept (as HTML::Parser keeps them). Tags hold a handful: a list searched in order is cheaper
/// than hashing each name into a dictionary. Values are entity-decoded, kept as slices of the
/// source when they hold no entity.
struct HTMLAttributes {
    struct Entry {
        let name: String
        /// The name when the scanner reads it, nil for others.
        let known: HTMLAttributeName?
        let value: ArraySlice<UInt8>
    }

    private(set) var entries: [Entry] = []

    subscript(name: String) -> [UInt8]? {
        for entry in entries where entry.name == name { return Array(entry.value) }
        return nil
    }

    subscript(name: HTMLAttributeName) -> ArraySlice<UInt8>? {
        for entry in entries where entry.known == name { return entry.value }
        return nil
    }

    func contains(_ name: String) -> Bool {
        entries.contains { $0.name == name }
    }

    /// Adds `name` unless the tag named it already (`value` is then not worked out).
    mutating func addIfAbsent(_ name: String, _ value: () -> [UInt8]) {
        guard !contains(name) else { return }
        entries.append(Entry(name: name, known: HTMLAttributeName(rawValue: name), value: value()[...]))
    }

    /// `addIfAbsent` for a name already recognised (`known`, nil for others).
    mutating func addIfAbsent(_ name: String, known: HTMLAttributeName?, _ value: () -> ArraySlice<UInt8>) {
        if let known {
            guard !entries.contains(where: { $0.known == known }) else { return }
        } else {
            guard !entries.contains(where: { $0.known == nil && $0.name == name }) else { return }
        }
        // most tags that have attributes have a few: one allocation instead of regrowing
        if entries.isEmpty { entries.reserveCapacity(4) }
        entries.append(Entry(name: name, known: known, value: value()))
    }
}
