/// Renders key paths the way a user would write them in TOML: `policy.domains."example.com"`.
/// Array-of-tables elements are components of the form `[n]` and render as `smtp.listen[0]`.
enum ConfigKeyPath {
    static func display(_ components: [String]) -> String {
        var text = ""
        for component in components {
            if isIndex(component) {
                text += component
                continue
            }
            if !text.isEmpty { text += "." }
            text += quotedIfNeeded(component)
        }
        return text
    }

    static func index(_ n: Int) -> String { "[\(n)]" }

    static func isIndex(_ component: String) -> Bool {
        component.utf8.first == UInt8(ascii: "[") && component.utf8.last == UInt8(ascii: "]")
    }

    /// A bare key when TOML allows one, otherwise a basic string.
    static func quotedIfNeeded(_ key: String) -> String {
        isBare(key) ? key : TOMLLiteral.string(key).text
    }

    static func isBare(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy(isBareKeyByte)
    }

    static func isBareKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
