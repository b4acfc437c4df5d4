import Foundation
import MailMessage
import Testing
@testable import Rules

/// The header scan skips a rule when its slot's prefilter (`SlotPrefilters.candidates`), line
/// gates and repeated literals included (`LiteralPrefilter.gatedCandidates`), turns it away:
/// every stock header rule so turned away must fail to match that text.
@Suite(.enabled(if: StockRules.isPresent, "needs /usr/share/spamassassin (Debian package spamassassin)"))
struct HeaderGatedCandidatesTests {
    static let written = [
        "Received: from [203.0.113.9] (helo=WIN-ABC123) by mx.example.org with esmtp id 1x2y3z; Mon, 2 Jan 2023 10:00:00 +0000\n"
            + "From: \"PAYPAL Service\" <service@paypa1-secure.example.ru>\nTo: victim@example.org\nReply-To: winner2019@mail.ru\n"
            + "Subject: RE: Your account 1234567890 ha$ been l0cked!!! URGENT\nMessage-ID: <20230102100000.ABCDEF0123456789@example.ru>\n"
            + "X-Mailer: Microsoft Outlook Express 6.00.2600.0000\nDate: Mon, 2 Jan 2023 10:00:00 +0000\nMIME-Version: 1.0\n\nbody\n",
        "From: postmaster@example.com\nTo: <undisclosed-recipients:;>\nSubject: =?utf-8?B?w4Rwam9iYmEgaGVtaWZyw6Vu?=\n"
            + "Message-Id: <$1234$abcd@[192.0.2.1]>\nContent-Type: text/plain; charset=\"gb2312\"\nX-Priority: 1 (Highest)\n\nbody\n",
    ]

    static func messages() -> [[UInt8]] {
        var messages = written.map { Array($0.utf8) }
        let corpus = URL(fileURLWithPath: "/work/shared/corpora/spamassassin")
        for folder in ["spam", "ham"] {
            let directory = corpus.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
            for name in names.enumerated().filter({ $0.offset % 97 == 0 }).map(\.element).prefix(25) {
                if let data = try? Data(contentsOf: directory.appendingPathComponent(name)) { messages.append(Array(data)) }
            }
        }
        return messages
    }

    @Test func turnedAwayRulesNeverMatch() {
        let compiled = StockRules.compiled
        let plan = compiled.headerPlan
        var bySlot = [[Int]](repeating: [], count: compiled.headerRequests.count)
        for (index, rule) in compiled.header.enumerated() where rule.requestSlot >= 0 { bySlot[rule.requestSlot].append(index) }
        var turnedAway = 0, gatedAway = 0
        for bytes in Self.messages() {
            let views = SpamAssassinViews(message: MailMessage(parsing: bytes), environment: compiled.viewEnvironment)
            for (slot, members) in bySlot.enumerated() {
                guard let prefilter = plan.literals.prefilters[slot], let text = views.headerText(compiled.headerRequests[slot]) else { continue }
                // what the scan uses, then the gated candidates of long texts too
                let used = text.withUnsafeBufferPointer { plan.literals.candidates(slot: slot, prefilter: prefilter, text: $0) }
                let gated = text.withUnsafeBufferPointer { prefilter.gatedCandidates(in: $0) }
                let plain = prefilter.candidates(in: [text])
                if let used {
                    for index in members where plan.literals.targets[index] >= 0 && !used.contains(plan.literals.targets[index]) {
                        let rule = compiled.header[index]
                        #expect(!rule.regex.firstMatch(in: text).isMatch, "\(compiled.ruleSet.rules[rule.id.index].name) skipped")
                    }
                }
                for index in members {
                    let target = plan.literals.targets[index]
                    guard target >= 0, !gated.contains(target) else { continue }
                    turnedAway += 1
                    if plain.contains(target) { gatedAway += 1 }
                    let rule = compiled.header[index]
                    #expect(!rule.regex.firstMatch(in: text).isMatch,
                            "\(compiled.ruleSet.rules[rule.id.index].name) turned away from \(String(decoding: text, as: UTF8.self).debugDescription)")
                }
            }
        }
        #expect(turnedAway > 1000)
        // the gates, not only the literals, turn rules away
        #expect(gatedAway > 50)
    }
}
