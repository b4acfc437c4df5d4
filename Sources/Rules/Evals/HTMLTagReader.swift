/// Reads one tag of HTML source as HTML::Parser does: a lower-cased name of letters, digits and
/// `. - _ :`, then attributes (`name`, `name=value`, `name="value"`, `name='value'`) up to `>`.
enum HTMLTagReader {
    struct Tag {
        let name: String
        let traits: HTMLTagTraits
        let attributes: HTMLAttributes
        /// Just past the closing `>`.
        let end: Int
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        ByteClass.isLetter(byte) || ByteClass.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    /// `ASCII.string(ASCII.lowercased(bytes))`, written straight into the string when the bytes
    /// are ASCII (no intermediate arrays; short names stay inline).
    static func lowercasedString(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.allSatisfy({ $0 < 0x80 }) else { return ASCII.string(ASCII.lowercased(buffer)) }
            return String(unsafeUninitializedCapacity: buffer.count) { output in
                for index in 0..<buffer.count { output[index] = ASCII.lower(buffer[index]) }
                return buffer.count
            }
        }
    }

    /// The start tag at `index` (which holds `<`), nil when it never closes.
    static func startTag(in bytes: [UInt8], at index: Int) -> Tag? {
        var position = index + 1
        let nameStart = position
        while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
        let name = lowercasedString(bytes[nameStart..<position])
        let traits = HTMLTagTraits.of(bytes: bytes[nameStart..<position], name: name)
        var attributes = HTMLAttributes()
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { return Tag(name: name, traits: traits, attributes: attributes, end: position + 1) }
            if ASCII.isPerlSpace(byte) { position += 1; continue }
            let keyStart = position
            while position < bytes.count, !ASCII.isPerlSpace(bytes[position]), bytes[position] != UInt8(ascii: "="), bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            if position == keyStart { position += 1; continue }
            let key = lowercasedString(bytes[keyStart..<position])
            let known = HTMLAttributeName.of(bytes[keyStart..<position])
            var probe = position
            while probe < bytes.count, ASCII.isPerlSpace(bytes[probe]) { probe += 1 }
            guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
                attributes.addIfAbsent(key, known: known) { Array(key.utf8)[...] }
                continue
            }
            probe += 1
            while probe < bytes.count, ASCII.isPerlSpace(bytes[probe]) { probe += 1 }
            guard probe < bytes.count else { return nil }
            var value: ArraySlice<UInt8>
            let quote = bytes[probe]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = bytes[(probe + 1)...].firstIndex(of: quote) else { return nil }
                value = bytes[(probe + 1)..<close]
                position = close + 1
            } else {
                var end = probe
                while end < bytes.count, !ASCII.isPerlSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
                value = bytes[probe..<end]
                position = end
            }
            attributes.addIfAbsent(key, known: known) { HTMLSourcePreparation.decodedEntities(value) }
        }
        return nil
    }

    /// The end tag at `index` (`</name …>`), nil when it never closes.
    static func endTag(in bytes: [UInt8], at index: Int) -> Tag? {
        var position = index + 2
        let nameStart = position
        while position < bytes.count, isNameByte(bytes[position]) { position += 1 }
        let name = lowercasedString(bytes[nameStart..<position])
        guard let close = bytes[position...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        return Tag(name: name, traits: HTMLTagTraits.of(bytes: bytes[nameStart..<position], name: name), attributes: HTMLAttributes(), end: close + 1)
    }

    /// Where the literal content of `name` (script, style…) ends: at its end tag, or the end of
    /// the source.
    static func literalEnd(of name: String, in bytes: [UInt8], from start: Int) -> (contentEnd: Int, endTag: Tag?) {
        let needle = Array("</\(name)".utf8)
        var position = start
        while position + needle.count <= bytes.count {
            guard let found = bytes[position...].firstIndex(of: UInt8(ascii: "<")) else { break }
            if found + needle.count <= bytes.count,
               zip(bytes[found..<(found + needle.count)], needle).allSatisfy({ ASCII.lower($0) == $1 }),
               found + needle.count == bytes.count || !isNameByte(bytes[found + needle.count]),
               let tag = endTag(in: bytes, at: found) {
                return (found, tag)
            }
            position = found + 1
        }
        return (bytes.count, nil)
    }

    static func find(_ needle: String.UTF8View, in bytes: [UInt8], from start: Int) -> Int? {
        let target = Array(needle)
        guard !target.isEmpty, start <= bytes.count - target.count else { return nil }
        for position in start...(bytes.count - target.count) where bytes[position] == target[0] {
            if bytes[position..<(position + target.count)].elementsEqual(target) { return position }
        }
        return nil
    }
}
