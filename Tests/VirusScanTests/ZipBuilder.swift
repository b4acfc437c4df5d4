/// Builds small zip and gzip archives in memory for the bad-input tests: nested archives and
/// compression bombs. Only what the tests need: stored entries, and deflate streams of zeros.
enum ZipBuilder {
    struct Entry {
        var name: String
        var method: UInt16 = 0  // 0 stored, 8 deflated
        var data: [UInt8]
        var crc: UInt32
        var uncompressedSize: Int
    }

    static func stored(_ name: String, _ data: [UInt8]) -> Entry {
        Entry(name: name, data: data, crc: crc32(data), uncompressedSize: data.count)
    }

    /// A zip holding `entries`, with a central directory.
    static func zip(_ entries: [Entry]) -> [UInt8] {
        var out: [UInt8] = [], central: [UInt8] = []
        for entry in entries {
            let offset = out.count
            let name = Array(entry.name.utf8)
            out += le32(0x0403_4b50) + le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0x21)
            out += le32(entry.crc) + le32(UInt32(entry.data.count)) + le32(UInt32(truncatingIfNeeded: entry.uncompressedSize))
            out += le16(UInt16(name.count)) + le16(0) + name + entry.data
            central += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(entry.method) + le16(0) + le16(0x21)
            central += le32(entry.crc) + le32(UInt32(entry.data.count)) + le32(UInt32(truncatingIfNeeded: entry.uncompressedSize))
            central += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + name
        }
        let centralOffset = out.count
        out += central
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(entries.count)) + le16(UInt16(entries.count))
        out += le32(UInt32(central.count)) + le32(UInt32(centralOffset)) + le16(0)
        return out
    }

    /// An entry compressed with fixed-Huffman literals: its bytes do not appear as they are in
    /// the archive, so only a scanner that inflates it can see them.
    static func deflated(_ name: String, _ data: [UInt8]) -> Entry {
        Entry(name: name, method: 8, data: deflatedLiterals(data), crc: crc32(data), uncompressedSize: data.count)
    }

    /// `payload` (deflated) inside `depth` zips, each holding the one below.
    static func nested(_ payload: [UInt8], name: String, depth: Int) -> [UInt8] {
        var current = zip([deflated(name, payload)])
        for level in 1..<max(1, depth) { current = zip([stored("level\(level).zip", current)]) }
        return current
    }

    /// A zip bomb: one deflated entry of `pairs * 258 + 1` zero bytes (CRC left 0: scanners
    /// stop at their limits long before they could check it).
    static func zeroBomb(pairs: Int) -> [UInt8] {
        zip([Entry(name: "zeros.bin", method: 8, data: deflatedZeros(pairs: pairs), crc: 0, uncompressedSize: pairs * 258 + 1)])
    }

    /// A gzip file of `pairs * 258 + 1` zero bytes: no size to check up front.
    static func gzipZeroBomb(pairs: Int) -> [UInt8] {
        [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3] + deflatedZeros(pairs: pairs) + le32(0) + le32(UInt32(truncatingIfNeeded: pairs * 258 + 1))
    }

    /// One fixed-Huffman deflate block: a literal zero, then `pairs` copies of (length 258,
    /// distance 1): 13 bits for every 258 zero bytes.
    static func deflatedZeros(pairs: Int) -> [UInt8] {
        var writer = BitWriter()
        writer.bits(1, count: 1)  // final block
        writer.bits(1, count: 2)  // fixed Huffman codes
        writer.huffman(0x30, count: 8)  // literal 0
        for _ in 0..<pairs {
            writer.huffman(0xC5, count: 8)  // length code 285: 258
            writer.huffman(0, count: 5)  // distance code 0: 1
        }
        writer.huffman(0, count: 7)  // end of block
        return writer.finish()
    }

    /// One fixed-Huffman block of literals only.
    static func deflatedLiterals(_ data: [UInt8]) -> [UInt8] {
        var writer = BitWriter()
        writer.bits(1, count: 1)
        writer.bits(1, count: 2)
        for byte in data {
            if byte < 144 {
                writer.huffman(0x30 + UInt32(byte), count: 8)
            } else {
                writer.huffman(0x190 + UInt32(byte) - 144, count: 9)
            }
        }
        writer.huffman(0, count: 7)
        return writer.finish()
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    private static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xff), UInt8(value >> 8)] }
    private static func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xff) } }

    private struct BitWriter {
        var bytes: [UInt8] = []
        var current: UInt32 = 0
        var used = 0

        /// Plain values go least significant bit first.
        mutating func bits(_ value: UInt32, count: Int) {
            for index in 0..<count { push((value >> index) & 1) }
        }

        /// Huffman codes go most significant bit first.
        mutating func huffman(_ code: UInt32, count: Int) {
            for index in stride(from: count - 1, through: 0, by: -1) { push((code >> index) & 1) }
        }

        private mutating func push(_ bit: UInt32) {
            current |= bit << used
            used += 1
            if used == 8 {
                bytes.append(UInt8(current))
                current = 0
                used = 0
            }
        }

        mutating func finish() -> [UInt8] {
            if used > 0 { bytes.append(UInt8(current)) }
            return bytes
        }
    }
}
