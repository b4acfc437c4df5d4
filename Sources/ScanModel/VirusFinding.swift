/// A virus found in a message: the signature name and where it was.
public struct VirusFinding: Sendable, Hashable, Codable {
    /// The analyzer name virus scanners report failures under.
    public static let analyzerName = "clamav"

    public let name: String
    /// The MIME path of the part ("" for the raw message as a whole).
    public let part: String
    public let filename: String?
    /// The part's MIME type ("application/zip"); nil for the message as a whole.
    public let contentType: String?

    public init(name: String, part: String, filename: String?, contentType: String? = nil) {
        self.name = name
        self.part = part
        self.filename = filename
        self.contentType = contentType
    }
}
