/// Collects RFC 2231 parameter sections (`name*=`, `name*0=`, `name*1*=`) and merges them:
/// ordered by number, percent-encoded sections decoded, the whole read in the charset that the
/// first section declares (`charset'language'…`).
struct HeaderParameterSections {
    /// How a parameter name reads.
    enum Name: Equatable {
        case plain(String)
        /// `number` is nil for `name*=`.
        case section(String, number: Int?, extended: Bool)
        /// An empty base name or an absurd section number.
        case invalid

        /// Section numbers above this are not continuations a mailer writes.
        static let maxSection = 99_999

        init(_ lowerCased: [UInt8]) {
            let star = UInt8(ascii: "*")
            var end = lowerCased.count
            var extended = false
            if end > 0, lowerCased[end - 1] == star {
                extended = true
                end -= 1
            }
            var digitsStart = end
            while digitsStart > 0, lowerCased[digitsStart - 1] >= 0x30, lowerCased[digitsStart - 1] <= 0x39 { digitsStart -= 1 }
            if digitsStart < end, digitsStart > 0, lowerCased[digitsStart - 1] == star {
                let base = String(decoding: lowerCased[..<(digitsStart - 1)], as: UTF8.self)
                guard !base.isEmpty, end - digitsStart <= 5 else {
                    self = .invalid
                    return
                }
                let number = lowerCased[digitsStart..<end].reduce(0) { $0 * 10 + Int($1 - 0x30) }
                self = .section(base, number: number, extended: extended)
            } else if extended {
                let base = String(decoding: lowerCased[..<end], as: UTF8.self)
                self = base.isEmpty ? .invalid : .section(base, number: nil, extended: true)
            } else {
                self = .plain(String(decoding: lowerCased, as: UTF8.self))
            }
        }
    }

    struct Merged {
        let text: String
        /// Whether any section was percent-encoded (and so read in a declared charset).
        let extended: Bool
        let defects: [DefectKind]
    }

    private struct Section {
        let number: Int?
        let extended: Bool
        let value: [UInt8]
    }

    private var order: [String] = []
    private var sections: [String: [Section]] = [:]

    /// Records a section; false when the same section was already given (the first one wins).
    mutating func add(name: String, number: Int?, extended: Bool, value: [UInt8]) -> Bool {
        if sections[name] == nil { order.append(name) }
        var list = sections[name, default: []]
        if list.contains(where: { $0.number == number }) { return false }
        list.append(Section(number: number, extended: extended, value: value))
        sections[name] = list
        return true
    }

    /// Every parameter, in the order first seen, with its sections joined and decoded.
    func merged() -> [(name: String, value: Merged)] {
        order.map { name in (name, merge(sections[name] ?? [])) }
    }

    private func merge(_ list: [Section]) -> Merged {
        var defects: [DefectKind] = []
        func note(_ kind: DefectKind) {
            if !defects.contains(kind) { defects.append(kind) }
        }
        var parts: [Section]
        if let single = list.first(where: { $0.number == nil }) {
            // `name*=` and `name*0=` together: the unnumbered form is the whole value.
            if list.count > 1 { note(.badParameter) }
            parts = [single]
        } else {
            parts = list.sorted { ($0.number ?? 0) < ($1.number ?? 0) }
            for (index, part) in parts.enumerated() where part.number != index {
                note(.badParameter)
                break
            }
        }

        var bytes: [UInt8] = []
        var charset: String?
        let anyExtended = parts.contains { $0.extended }
        for part in parts {
            guard part.extended else {
                bytes += part.value
                continue
            }
            var encoded = part.value[...]
            if part.number == nil || part.number == 0 {
                let quote = UInt8(ascii: "'")
                if let first = encoded.firstIndex(of: quote), let second = encoded[(first + 1)...].firstIndex(of: quote) {
                    let name = String(decoding: encoded[..<first], as: UTF8.self)
                    charset = name.isEmpty ? nil : name
                    encoded = encoded[(second + 1)...]
                } else {
                    note(.badParameter)
                }
            }
            if !Self.percentDecode(encoded, into: &bytes) { note(.badParameter) }
        }
        guard anyExtended else {
            return Merged(text: String(decoding: bytes, as: UTF8.self), extended: false, defects: defects)
        }
        let converted = CharsetConverter.decode(bytes[...], charset: charset)
        converted.defects.forEach(note)
        return Merged(text: converted.text, extended: true, defects: defects)
    }

    /// Appends `%XX`-decoded bytes; a `%` not followed by two hex digits is kept and makes it false.
    private static func percentDecode(_ encoded: ArraySlice<UInt8>, into bytes: inout [UInt8]) -> Bool {
        var wellFormed = true
        var index = encoded.startIndex
        while index < encoded.endIndex {
            let byte = encoded[index]
            if byte == UInt8(ascii: "%") {
                if index + 2 < encoded.endIndex,
                   let high = TransferDecoder.hexValue(encoded[index + 1]), let low = TransferDecoder.hexValue(encoded[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                    continue
                }
                wellFormed = false
            }
            bytes.append(byte)
            index += 1
        }
        return wellFormed
    }
}
