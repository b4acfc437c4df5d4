import Foundation
import MailMessage
import Rules

/// Prints the SpamAssassin views of one message in an escaped form, for comparison with what
/// SpamAssassin itself produces (one element per line, in brackets).
struct ViewsDump {
    let path: String
    let headerRequests: [String]
    let environment: ViewEnvironment

    /// `VIEWS_HTML=1` adds the HTML parser's results and the parsed relays.
    /// `path` is one message, or `@LIST`: a file naming one message per line, each dump then
    /// preceded by "=== path".
    func run() {
        if path.hasPrefix("@") {
            let list = (try? String(contentsOfFile: String(path.dropFirst()), encoding: .utf8)) ?? ""
            for file in list.split(separator: "\n") {
                print("=== \(file)")
                dump(String(file))
            }
        } else {
            dump(path)
        }
    }

    private func dump(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            return
        }
        let views = SpamAssassinViews(message: MailMessage(parsing: [UInt8](data)), environment: environment)
        print("BODY")
        for line in views.body { print("  [\(escaped(line))]") }
        print("RAWBODY")
        for chunk in views.rawBody { print("  [\(escaped(chunk))]") }
        print("URI")
        for uri in views.uris { print("  [\(escaped(uri))]") }
        if ProcessInfo.processInfo.environment["VIEWS_HTML"] == "1" {
            print("HTML")
            for line in views.htmlStatisticsLines() { print("  [\(escaped(line))]") }
            print("RELAYS")
            for line in views.relayLines() { print("  [\(escaped(line))]") }
        }
        for request in headerRequests {
            print("HEADER \(request)")
            print("  [\(views.headerText(request).map(escaped) ?? "<undef>")]")
        }
    }

    private func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            switch byte {
            case 0x5C: text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x09: text += "\\t"
            case 0x00..<0x20, 0x7F...: text += String(format: "\\x%02x", byte)
            default: text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return text
    }
}
