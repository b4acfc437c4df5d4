#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Conversion to UTF-8 by the C library's iconv, for every charset it knows. A conversion
/// descriptor holds shift state and must not be shared between threads, so each call opens its own
/// (glibc caches the loaded tables, so opening is cheap).
enum Iconv {
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Whether iconv can read `charset`.
    static func knows(_ charset: String) -> Bool {
        guard let descriptor = open(charset) else { return false }
        iconv_close(descriptor)
        return true
    }

    /// The bytes read as `charset`; nil when iconv does not know it. A byte that cannot be read
    /// becomes U+FFFD and reading goes on after it, so no text after a bad byte is lost.
    /// `substitutes` gives the UTF-8 for single bytes that iconv rejects but senders use anyway.
    static func decode(
        _ input: UnsafeBufferPointer<UInt8>, from charset: String, substitutes: [UInt8: [UInt8]] = [:]
    ) -> (text: String, hadInvalidBytes: Bool)? {
        guard let descriptor = open(charset) else { return nil }
        defer { iconv_close(descriptor) }
        guard let inputBase = input.baseAddress, input.count > 0 else { return ("", false) }

        var output = OutputBuffer(capacity: input.count * 2 + 64)
        defer { output.storage.deallocate() }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inputBase).assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var hadInvalidBytes = false
        // Output never needs more than 4 UTF-8 bytes per input byte plus a flush; anything beyond
        // that would be a misbehaving converter.
        let growthLimit = input.count * 8 + 4096

        while inLeft > 0 {
            let result = output.convert { out, outLeft in iconv(descriptor, &inPointer, &inLeft, &out, &outLeft) }
            if result != -1 { break }
            if errno == E2BIG, output.capacity < growthLimit {
                output.grow()
                continue
            }
            // EILSEQ (invalid), EINVAL (incomplete at the end) or anything else: skip one byte.
            let skipped = UInt8(bitPattern: inPointer?.pointee ?? 0)
            if let substitute = substitutes[skipped] {
                output.append(substitute)
            } else {
                hadInvalidBytes = true
                output.append(replacement)
            }
            inPointer = inPointer.map { $0 + 1 }
            inLeft -= 1
        }
        // Return to the initial shift state; stateful charsets may write a last character here.
        while output.convert({ out, outLeft in iconv(descriptor, nil, nil, &out, &outLeft) }) == -1 {
            guard errno == E2BIG, output.capacity < growthLimit else { break }
            output.grow()
        }
        return (String(decoding: UnsafeBufferPointer(start: output.storage, count: output.count), as: UTF8.self), hadInvalidBytes)
    }

    private static func open(_ charset: String) -> iconv_t? {
        guard let descriptor = iconv_open("UTF-8", charset), Int(bitPattern: descriptor) != -1 else { return nil }
        return descriptor
    }

    /// A growable byte buffer that iconv writes into.
    private struct OutputBuffer {
        var storage: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            storage = .allocate(capacity: capacity)
        }

        /// Runs one iconv call on the free space and counts what it wrote.
        mutating func convert(_ body: (inout UnsafeMutablePointer<CChar>?, inout Int) -> Int) -> Int {
            var out: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(storage + count).assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - count
            let result = body(&out, &outLeft)
            count = capacity - outLeft
            return result
        }

        mutating func grow(minimum: Int = 0) {
            let newCapacity = max(capacity * 2, count + minimum)
            let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newStorage.update(from: storage, count: count)
            storage.deallocate()
            storage = newStorage
            capacity = newCapacity
        }

        mutating func append(_ bytes: [UInt8]) {
            if capacity - count < bytes.count { grow(minimum: bytes.count) }
            for byte in bytes {
                storage[count] = byte
                count += 1
            }
        }
    }
}
