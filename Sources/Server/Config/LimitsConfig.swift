import MailMessage

/// `[limits]`: the bounds on what one message may cost. The parser limits default to
/// `MessageLimits.default`, so the message model stays their single source of truth.
public struct LimitsConfig: Sendable, Equatable, ConfigSection {
    static let name = "limits"

    /// Larger messages are not scanned (the pipe filter passes them on untouched).
    public var maxMessageBytes: Int
    /// Handed to the message parser as they are.
    public var messageLimits: MessageLimits

    public static let defaultMaxMessageBytes = 50 << 20

    public init(maxMessageBytes: Int = defaultMaxMessageBytes, messageLimits: MessageLimits = .default) {
        self.maxMessageBytes = maxMessageBytes
        self.messageLimits = messageLimits
    }

    /// All defaults.
    public init() {
        self.init(maxMessageBytes: Self.defaultMaxMessageBytes)
    }

    init(reading table: ConfigTableReader) {
        self.init()
        if let value = table.size("max_message_bytes", minimum: 1) { maxMessageBytes = value }
        if let value = table.size("max_header_bytes", minimum: 1) { messageLimits.maxHeaderBytes = value }
        if let value = table.integer("max_header_fields", minimum: 1) { messageLimits.maxHeaderFields = value }
        if let value = table.size("max_line_length", minimum: 1) { messageLimits.maxLineLength = value }
        // 0 is meaningful: multiparts are then scanned as single opaque parts.
        if let value = table.integer("max_mime_depth", minimum: 0) { messageLimits.maxMimeDepth = value }
        if let value = table.integer("max_parts", minimum: 1) { messageLimits.maxParts = value }
        if let value = table.size("max_decoded_bytes", minimum: 1) { messageLimits.maxDecodedBytes = value }
    }

    func write(to writer: inout ConfigTOMLWriter) {
        writer.set("max_message_bytes", ByteSize.literal(maxMessageBytes))
        writer.set("max_header_bytes", ByteSize.literal(messageLimits.maxHeaderBytes))
        writer.set("max_header_fields", .integer(messageLimits.maxHeaderFields))
        writer.set("max_line_length", ByteSize.literal(messageLimits.maxLineLength))
        writer.set("max_mime_depth", .integer(messageLimits.maxMimeDepth))
        writer.set("max_parts", .integer(messageLimits.maxParts))
        writer.set("max_decoded_bytes", ByteSize.literal(messageLimits.maxDecodedBytes))
    }
}
