/// uuencode for tests (MailMessage decodes it; this writes it).
enum UUTestEncoder {
    static func encode(_ bytes: [UInt8], name: String) -> String {
        var lines = ["begin 644 \(name)"]
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 45, bytes.count)])
            index += chunk.count
            var line = [character(UInt8(chunk.count))]
            var padded = chunk
            while padded.count % 3 != 0 { padded.append(0) }
            for group in stride(from: 0, to: padded.count, by: 3) {
                let (a, b, c) = (padded[group], padded[group + 1], padded[group + 2])
                line += [character(a >> 2), character(((a & 3) << 4) | (b >> 4)), character(((b & 15) << 2) | (c >> 6)), character(c & 63)]
            }
            lines.append(String(line))
        }
        lines += ["`", "end"]
        return lines.joined(separator: "\r\n")
    }

    private static func character(_ value: UInt8) -> Character { value == 0 ? "`" : Character(UnicodeScalar(value + 32)) }
}
