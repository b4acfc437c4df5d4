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
        let (main, parameters, defects) = HeaderParameters.parse(bytes: Array(value.utf8))
        guard let slash = main.firstIndex(of: UInt8(ascii: "/")),
              let type = lowercasedToken(main[..<slash]), let subtype = lowercasedToken(main[(slash + 1)...])
        else { return (nil, defects + [.malformedContentType]) }
        return (ContentType(type: type, subtype: subtype, parameters: parameters), defects)
    }

    /// The bytes without surrounding spaces and tabs, lower-cased, when they are a non-empty token.
    private static func lowercasedToken(_ bytes: ArraySlice<UInt8>) -> String? {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end, bytes[start..<end].allSatisfy(isTokenByte) else { return nil }
        return String(unsafeUninitializedCapacity: end - start) { output in
            for offset in 0..<(end - start) { output[offset] = HeaderText.lowerASCII(bytes[start + offset]) }
            return end - start
        }
    }
}

/// A Content-Disposition value: `inline` or `attachment` (lower-cased) and its parameters.
public struct ContentDisposition: Sendable, Hashable {
    public let kind: String
    public let parameters: [String: String]

    public var filename: String? { parameters["filename"] }
    public var isAttachment: Bool { kind == "attachment" }

    public static func parse(_ value: String) -> (ContentDisposition, [DefectKind]) {
        let (main, parameters, defects) = HeaderParameters.parse(bytes: Array(value.utf8))
        return (ContentDisposition(kind: lowercasedKind(main), parameters: parameters), defects)
    }

    /// The main value without surrounding spaces and tabs, lower-cased.
    private static func lowercasedKind(_ main: [UInt8]) -> String {
        guard main.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: main, as: UTF8.self).trimmingASCIIWhitespace().lowercased()
        }
        var start = 0, end = main.count
        while start < end, main[start] == 0x20 || main[start] == 0x09 { start += 1 }
        while end > start, main[end - 1] == 0x20 || main[end - 1] == 0x09 { end -= 1 }
        return String(unsafeUninitializedCapacity: end - start) { output in
            for offset in 0..<(end - start) { output[offset] = HeaderText.lowerASCII(main[start + offset]) }
            return end - start
        }
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
