/// Content-Transfer-Encoding decoding. (Minimal version; being completed.)
public enum TransferDecoder {
    public struct Result: Sendable {
        public let bytes: [UInt8]
        public let defects: [DefectKind]
        /// True when decoding stopped at `limit`.
        public let truncated: Bool
    }

    /// Decodes a body; never fails: bad input is decoded as far as it goes and reported.
    public static func decode(_ body: ArraySlice<UInt8>, encoding: TransferEncoding, limit: Int) -> Result {
        let truncated = body.count > limit
        return Result(bytes: Array(body.prefix(limit)), defects: truncated ? [.decodedBytesExceeded] : [], truncated: truncated)
    }
}
