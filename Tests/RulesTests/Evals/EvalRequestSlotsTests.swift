import MailMessage
import Testing
@testable import Rules

/// The load-time forms of the eval lookups answer as the per-call forms they replaced: header
/// requests numbered and parsed once, and address lists that find `*@domain` by one lookup.
@Suite struct EvalRequestSlotsTests {
    @Test func requestsParsedOnceAgreeWithTheStaticHelpers() {
        let pieces = ["From", "EnvelopeFrom", ":addr", ":raw", ":name", ":first", ":last", ":host", " ", "ALL", "ToCc", "x-spam-relays-external",
                      "MESSAGEID", "caf\u{E9}", ":", "Tocc"]
        var generator = SplitMix(seed: 0x5107)
        for _ in 0..<300 {
            let text = (0..<(1 + generator.next(below: 4))).map { _ in pieces[generator.next(below: pieces.count)] }.joined()
            let request = EvalHeaderRequest(text)
            #expect(request.parsed == EvalContext.parsedRequest(text), "\(text.debugDescription)")
            #expect(request.namesPlainField == EvalContext.namesPlainField(request.parsed.name), "\(text.debugDescription)")
            #expect(request.takesFirstValue == EvalContext.takesFirstValue(text), "\(text.debugDescription)")
            #expect(EvalHeaderRequest(text).slot == request.slot, "\(text.debugDescription)")
        }
        #expect(EvalHeaderRequest("From:addr").slot != EvalHeaderRequest("From").slot)
        #expect(EvalHeaderRequestSlots.count > EvalHeaderRequest("From").slot)
    }

    @Test func requestAnswersMatchTheViewsLookup() {
        let message = MailMessage(parsing: Array(("From: \"Bob\" <bob@example.com>\r\nTo: a@x.org, b@y.org\r\nSubject: caf\u{E9} =?utf-8?q?x?=\r\n"
            + "Received: from a by b; Mon, 1 Jan 2024 10:00:00 +0000\r\nReceived: from c by d\r\n\r\nbody\r\n").utf8))
        let views = SpamAssassinViews(message: message, envelopeFrom: "env@example.net")
        let context = EvalContext(views: views, bayesProbability: nil, configuration: EvalConfiguration())
        for text in ["From:addr", "From:name", "To:addr", "Subject", "Subject:raw", "Received", "EnvelopeFrom", "EnvelopeFrom:addr", "Cc", "ToCc:addr"] {
            let request = EvalHeaderRequest(text)
            let values = views.headers.values(for: HeaderRequest(parsing: text), envelopeFrom: views.envelopeFrom).map { ASCII.string($0) }
            for _ in 0..<2 {
                #expect(context.list(request) == values, "\(text)")
                let scalar = context.scalar(request)
                if EvalContext.takesFirstValue(text) {
                    let first = values.first ?? ""
                    #expect(scalar == (first.hasSuffix("\n") ? String(first.dropLast()) : first), "\(text)")
                } else {
                    #expect(scalar == values.joined(), "\(text)")
                }
                #expect(context.scalarBytes(request) == Array(scalar.utf8), "\(text)")
                #expect(context.has(request) == !values.isEmpty, "\(text)")
            }
        }
    }

    @Test func withoutRepeatsKeepsTheFirstOfEqualStrings() {
        var generator = SplitMix(seed: 0x5108)
        let pieces = ["a@b", "A@b", "e\u{301}@x", "\u{E9}@x", "c@d", ""]
        for count in [0, 1, 3, 8, 9, 20] {
            for _ in 0..<20 {
                let addresses = (0..<count).map { _ in pieces[generator.next(below: pieces.count)] }
                var seen = Set<String>()
                #expect(EvalContext.withoutRepeats(addresses) == addresses.filter { seen.insert($0).inserted }, "\(addresses)")
            }
        }
    }

    @Test func addressListDomainLookupMatchesEveryGlob() {
        let patternPieces = ["*@", "*", "?", "a", "@", ".", "com", "*@*.", "b\u{E9}", "x"]
        let textPieces = ["a", "@", ".", "com", "b\u{E9}", "x", "A", "@com"]
        var generator = SplitMix(seed: 0x5109)
        for _ in 0..<40 {
            var list = AddressList()
            var patterns: [String] = []
            for _ in 0..<(1 + generator.next(below: 6)) {
                let pattern = (0..<(1 + generator.next(below: 3))).map { _ in patternPieces[generator.next(below: patternPieces.count)] }.joined()
                list.add(pattern)
                patterns.append(pattern)
            }
            if generator.next(below: 2) == 0, let dropped = patterns.first {
                list.remove(dropped)
                patterns.removeAll { $0.lowercased() == dropped.lowercased() }
            }
            for _ in 0..<10 {
                let address = (0..<generator.next(below: 5)).map { _ in textPieces[generator.next(below: textPieces.count)] }.joined()
                let lowered = AddressList.lowercasedBytes(address)
                let expected = patterns.contains { AddressList.glob(Array($0.lowercased().utf8)[...], matches: lowered[...]) }
                #expect(list.contains(address) == expected, "\(patterns) \(address.debugDescription)")
            }
        }
    }
}
