/// A Content-Type (or Content-Disposition) value: the lower-cased type and subtype and the
/// parameters with RFC 2231 continuations and charsets already merged and decoded.
public struct ContentType: Sendable, Hashable {
    public let type: String
    public let subtype: String
    /// Parameter names are lower-cased.
    public let parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    public static let textPlain = ContentType(type: "text", subtype: "plain", parameters: ["charset": "us-ascii"])
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")
    public static let applicationOctetStream = ContentType(type: "application", subtype: "octet-stream")

    public var mimeType: String { "\(type)/\(subtype)" }
    public var isMultipart: Bool { type == "multipart" }
    public var isText: Bool { type == "text" }
    public var isEmbeddedMessage: Bool { type == "message" && (subtype == "rfc822" || subtype == "global") }
    public var charset: String? { parameters["charset"] }
    public var boundary: String? { parameters["boundary"] }

    /// Parses a header value such as `text/plain; charset="utf-8"`; nil when there is no usable
    /// type/subtype (the caller then applies the default and records a defect).
    public static func parse(_ value: String) -> (ContentType?, [DefectKind]) {
        let (main, parameters, defects) = HeaderParameters.parse(value)
        let pieces = main.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2 else { return (nil, defects + [.malformedContentType]) }
        let type = pieces[0].trimmingASCIIWhitespace().lowercased()
        let subtype = pieces[1].trimmingASCIIWhitespace().lowercased()
        guard !type.isEmpty, !subtype.isEmpty, type.utf8.allSatisfy(isTokenByte), subtype.utf8.allSatisfy(isTokenByte) else {
            return (nil, defects + [.malformedContentType])
        }
        return (ContentType(type: type, subtype: subtype, parameters: parameters), defects)
    }
}

/// A Content-Disposition value: `inline` or `attachment` (lower-cased) and its parameters.
public struct ContentDisposition: Sendable, Hashable {
    public let kind: String
    public let parameters: [String: String]

    public var filename: String? { parameters["filename"] }
    public var isAttachment: Bool { kind == "attachment" }

    public static func parse(_ value: String) -> (ContentDisposition, [DefectKind]) {
        let (main, parameters, defects) = HeaderParameters.parse(value)
        return (ContentDisposition(kind: main.trimmingASCIIWhitespace().lowercased(), parameters: parameters), defects)
    }
}

/// RFC 2045 token characters.
@inline(__always) func isTokenByte(_ byte: UInt8) -> Bool {
    guard byte > 0x20, byte < 0x7F else { return false }
    switch byte {
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
         UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
         UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "="):
        return false
    default:
        return true
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
