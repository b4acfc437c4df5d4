/// The header fields of a message or MIME part, in order, with case-insensitive look-up.
public struct HeaderSection: Sendable {
    public let fields: [HeaderField]
    /// The bytes of the whole section, without the blank line that ends it.
    public let raw: ArraySlice<UInt8>

    public init(fields: [HeaderField], raw: ArraySlice<UInt8>) {
        self.fields = fields
        self.raw = raw
    }

    public static let empty = HeaderSection(fields: [], raw: [])

    /// The decoded value of the first field with this name.
    public subscript(name: String) -> String? { first(name)?.value }

    public func first(_ name: String) -> HeaderField? { fields.first { $0.hasName(name) } }

    public func all(_ name: String) -> [HeaderField] { fields.filter { $0.hasName(name) } }

    public func contains(_ name: String) -> Bool { fields.contains { $0.hasName(name) } }

    public func count(of name: String) -> Int { fields.reduce(0) { $0 + ($1.hasName(name) ? 1 : 0) } }

    /// The addresses of every field with this name (To, Cc, From, Reply-To…), in order.
    public func addresses(_ name: String) -> [MailAddress] {
        all(name).flatMap { AddressParser.parse($0.unfolded).addresses }
    }
}
