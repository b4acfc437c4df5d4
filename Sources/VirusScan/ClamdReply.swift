/// Reads clamd's answer to INSTREAM: "stream: OK", "stream: NAME FOUND",
/// "INSTREAM size limit exceeded. ERROR", "REASON ERROR".
enum ClamdReply {
    static let sizeLimitText = "INSTREAM size limit exceeded"

    static func result(of reply: String, from address: ClamdAddress) -> VirusScanResult {
        var text = Substring(reply)
        while text.last?.isWhitespace == true { text = text.dropLast() }
        if text.contains(sizeLimitText) { return .limitExceeded(name: VirusScanResult.streamMaxLengthName) }
        if let colon = text.range(of: ": ") { text = text[colon.upperBound...] }
        if text == "OK" { return .clean }
        if text.hasSuffix(" FOUND") {
            let name = text.dropLast(" FOUND".count)
            guard !name.isEmpty else { return .error(VirusScanError(.protocolError, "clamd \(address) reported a virus with no name")) }
            return .detection(String(name))
        }
        if text.hasSuffix(" ERROR") {
            return .error(VirusScanError(.scanFailed, "clamd \(address): \(text.dropLast(" ERROR".count))"))
        }
        return .error(VirusScanError(.protocolError, "clamd \(address) answered \"\(reply.prefix(200))\""))
    }
}
