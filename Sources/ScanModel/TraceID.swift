/// A short id that ties a verdict to its log lines, so a refusal can be explained later
/// (the way Postfix queue ids tie its log lines together).
public struct TraceID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) { self.value = value }

    private static let alphabet = Array("0123456789BCDFGHJKLMNPQRSTVWXYZ".utf8)

    /// Twelve characters from an alphabet with no vowels (no accidental words), random.
    public static func random() -> TraceID {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = []
        bytes.reserveCapacity(12)
        for _ in 0..<12 { bytes.append(alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))]) }
        return TraceID(String(decoding: bytes, as: UTF8.self))
    }

    public var description: String { value }
}
