/// The named limits the parser enforces. Hitting one records a defect and stops that piece of
/// work; it never crashes and never grows memory without bound.
public struct MessageLimits: Sendable, Equatable {
    /// Bytes of one header section (the message's or a MIME part's), folded lines included.
    public var maxHeaderBytes: Int
    /// Header fields in one header section.
    public var maxHeaderFields: Int
    /// Bytes of one physical line; longer lines are still read but flagged.
    public var maxLineLength: Int
    /// Nesting of multipart and message/rfc822 parts.
    public var maxMimeDepth: Int
    /// MIME parts in one message, counted over the whole tree.
    public var maxParts: Int
    /// Decoded bytes over all parts of one message; decoding stops there.
    public var maxDecodedBytes: Int

    public init(
        maxHeaderBytes: Int = 1 << 20,
        maxHeaderFields: Int = 10_000,
        maxLineLength: Int = 998,
        maxMimeDepth: Int = 30,
        maxParts: Int = 1_000,
        maxDecodedBytes: Int = 64 << 20
    ) {
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
        self.maxLineLength = maxLineLength
        self.maxMimeDepth = maxMimeDepth
        self.maxParts = maxParts
        self.maxDecodedBytes = maxDecodedBytes
    }

    public static let `default` = MessageLimits()
}
