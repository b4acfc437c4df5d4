/// RFC 2045 `value; name=param` header syntax. (Minimal version; being completed.)
public enum HeaderParameters {
    /// Splits a header value into its main value and its parameters (names lower-cased).
    public static func parse(_ value: String) -> (value: String, parameters: [String: String], defects: [DefectKind]) {
        var pieces = value.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingASCIIWhitespace() }
        let main = pieces.isEmpty ? "" : pieces.removeFirst()
        var parameters: [String: String] = [:]
        for piece in pieces {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            var param = String(piece[piece.index(after: eq)...]).trimmingASCIIWhitespace()
            if param.hasPrefix("\""), param.hasSuffix("\""), param.count >= 2 { param = String(param.dropFirst().dropLast()) }
            parameters[piece[..<eq].trimmingASCIIWhitespace().lowercased()] = param
        }
        return (main, parameters, [])
    }
}
