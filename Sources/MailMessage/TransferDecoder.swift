/// Content-Transfer-Encoding decoding: base64, quoted-printable, x-uuencode; the identity
/// encodings pass bytes through. Decoding never fails: bad input is decoded as far as it goes
/// and reported, and output stops at `limit` bytes.
public enum TransferDecoder {
    public struct Result: Sendable {
        public let bytes: [UInt8]
        public let defects: [DefectKind]
        /// True when decoding stopped at `limit`.
        public let truncated: Bool

        public init(bytes: [UInt8], defects: [DefectKind], truncated: Bool) {
            self.bytes = bytes
            self.defects = defects
            self.truncated = truncated
        }
    }

    /// Decodes a body; never fails: bad input is decoded as far as it goes and reported.
    public static func decode(_ body: ArraySlice<UInt8>, encoding: TransferEncoding, limit: Int) -> Result {
        let limit = max(0, limit)
        switch encoding {
        case .base64:
            return body.withUnsafeBufferPointer { decodeBase64($0, limit: limit) }
        case .quotedPrintable:
            return body.withUnsafeBufferPointer { decodeQuotedPrintable($0, limit: limit) }
        case .uuencode:
            let decoded = UUEncode.decode(body, limit: limit)
            return Result(bytes: decoded.bytes, defects: decoded.defects, truncated: decoded.truncated)
        case .sevenBit, .eightBit, .binary, .unknown:
            guard body.count > limit else { return Result(bytes: Array(body), defects: [], truncated: false) }
            return Result(bytes: Array(body.prefix(limit)), defects: [.decodedBytesExceeded], truncated: true)
        }
    }

    /// The defect list for a decoder's findings, each kind at most once.
    static func defects(bad: DefectKind?, truncated: Bool) -> [DefectKind] {
        var defects: [DefectKind] = []
        if let bad { defects.append(bad) }
        if truncated { defects.append(.decodedBytesExceeded) }
        return defects
    }
}
