/// A header field's value unfolded as bytes, as `HeaderField.unfolded` unfolds it (white space
/// and line breaks trimmed at both ends, CR and LF removed inside) but without making a string:
/// for ASCII values the bytes are exactly those of `unfolded`. With 8-bit bytes `unfolded` may
/// read them as Windows-1252 instead of UTF-8, so callers that care take the string then.
enum HeaderUnfolding {
    /// Writes the unfolded value into `result` (replacing what it held); true when all ASCII.
    @inline(__always)
    static func unfold(_ raw: ArraySlice<UInt8>, into result: inout [UInt8]) -> Bool {
        result.removeAll(keepingCapacity: true)
        return raw.withUnsafeBufferPointer { bytes in
            var start = 0, end = bytes.count
            while start < end, isFoldingSpace(bytes[start]) { start += 1 }
            while end > start, isFoldingSpace(bytes[end - 1]) { end -= 1 }
            var high: UInt8 = 0
            var segment = start
            for index in start..<end {
                let byte = bytes[index]
                high |= byte
                guard byte == 0x0D || byte == 0x0A else { continue }
                if index > segment { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<index])) }
                segment = index + 1
            }
            if end > segment { result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<end])) }
            return high < 0x80
        }
    }

    @inline(__always) static func isFoldingSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
