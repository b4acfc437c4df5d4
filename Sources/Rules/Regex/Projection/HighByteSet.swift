/// A set of bytes above 0x7F: which 8-bit bytes a text holds, or which a projected pattern may
/// still meet (see `PatternProjection`).
public struct HighByteSet: Hashable, Sendable {
    /// Bits for 0x80…0xBF (UTF-8 continuation bytes).
    public private(set) var continuation: UInt64
    /// Bits for 0xC0…0xFF (UTF-8 lead bytes).
    public private(set) var lead: UInt64

    public init(continuation: UInt64 = 0, lead: UInt64 = 0) {
        self.continuation = continuation
        self.lead = lead
    }

    /// No byte above 0x7F: the set of a pure ASCII text.
    public static let none = HighByteSet()

    public var isEmpty: Bool { continuation == 0 && lead == 0 }

    /// Whether `byte` is in the set; false for every ASCII byte.
    public func contains(_ byte: UInt8) -> Bool {
        guard byte >= 0x80 else { return false }
        return byte >= 0xC0 ? lead & (1 << UInt64(byte - 0xC0)) != 0 : continuation & (1 << UInt64(byte - 0x80)) != 0
    }

    public mutating func insert(_ byte: UInt8) {
        guard byte >= 0x80 else { return }
        if byte >= 0xC0 { lead |= 1 << UInt64(byte - 0xC0) } else { continuation |= 1 << UInt64(byte - 0x80) }
    }

    /// Whether `text` holds no byte above 0x7F, eight bytes at a time.
    public static func isASCII(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = text.count
        var index = 0
        var bits: UInt64 = 0
        while index + 32 <= count {
            bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
            if bits & 0x8080_8080_8080_8080 != 0 { return false }
            index += 32
        }
        while index + 8 <= count {
            bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        var tail: UInt8 = 0
        while index < count {
            tail |= base[index]
            index += 1
        }
        return bits & 0x8080_8080_8080_8080 == 0 && tail < 0x80
    }

    public static func isASCII(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { isASCII($0) }
    }
}
