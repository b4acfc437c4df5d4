import Testing
@testable import Rules

/// The byte reading of Received fields gives the outcome the text reading gives, on generated
/// fields built from the pieces MTAs write; fields that are not ASCII go to the text reading.
@Suite struct ReceivedLineByteParserTests {
    static let pieces = [
        "from ", "(from ", "by ", " by ", ")by ", "mx.example.com", "mail.example.org.", "unknown", "UNKNOWN", "localhost",
        "[192.0.2.7]", "(192.0.2.7)", "[10.1.2.3]", "198.51.100.4", "[IPv6:2001:db8::1]", "(HELO relay.example.net)",
        "(EHLO [192.0.2.9])", "helo=host.example", "(helo=x.example)", "(user@[192.0.2.8])", "(IDENT:root@host [203.0.113.5])",
        "(host.example [203.0.113.5])", "(unknown [203.0.113.6])", "with ESMTP", "with ESMTPSA", "with SMTP", "with local for",
        "with POP3", "with HTTP", "(Postfix) with", "Exim 4.50", "(qmail 123 invoked from network)", " id 1A2b3C-000x", " id <q1>",
        "for <a@example.com>;", "envelope-from <b@example.org>", "X-Originating-IP: 192.0.2.1", ";", " ;", " ", "  ", "\t", "\n\t",
        "(", ")", "[", "]", "Microsoft SMTPSVC", "Mon, 2 Sep 2002 11:34:56 +0100", "; Tue, 3 Sep 2002 01:02:03 -0700", "(8.11.6/8.11.6)",
    ]

    static func generated(_ count: Int, seed: UInt64, extra: [String] = []) -> [String] {
        var random = SplitMix(seed: seed)
        let all = pieces + extra
        return (0..<count).map { _ in
            var field = random.next(below: 4) == 0 ? "" : "from "
            for _ in 0..<(2 + random.next(below: 9)) {
                field += all[random.next(below: all.count)]
                if random.next(below: 3) > 0 { field += " " }
            }
            return field
        }
    }

    @Test func asciiFieldsReadAsTheTextReadingReadsThem() {
        var relays = 0
        for field in Self.generated(400, seed: 7) {
            let bytes = ReceivedLineByteParser.parse(field)
            #expect(bytes == ReceivedLineParser.parseText(field), "\(field)")
            if case .relay = bytes { relays += 1 }
        }
        #expect(relays > 20)
    }

    @Test func realisticFieldsReadTheSame() {
        let fields = [
            "from mail.example.org (mail.example.org [192.0.2.7]) by mx.example.com (Postfix) with ESMTP id 1A2B3C for <a@example.com>; Mon, 2 Sep 2002 11:34:56 +0100",
            "from relay.example.net ([203.0.113.5] helo=relay.example.net) by mx.example.com with esmtp (Exim 4.50) id 1A2b3C-000x; Mon, 2 Sep 2002 11:34:56 +0100",
            "from unknown (HELO relay.example.net) (198.51.100.4) by mx.example.com with SMTP; 2 Sep 2002 11:34:56 -0000",
            "from localhost (localhost [127.0.0.1])\n\tby mx.example.com (Postfix) with ESMTP id 12345\n\tfor <a@example.com>; Mon, 2 Sep 2002 11:34:56 +0100 (IST)",
            "from [10.1.2.3] by mx.example.com with HTTP; Mon, 2 Sep 2002 11:34:56 +0100",
            "from x (user@[192.0.2.8]) by y with ESMTPSA id q1 ;",
        ]
        for field in fields {
            #expect(ReceivedLineByteParser.parse(field) == ReceivedLineParser.parseText(field), "\(field)")
        }
        guard case .relay(let relay) = ReceivedLineByteParser.parse(fields[0]) else {
            Issue.record("no relay read")
            return
        }
        #expect(relay.ip == "192.0.2.7" && relay.rdns == "mail.example.org" && relay.by == "mx.example.com")
    }

    @Test func nonASCIIFieldsGoToTheTextReading() {
        let extra = ["caf\u{E9}.example", "\u{A0}", "E\u{301}xim", "\u{2028}", "\u{212A}nown"]
        for field in Self.generated(200, seed: 8, extra: extra) {
            let isASCII = field.utf8.allSatisfy { $0 < 0x80 }
            #expect((ReceivedLineByteParser.parse(field) == nil) == !isASCII, "\(field)")
            #expect(ReceivedLineParser.parse(field) == ReceivedLineParser.parseText(field), "\(field)")
        }
        // invalid UTF-8 in the header arrives repaired as U+FFFD: not ASCII either
        let repaired = String(decoding: Array("from x [192.0.2.1] by y".utf8) + [0xFF], as: UTF8.self)
        #expect(ReceivedLineByteParser.parse(repaired) == nil)
    }

    @Test func privateAddressTestAgreesWithSplittingTheAddress() {
        let fields = ["10", "127", "169", "254", "172", "16", "31", "32", "192", "168", "100", "64", "128", "+10", "-1", "", "x", "0",
                      "99999999999999999999", "1\u{E9}", "\u{FF10}"]
        var random = SplitMix(seed: 5)
        for _ in 0..<300 {
            let ip = (0..<(1 + random.next(below: 4))).map { _ in fields[random.next(below: fields.count)] }.joined(separator: ".")
            let octets = ip.split(separator: ".", omittingEmptySubsequences: false)
            var expected = false
            if octets.count >= 2, let first = Int(octets[0]), let second = Int(octets[1]) {
                switch first {
                case 10, 127: expected = true
                case 169: expected = second == 254
                case 172: expected = (16...31).contains(second)
                case 192: expected = second == 168
                case 100: expected = (64...127).contains(second)
                default: expected = false
                }
            }
            #expect(ReceivedRelay(ip: ip).isPrivateAddress == expected, "\(ip)")
        }
    }

    @Test func noReverseDNSByBytesAgreesWithTheTextTest() {
        let names = ["", ".", "..", "unknown", "UNKNOWN.", "Unknown..", "unknownx", "[1.2.3.4]", "[x", "host.example.", "a", "unknow"]
        for name in names {
            let reading = ReceivedLayoutCascade.Reading(lookedUp: true, ip: nil, name: name, helo: nil)
            var trimmed = Substring(name)
            while trimmed.last == "." { trimmed.removeLast() }
            let expected = trimmed.isEmpty || trimmed.lowercased() == "unknown" || trimmed.hasPrefix("[")
            #expect(ReceivedLayoutCascade.Reading.noReverseDNSByBytes(name) == expected, "\(name)")
            #expect(reading.noReverseDNS == expected, "\(name)")
        }
        #expect(ReceivedLayoutCascade.Reading.noReverseDNSByBytes("caf\u{E9}") == nil)
    }

    @Test func memmemSearchFindsWhatTheLoopFinds() {
        let alphabet: [UInt8] = Array("ab )by".utf8)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 0...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            text.withUnsafeBufferPointer { bytes in
                needle.withUnsafeBufferPointer { pattern in
                    #expect(ReceivedLineParser.firstOffset(of: pattern, in: bytes) == ReceivedLineParser.firstOffsetByLoop(of: pattern, in: bytes),
                            "\(needle) in \(text)")
                }
            }
        }
    }
}
