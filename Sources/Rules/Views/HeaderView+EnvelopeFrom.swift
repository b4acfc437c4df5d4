extension HeaderView {
    /// The envelope sender SpamAssassin guesses when no door told it (`get_envelope_from` with no
    /// `envelope_sender_header`), in its order:
    /// 1. the `envelope-from` the last untrusted relay's Received field recorded (the first
    ///    trusted relay's when all are trusted), when it holds an "@";
    /// 2. nothing, when an X-Sender address and a fetchmail Received field are both present
    ///    (fetchmail reuses a list's X-Sender as its own envelope sender);
    /// 3. the first X-Envelope-From address, unless some Received field stands above some
    ///    X-Envelope-From field (then nothing);
    /// 4. the first Envelope-Sender, then the first Return-Path address, each skipped when some
    ///    Received field stands above some field of that name.
    func guessedEnvelopeFrom() -> String? {
        if let relays {
            let lastHop = relays.untrustedRelays.first ?? relays.trustedRelays.last
            if let sender = lastHop?.envelopeFrom, sender.dropFirst().utf8.contains(UInt8(ascii: "@")) { return sender }
        }
        let xSender = HeaderRequest(name: "x-sender", addresses: true, firstOnly: true)
        if let address = values(for: xSender).first, address.contains(0x40),
           positions["received", default: []].contains(where: { fields[$0].decoded.contains("(fetchmail") }) {
            return nil
        }
        let firstReceived = positions["received"]?.first
        for name in ["x-envelope-from", "envelope-sender", "return-path"] {
            let request = HeaderRequest(name: name, addresses: true, firstOnly: true)
            guard let address = values(for: request).first else { continue }
            if let firstReceived, let last = positions[name]?.last, firstReceived < last {
                if name == "x-envelope-from" { return nil }
                continue
            }
            return String(decoding: address, as: UTF8.self)
        }
        return nil
    }
}
