/// Generated header values for comparing the tokenizer's byte paths with its string paths:
/// pieces of real Received, Date, Message-ID, mailer and Subject values, folding, 8-bit text
/// (valid UTF-8, combining marks, invalid bytes) and punctuation, joined at random.
enum HeaderValueSamples {
    static let pieces: [[UInt8]] = {
        let ascii = [
            "from", "with", "by", "ESMTP", "unknown", "Unknown", "[192.168.1.2]", "10.0.0.1", "1.2.3", "mx.Example.org",
            "mail.example.co.uk.", "id", "Mon,", "12", "Jan", "2002", "+0100", "(PST)", "(", ")", "-0800", "<", ">", "@",
            ".", "..", ";", ",", ":", "\"", "=", "abc.123@Mail.Example.COM", "<20020822.ABC@x.y>", "Re:", "re:", "FW:",
            "Fwd", "Free", "MONEY", "$$$", "!!!", "$5", "Mutt/1.4i", "Microsoft Outlook 6.00.2600.0000", "x-y_z",
            "http://www.example.com/a?b=c", "=?utf-8?B?w6k=?=", "=?iso-8859-1?Q?caf=E9?=", "0", "007", "a", "RE",
        ]
        let spaces = [" ", " ", " ", "\t", "\r\n ", "\n\t", "  ", "\r", "\n"]
        var result = (ascii + spaces).map { Array($0.utf8) }
        result += ["é", "Ünïcödé", "\u{301}", ".\u{301}", "日本語", "\u{216B}", "\u{212A}", "\u{130}"].map { Array($0.utf8) }
        result += [[0xE9], [0xFF, 0xFE], [0xC3], [0x80, 0x41], [0xE2, 0x82]]
        return result
    }()

    /// `count` values; every third one ASCII only, so the byte paths are taken often.
    static func values(count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        let asciiPieces = pieces.filter { $0.allSatisfy { $0 < 0x80 } }
        return (0..<count).map { index in
            let source = index % 3 == 0 ? asciiPieces : pieces
            var value: [UInt8] = []
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                value += source.randomElement(using: &generator)!
            }
            return value
        }
    }
}
