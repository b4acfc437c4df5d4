/// A file uuencoded inside a text body.
public struct UUEncodedFile: Sendable, Hashable {
    public let name: String
    public let mode: String
    public let bytes: [UInt8]

    public init(name: String, mode: String, bytes: [UInt8]) {
        self.name = name
        self.mode = mode
        self.bytes = bytes
    }
}

/// Finds "begin MODE NAME … end" blocks in text bodies. (Minimal version; being completed.)
public enum UUEncode {
    public static func findFiles(in text: ArraySlice<UInt8>, limit: Int) -> (files: [UUEncodedFile], defects: [DefectKind]) {
        ([], [])
    }
}
