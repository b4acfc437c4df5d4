extension String {
    /// The string without leading and trailing ASCII whitespace.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !ByteClass.isSpace($0) }),
              let last = bytes.lastIndex(where: { !ByteClass.isSpace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
