/// Perl's `\Q…\E`: every byte that is not a letter, digit or underscore escaped.
enum RegexEscaping {
    static func quote(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, !(scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_") {
                result += "\\"
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
