#if canImport(Glibc)
import Glibc
#endif

enum FileStreamOutput {
    static func standardError(_ text: String) {
        let bytes = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
