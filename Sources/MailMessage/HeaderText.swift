/// Byte-level helpers for header text.
enum HeaderText {
    @inline(__always)
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        // Native and small strings lend their bytes; only bridged ones take the slow path.
        let compared = x.withContiguousStorageIfAvailable { left in
            y.withContiguousStorageIfAvailable { right in equalsIgnoringCase(left, right) }
        }
        if let compared, let compared { return compared }
        return zip(x, y).allSatisfy { lowerASCII($0) == lowerASCII($1) }
    }

    /// Whether two buffers of the same length hold the same bytes, ignoring ASCII case.
    @inline(__always)
    static func equalsIgnoringCase(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        for index in 0..<left.count where lowerASCII(left[index]) != lowerASCII(right[index]) { return false }
        return true
    }

    @inline(__always) static func lowerASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// Removes CR and LF (folding keeps the white space after them) and trims white space.
    static func unfold(_ bytes: ArraySlice<UInt8>) -> String {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, isFoldingSpace(bytes[start]) { start += 1 }
        while end > start, isFoldingSpace(bytes[end - 1]) { end -= 1 }
        let trimmed = bytes[start..<end]
        if !trimmed.contains(where: { $0 == 0x0D || $0 == 0x0A }) { return string(trimmed) }
        return string(trimmed.filter { $0 != 0x0D && $0 != 0x0A }[...])
    }

    @inline(__always) static func isFoldingSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Bytes as text: UTF-8 where valid, otherwise Windows-1252 byte by byte, so no byte is lost
    /// to a replacement character in header text.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            if CharsetConverter.firstNonASCII(in: buffer) == nil { return String(decoding: buffer, as: UTF8.self) }
            if let valid = String(validating: buffer, as: UTF8.self) { return valid }
            return Windows1252.decode(buffer)
        }
    }
}
