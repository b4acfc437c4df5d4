/// Turns a link found in an HTML attribute into the URI reported in `RenderedHTML.uris`.
///
/// - Absolute URIs are kept as written (after entity decoding and trimming), except the schemes
///   that point nowhere a rule could look up: `javascript:`, `vbscript:`, `data:` (inline
///   content), `cid:`/`mid:` (parts of the same message) and `about:`.
/// - Relative references are resolved (RFC 3986 section 5.2) against the document's
///   `<base href>` when it gave an absolute http/https/ftp URI.
/// - Without such a base, a relative reference names no host and is left out, except the two
///   that browsers and spam rules read as hosts: `//host/path` (taken as `http:`) and
///   `www.host/path` (taken as `http://www.host/path`). Fragment-only references (`#top`) are
///   always left out.
enum HTMLLinkResolver {
    /// A parsed absolute base: `scheme://authority` and the path without query or fragment.
    struct Base {
        let origin: String
        let scheme: String
        let path: String

        init?(_ href: String) {
            guard let scheme = HTMLLinkResolver.scheme(of: href), ["http", "https", "ftp"].contains(scheme.lowercased()) else { return nil }
            let afterScheme = href.utf8.index(href.utf8.startIndex, offsetBy: scheme.utf8.count + 1)
            let rest = href[afterScheme...]
            guard rest.hasPrefix("//") else { return nil }
            let authorityStart = rest.utf8.index(rest.startIndex, offsetBy: 2)
            let authorityEnd = rest[authorityStart...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            guard authorityEnd > authorityStart else { return nil }
            self.scheme = scheme
            self.origin = String(href[href.startIndex..<authorityEnd])
            let pathEnd = rest[authorityEnd...].firstIndex(where: { $0 == "?" || $0 == "#" }) ?? rest.endIndex
            let path = String(rest[authorityEnd..<pathEnd])
            self.path = path.isEmpty ? "/" : path
        }
    }

    /// The URI to report for `reference`, or nil when it is left out.
    static func resolve(_ reference: String, base: Base?) -> String? {
        var reference = reference
        let schemeLength = reference.withUTF8 { Self.schemeLength(of: $0) }
        guard let first = reference.utf8.first, first != UInt8(ascii: "#") else { return nil }
        if let schemeLength {
            return reference.withUTF8 { isIgnored(scheme: UnsafeBufferPointer(rebasing: $0[..<schemeLength])) } ? nil : reference
        }
        guard let base else {
            if reference.hasPrefix("//") { return "http:" + reference }
            if reference.utf8.count > 4, reference.withUTF8({ ASCIIBytes.equalsLowercase(UnsafeBufferPointer(rebasing: $0[..<4]), "www.") }) {
                return "http://" + reference
            }
            return nil
        }
        if reference.hasPrefix("//") { return base.scheme + ":" + reference }
        let splitAt = reference.firstIndex(where: { $0 == "?" || $0 == "#" }) ?? reference.endIndex
        let path = reference[..<splitAt], suffix = reference[splitAt...]
        if path.isEmpty { return base.origin + base.path + suffix }
        if path.hasPrefix("/") { return base.origin + removingDotSegments(String(path)) + suffix }
        let directory = base.path[...(base.path.lastIndex(of: "/") ?? base.path.startIndex)]
        return base.origin + removingDotSegments(String(directory) + path) + suffix
    }

    private static func isIgnored(scheme: UnsafeBufferPointer<UInt8>) -> Bool {
        switch scheme.count {
        case 3: return ASCIIBytes.equalsLowercase(scheme, "cid") || ASCIIBytes.equalsLowercase(scheme, "mid")
        case 4: return ASCIIBytes.equalsLowercase(scheme, "data")
        case 5: return ASCIIBytes.equalsLowercase(scheme, "about")
        case 8: return ASCIIBytes.equalsLowercase(scheme, "vbscript")
        case 10: return ASCIIBytes.equalsLowercase(scheme, "javascript")
        default: return false
        }
    }

    /// The scheme of an absolute URI (letters, digits, `+`, `-`, `.` before the first `:`,
    /// starting with a letter), or nil for a relative reference.
    static func scheme(of uri: String) -> String? {
        var uri = uri
        guard let length = uri.withUTF8({ schemeLength(of: $0) }) else { return nil }
        return String(uri.utf8.prefix(length))!
    }

    /// The length of the scheme before the first `:`, or nil when there is none.
    static func schemeLength(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ":") { return index > 0 ? index : nil }
            let isOther = ASCIIBytes.isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            guard ASCIIBytes.isLetter(byte) || (index > 0 && isOther) else { return nil }
        }
        return nil
    }

    /// RFC 3986 section 5.2.4 on an absolute path.
    static func removingDotSegments(_ path: String) -> String {
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return "/" + output.joined(separator: "/")
    }
}
