/// The position of a MIME part in the tree, numbered like IMAP body sections: "" is the message
/// itself, "1" its first child, "1.2" the second child of that.
public struct MIMEPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var components: [Int]

    public init(_ components: [Int] = []) { self.components = components }

    public static let root = MIMEPath()

    public var isRoot: Bool { components.isEmpty }
    public var depth: Int { components.count }

    public func child(_ number: Int) -> MIMEPath { MIMEPath(components + [number]) }

    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func < (lhs: MIMEPath, rhs: MIMEPath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
