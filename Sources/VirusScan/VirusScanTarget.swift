/// What one scan looked at: a MIME part (by path), a file in it, or the whole message.
struct VirusScanTarget: Sendable, Hashable, CustomStringConvertible {
    /// The MIME path; "" for the message as a whole.
    let part: String
    let filename: String?
    let contentType: String?

    var description: String {
        var text = part.isEmpty && contentType == nil ? "the message" : "part \(part.isEmpty ? "(body)" : part)"
        if let contentType { text += " (\(contentType))" }
        if let filename { text += " \"\(filename)\"" }
        return text
    }
}
