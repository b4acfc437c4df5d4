import MailMessage

/// SpamAssassin's ImageInfo view of the attached images: for each of gif, png and jpeg (and
/// "all"), how many base64 parts there are, their total pixel area, their "HxW" sizes, and the
/// names of the images whose size could be read.
struct ImageSummary {
    var counts: [String: Int] = ["all": 0, "gif": 0, "png": 0, "jpeg": 0]
    var pixelCoverage: [String: Int] = ["all": 0, "gif": 0, "png": 0, "jpeg": 0]
    var dimensions: [String: Set<String>] = [:]
    var names: Set<String> = []

    init(parts: [MIMEPart]) {
        for part in parts {
            guard let leaf = part.leaf, Self.typeMayBeImage(part.contentType.type) else { continue }
            let mimeType = MIMEStatistics.lowercasedMimeType(part.contentType)
            guard ["image/gif", "image/png", "image/jpeg", "image/jpg"].contains(mimeType) else { continue }
            guard MIMEStatistics.lowerHeader(part, "Content-Transfer-Encoding") == "base64" else { continue }
            let type = mimeType == "image/jpg" ? "jpeg" : String(mimeType.dropFirst(6))
            counts[type, default: 0] += 1
            counts["all", default: 0] += 1
            guard let size = ImageDimensions.size(of: leaf.decoded, type: type), size.width > 0, size.height > 0 else { continue }
            let area = Self.saturatingProduct(size.width, size.height)
            pixelCoverage[type] = Self.saturatingSum(pixelCoverage[type] ?? 0, area)
            pixelCoverage["all"] = Self.saturatingSum(pixelCoverage["all"] ?? 0, area)
            let key = "\(size.height)x\(size.width)"
            dimensions[type, default: []].insert(key)
            dimensions["all", default: []].insert(key)
            if let name = part.filename, !name.isEmpty { names.insert(name) }
        }
    }

    /// Whether a part of this type may be an image: the lower-cased "type/subtype" can only be
    /// one of the image types when the type starts with "image" in ASCII letters of any case (no
    /// other Character lower-cases to one of those).
    static func typeMayBeImage(_ type: String) -> Bool {
        let image = "image".utf8
        guard type.utf8.count >= image.count else { return false }
        return zip(type.utf8, image).allSatisfy { ASCII.lower($0) == $1 }
    }

    /// Image headers are attacker-controlled: products and sums stop at Int.max instead of trapping.
    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : value
    }

    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : value
    }

    /// ImageInfo's range test: at least `min`, at most `max` (below it when `excludeMax`).
    static func inRange(_ value: Double?, min: Double, max: Double?, excludeMax: Bool = false) -> Bool {
        guard let value, value >= min else { return false }
        if let max {
            if value > max { return false }
            if excludeMax, value == max { return false }
        }
        return true
    }
}
