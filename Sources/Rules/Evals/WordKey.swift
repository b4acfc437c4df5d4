/// A word's bytes as a dictionary key: equal as the bytes are, hashed over the raw bytes in one
/// call (an `[UInt8]` key feeds the hasher byte by byte). A slice of the text the word was cut
/// from, so counting words allocates nothing per word.
struct WordKey: Hashable {
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (left: WordKey, right: WordKey) -> Bool { left.bytes.elementsEqual(right.bytes) }
}
