/// Something wrong with a message that the parser noticed and worked around. Broken mail is
/// data: defects are recorded for rules to score, never thrown.
public struct Defect: Sendable, Hashable, CustomStringConvertible {
    public let kind: DefectKind
    /// Where: the MIME path of the part ("" for the top-level header section).
    public let part: MIMEPath
    /// A short free-form detail (the header name, the charset, the offending boundary).
    public let detail: String

    public init(_ kind: DefectKind, part: MIMEPath = .root, detail: String = "") {
        self.kind = kind
        self.part = part
        self.detail = detail
    }

    public var description: String {
        var text = kind.rawValue
        if !part.isRoot { text += "@\(part)" }
        if !detail.isEmpty { text += "(\(detail))" }
        return text
    }
}

/// Every kind of defect the message model records. Raw values are stable: rules, JSON output and
/// the corpus expectations name them.
public enum DefectKind: String, Sendable, CaseIterable, Codable {
    // header section
    case headerWithoutColon = "header_without_colon"
    case headerNameInvalid = "header_name_invalid"
    case headerEightBit = "header_8bit"
    case headerBytesExceeded = "header_bytes_exceeded"
    case headerFieldsExceeded = "header_fields_exceeded"
    case leadingContinuationLine = "leading_continuation_line"
    case badEncodedWord = "bad_encoded_word"
    case badAddress = "bad_address"
    case duplicateHeaderField = "duplicate_header_field"
    // lines and bytes
    case lineTooLong = "line_too_long"
    case nulByte = "nul_byte"
    case bareCR = "bare_cr"
    case bareLF = "bare_lf"
    case crOnlyLineEnds = "cr_only_line_ends"
    case invalidUTF8 = "invalid_utf8"
    // MIME structure
    case missingBoundary = "missing_boundary"
    case boundaryNotFound = "boundary_not_found"
    case unclosedBoundary = "unclosed_boundary"
    case malformedContentType = "malformed_content_type"
    case badParameter = "bad_parameter"
    case mimeDepthExceeded = "mime_depth_exceeded"
    case partCountExceeded = "part_count_exceeded"
    case emptyMultipart = "empty_multipart"
    case missingMIMEVersion = "missing_mime_version"
    case unknownTransferEncoding = "unknown_transfer_encoding"
    case encodedMultipart = "encoded_multipart"
    // content decoding
    case badBase64 = "bad_base64"
    case badQuotedPrintable = "bad_quoted_printable"
    case badUUEncode = "bad_uuencode"
    case eightBitIn7Bit = "8bit_in_7bit"
    case unknownCharset = "unknown_charset"
    case badCharsetData = "bad_charset_data"
    case charsetMismatch = "charset_mismatch"
    case decodedBytesExceeded = "decoded_bytes_exceeded"
}

extension Array where Element == DefectKind {
    /// Adds `defect` unless it is already listed: one defect kind per header is enough for rules.
    mutating func appendOnce(_ defect: DefectKind) {
        if !contains(defect) { append(defect) }
    }
}
