/// RFC 2045 `value; name=param` header syntax with RFC 2231 continuations and charsets, and the
/// RFC 2047 encoded words that real mail puts in quoted parameter values.
public enum HeaderParameters {
    /// Splits a header value into its main value and its parameters (names lower-cased).
    ///
    /// A parameter given twice keeps its first value. RFC 2231 forms (`name*=`, `name*0=`,
    /// `name*1*=`) are merged into `name` and win over a plain `name` given as a fallback.
    /// Each defect kind is listed at most once.
    public static func parse(_ value: String) -> (value: String, parameters: [String: String], defects: [DefectKind]) {
        let (main, parameters, defects) = parse(bytes: Array(value.utf8))
        return (String(decoding: main, as: UTF8.self), parameters, defects)
    }

    /// `parse(_:)` with the main value left as bytes.
    static func parse(bytes: [UInt8]) -> (value: [UInt8], parameters: [String: String], defects: [DefectKind]) {
        var defects: [DefectKind] = []
        func note(_ kind: DefectKind) {
            if !defects.contains(kind) { defects.append(kind) }
        }
        var scanner = HeaderParameterScanner(bytes)
        let main = scanner.mainValue()
        var parameters: [String: String] = [:]
        var sections = HeaderParameterSections()
        while let raw = scanner.nextParameter() {
            switch HeaderParameterSections.Name(raw.name) {
            case .plain(let name):
                guard parameters[name] == nil else {
                    note(.badParameter)
                    continue
                }
                let (text, wordDefects) = decodeEncodedWords(String(decoding: raw.value, as: UTF8.self), name: name)
                parameters[name] = text
                wordDefects.forEach(note)
            case .section(let name, let number, let extended):
                if !sections.add(name: name, number: number, extended: extended, value: raw.value) { note(.badParameter) }
            case .invalid:
                note(.badParameter)
            }
        }
        if scanner.malformed { note(.badParameter) }
        for (name, merged) in sections.merged() {
            var text = merged.text
            if !merged.extended {
                let decoded = decodeEncodedWords(text, name: name)
                text = decoded.text
                decoded.defects.forEach(note)
            }
            parameters[name] = text
            merged.defects.forEach(note)
        }
        return (main, parameters, defects)
    }

    /// RFC 2047 words in a parameter value (`name="=?utf-8?B?…?="`), except in a boundary,
    /// which must stay exactly as written.
    private static func decodeEncodedWords(_ text: String, name: String) -> (text: String, defects: [DefectKind]) {
        guard name != "boundary", text.utf8.count >= 8, containsEncodedWordStart(text) else { return (text, []) }
        return EncodedWordDecoder.decode(text)
    }

    private static func containsEncodedWordStart(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }
}
