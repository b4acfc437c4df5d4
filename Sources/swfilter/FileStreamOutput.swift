#if canImport(Glibc)
import Glibc
#endif

enum FileStreamOutput {
    static func standardError(_ text: String) {
        fputs(text.hasSuffix("\n") ? text : text + "\n", stderr)
    }
}
