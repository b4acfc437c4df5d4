/// Bytes as `String(decoding:as: UTF8.self)` would leave them: unchanged when they are valid
/// UTF-8 (nearly always), else with each invalid sequence replaced by U+FFFD. Lets the body
/// views stay bytes where they went through a String before.
enum UTF8Repair {
    static func repaired(_ bytes: [UInt8]) -> [UInt8] {
        if isASCII(bytes) || String(validating: bytes, as: UTF8.self) != nil { return bytes }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// No byte above 0x7F, tested eight bytes at a time.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isASCII($0) }
    }

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isASCII(UnsafeRawBufferPointer(bytes))
    }

    static func isASCII(_ raw: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= raw.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            high |= UInt64(raw[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}
