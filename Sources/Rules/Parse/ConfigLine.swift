/// One meaningful line of a rule file: comments removed (`#` up to the end, unless written
/// `\#`, which becomes `#`), trimmed, split into a lower-case directive and its value.
struct ConfigLine {
    /// Lower-cased, `-` turned into `_`.
    let key: String
    let value: [UInt8]

    /// Nil for blank and comment lines, and for `lang xx …` lines (translations, not used).
    init?(_ raw: ArraySlice<UInt8>) {
        var bytes = raw
        if let hash = Self.commentStart(in: bytes) {
            bytes = bytes[..<hash]
        }
        while let first = bytes.first, ByteClass.isSpace(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, ByteClass.isSpace(last) { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return nil }
        let text = bytes.contains(UInt8(ascii: "#")) ? Self.unescapingHashes(bytes) : Array(bytes)

        var keyEnd = 0
        while keyEnd < text.count, !ByteClass.isSpace(text[keyEnd]) { keyEnd += 1 }
        var valueStart = keyEnd
        while valueStart < text.count, ByteClass.isSpace(text[valueStart]) { valueStart += 1 }
        var keyBytes = Array(text[..<keyEnd])
        for index in keyBytes.indices {
            if ByteClass.isUpperLetter(keyBytes[index]) { keyBytes[index] |= 0x20 }
            if keyBytes[index] == UInt8(ascii: "-") { keyBytes[index] = UInt8(ascii: "_") }
        }
        if keyBytes == Array("lang".utf8) { return nil }
        key = String(decoding: keyBytes, as: UTF8.self)
        value = Array(text[valueStart...])
    }

    var valueText: String { String(decoding: value, as: UTF8.self) }

    /// The first `#` not preceded by a backslash.
    private static func commentStart(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while let hash = bytes[index...].firstIndex(of: UInt8(ascii: "#")) {
            if hash == bytes.startIndex || bytes[hash - 1] != UInt8(ascii: "\\") { return hash }
            index = hash + 1
        }
        return nil
    }

    private static func unescapingHashes(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "#") {
                result.append(UInt8(ascii: "#"))
                index += 2
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
