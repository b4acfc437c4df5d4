/// A fixed set of short ASCII names looked up by their bytes, lower-cased on the way, without
/// building a String or hashing one: each name (at most 16 bytes, no NUL) is packed into two
/// words, which a multiply-shift hash places in an open-addressed table.
struct HTMLNameTable: Sendable {
    private struct Key: Equatable, Sendable {
        var low: UInt64
        var high: UInt64
    }

    private static let slotCount = 512
    private var keys: [Key]
    private var indices: [Int16]

    /// `names` are lower-case; a name's index in it is what `index(of:)` returns.
    init(_ names: [String]) {
        keys = Array(repeating: Key(low: 0, high: 0), count: Self.slotCount)
        indices = Array(repeating: -1, count: Self.slotCount)
        for (index, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            guard let key = bytes.withUnsafeBufferPointer({ Self.key($0) }) else { continue }
            var slot = Self.slot(key)
            while indices[slot] >= 0 {
                if keys[slot] == key { break }
                slot = (slot + 1) & (Self.slotCount - 1)
            }
            if indices[slot] < 0 {
                keys[slot] = key
                indices[slot] = Int16(index)
            }
        }
    }

    /// The index of the name `bytes` spell (ASCII letters in any case), nil for any other bytes.
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let key = Self.key(bytes) else { return nil }
        var slot = Self.slot(key)
        while true {
            let found = indices[slot]
            if found < 0 { return nil }
            if keys[slot] == key { return Int(found) }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
    }

    func index(of bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { index(of: $0) }
    }

    func index(of name: String) -> Int? {
        index(of: Array(name.utf8)[...])
    }

    /// The lower-cased bytes packed little-end first; nil when empty, longer than 16 bytes, or
    /// holding a NUL or a non-ASCII byte (no name in a table does).
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard !bytes.isEmpty, bytes.count <= 16 else { return nil }
        var key = Key(low: 0, high: 0)
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte != 0, byte < 0x80 else { return nil }
            let lowered = UInt64(ASCII.lower(byte))
            if index < 8 {
                key.low |= lowered << UInt64(8 * index)
            } else {
                key.high |= lowered << UInt64(8 * (index - 8))
            }
        }
        return key
    }

    private static func slot(_ key: Key) -> Int {
        let mixed = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 55) & (slotCount - 1)
    }
}
