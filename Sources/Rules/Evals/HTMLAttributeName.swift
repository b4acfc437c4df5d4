/// The attribute names `HTMLStatisticsScanner` and `HTMLTextStyleStack` read, recognised from
/// the source bytes as a tag is read (`HTMLTagReader`), so that no name is compared as a String.
enum HTMLAttributeName: String, CaseIterable, Sendable {
    case face, width, height, action, src, content, color, size, text, bgcolor, link, alink, vlink, background, style
    case httpEquiv = "http-equiv"

    private static let table = HTMLNameTable(allCases.map(\.rawValue))

    /// The name `bytes` spell in any case, nil for any other.
    static func of(_ bytes: ArraySlice<UInt8>) -> HTMLAttributeName? {
        table.index(of: bytes).map { allCases[$0] }
    }
}
