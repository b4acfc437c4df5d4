/// URIs in plain text. (Minimal version; being completed.)
public enum URIExtractor {
    public static func extract(from text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\"" || $0 == "<" || $0 == ">" })
            .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
            .map(String.init)
    }
}
