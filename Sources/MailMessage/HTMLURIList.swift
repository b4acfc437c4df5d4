/// URIs in order without repeats. Repeats are found by a 64-bit FNV-1a hash of each URI, looked
/// up linearly while the list is short and in a dictionary after that; equal hashes are
/// confirmed by comparing the strings.
struct HTMLURIList {
    /// Up to this many URIs the hashes are scanned rather than looked up.
    static let linearLimit = 16
    private(set) var uris: [String] = []
    private var hashes: [UInt64] = []
    private var firstIndex: [UInt64: Int] = [:]

    mutating func add(_ uri: String) {
        var uri = uri
        let hash = uri.withUTF8 { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
        if contains(uri, hash: hash) { return }
        if uris.count >= Self.linearLimit {
            if firstIndex.isEmpty {
                for (index, known) in hashes.enumerated() where firstIndex[known] == nil { firstIndex[known] = index }
            }
            if firstIndex[hash] == nil { firstIndex[hash] = uris.count }
        }
        uris.append(uri)
        hashes.append(hash)
    }

    private func contains(_ uri: String, hash: UInt64) -> Bool {
        if uris.count < Self.linearLimit || firstIndex.isEmpty {
            for index in hashes.indices where hashes[index] == hash && uris[index] == uri { return true }
            return false
        }
        guard let first = firstIndex[hash] else { return false }
        if uris[first] == uri { return true }
        // Two URIs with one hash: rare enough to look through them all.
        return uris.indices.contains { hashes[$0] == hash && uris[$0] == uri }
    }
}
