import MailMessage

/// Identifies a learned message in the journal, so that learning it again is a no-op and
/// forgetting it undoes what was learned: 128 bits hashed from the Message-ID (or, without one,
/// From, Date and Subject) and the body bytes, carriage returns left out so the same message
/// read from a CRLF spool and an LF mailbox has one key. Trace fields added in transit
/// (Received, Delivered-To, X-Spam-*) do not change it.
public struct MessageKey: Sendable, Hashable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public init(message: MailMessage) {
        var first = TokenHasher(), second = TokenHasher()
        second.combine(0x5A)
        let identity: String
        if let id = message.messageID?.trimmingCharacters(in: " \t<>"), !id.isEmpty {
            identity = "id:" + id
        } else {
            let headers = message.headers
            identity = "h:" + (headers["From"] ?? "") + "\u{0}" + (headers["Date"] ?? "") + "\u{0}" + (headers["Subject"] ?? "")
        }
        first.combine(identity)
        second.combine(identity)
        first.combine(0)
        second.combine(0)
        // Both hashes in one pass over the body, in registers.
        var firstState = first.state, secondState = second.state
        message.raw.withUnsafeBufferPointer { raw in
            for byte in raw[min(message.headerEnd, raw.count)...] where byte != 0x0D {
                firstState = (firstState ^ UInt64(byte)) &* TokenHasher.prime
                secondState = (secondState ^ UInt64(byte)) &* TokenHasher.prime
            }
        }
        first.state = firstState
        second.state = secondState
        high = first.finish()
        low = second.finish()
    }

    /// 32 hexadecimal digits.
    public var description: String {
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }

    public init?(hex: String) {
        guard hex.utf8.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16) else { return nil }
        self.init(high: high, low: low)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
