/// HeaderEval's checks of Received headers against the sender's free-mail provider (Hotmail,
/// Yahoo, Gmail, Juno, Eudoramail, AOL): mail claiming such a sender but not carrying the
/// provider's own Received or X- headers.
enum ReceivedEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        switch site.function {
        case "check_for_forged_hotmail_received_headers": .test { $0.hotmail.forged }
        case "check_for_no_hotmail_received_headers": .test { $0.hotmail.missing }
        case "check_for_msn_groups_headers": .test(msnGroups)
        case "check_for_forged_eudoramail_received_headers": .test(eudoramail)
        case "check_for_forged_yahoo_received_headers": .test(yahoo)
        case "check_for_forged_juno_received_headers": .test(juno)
        case "check_for_forged_gmail_received_headers": .test(gmail)
        case "check_for_fake_aol_relay_in_rcvd": .test(fakeAOL)
        case "gated_through_received_hdr_remover": .test(gatedThroughReceivedRemover)
        case "check_for_forged_gw05_received_headers": .test(gw05)
        default: nil
        }
    }

    private static let ip = #"(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"#

    private static func regex(_ pattern: String, _ options: RegexOptions = []) -> CompiledRegex {
        try! CompiledRegex(pattern, options: options)
    }

    /// All Received fields, white space runs as one space (computed once per message).
    private static func received(_ context: EvalContext) -> [UInt8] {
        context.squeezedReceived
    }

    /// The bytes with each run of white space as one space.
    static func squeezed(_ text: [UInt8]) -> [UInt8] {
        text.withUnsafeBufferPointer { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var written = 0
                var afterSpace = false
                for byte in bytes {
                    if ASCII.isPerlSpace(byte) {
                        if !afterSpace {
                            buffer[written] = 0x20
                            written += 1
                            afterSpace = true
                        }
                    } else {
                        buffer[written] = byte
                        written += 1
                        afterSpace = false
                    }
                }
                count = written
            }
        }
    }

    private static let ezmlm = regex(#"^contact \S+\@\S+\; run by ezmlm$"#, .multiline)
    private static let ezmlmDeliveredTo = regex(#"^mailing list \S+\@\S+"#, .multiline)
    private static let qmailInvoked = regex(#"qmail \d+ invoked (?:from network|by .{3,20})\); \d+ ... \d+"#)
    private static let msnGroupsReceived = regex(#"from groups\.msn\.com \(\S+\.msn\.com "#)

    static func gatedThroughReceivedRemover(_ context: EvalContext) -> Bool {
        context.gatedThroughReceivedRemover
    }

    /// `gated_through_received_hdr_remover`, worked out once per message by `EvalContext`.
    static func computeGatedThroughReceivedRemover(_ context: EvalContext) -> Bool {
        if context.has(.mailingList), ezmlm.matches(bytes: context.scalarBytes(.mailingList)),
           ezmlmDeliveredTo.matches(bytes: context.scalarBytes(.deliveredTo)), qmailInvoked.matches(bytes: context.scalarBytes(.received)) {
            return true
        }
        guard context.has(.received) else { return true }
        return msnGroupsReceived.matches(bytes: context.scalarBytes(.received))
    }

    private static let hotmailPickup = regex(#"from mail pickup service by hotmail\.com with Microsoft SMTPSVC;"#)
    private static let ipAddress = regex(ip)
    private static let originator = regex(#"hotmail\.com|msonline\-outlook"#)
    private static let hotmailPasses = [
        (regex(#"from (?:\S*\.)?hotmail.com \(\S+\.hotmail(?:\.msn)?\.com[ \)]"#), false),
        (regex(#"from \S*\.outbound\.protection\.outlook\.com \(\S+\.outbound\.protection\.outlook\.com[ \)]"#), true),
        (regex(#"from \S*\.(?:eur|nam)prd\d+\.prod\.outlook\.com \("# + ip + #"\)"#), true),
        (regex(#"from \S*\.hotmail.com \(\["# + ip + #"\][ \):]"#), false),
        (regex(#"from \S+ by \S+\.hotmail(?:\.msn)?\.com with HTTP\;"#), false),
        (regex(#"from \[66\.218.\S+\] by \S+\.yahoo\.com"#), false),
    ]
    private static let hotmailHelo = regex(#"(?:from |HELO |helo=)\S*hotmail\.com\b"#)
    private static let hotmailAddress = regex(#"\bhotmail\.com$"#, .caseless)
    private static let hotmailDotCom = Array("hotmail.com".utf8)

    static func hotmail(_ context: EvalContext) -> (forged: Bool, missing: Bool) {
        // squeezing only shortens white space: without the literal "hotmail.com" in the fields
        // the HELO pattern cannot match, and the squeezed copy is not needed
        let hotmailHeloSeen = ASCII.contains(context.scalarBytes(.received), hotmailDotCom) && hotmailHelo.matches(bytes: received(context))
        let fromHotmail = hotmailAddress.matches(bytes: context.scalarBytes(.fromAddress))
        // every other answer is (false, false): the passes below only decide between them
        guard hotmailHeloSeen || fromHotmail else { return (false, false) }
        let rcvd = received(context)
        if hotmailPickup.matches(bytes: rcvd) || msnGroups(context) { return (false, false) }
        let hasIP = context.has(.xOriginatingIp) && ipAddress.matches(bytes: context.scalarBytes(.xOriginatingIp))
        let hasOriginator = context.has(.xOriginatorOrg) && originator.matches(bytes: context.scalarBytes(.xOriginatorOrg))
        if gatedThroughReceivedRemover(context) { return (false, false) }
        for (pattern, needsOriginator) in hotmailPasses where pattern.matches(bytes: rcvd) && (needsOriginator ? hasOriginator : hasIP) {
            return (false, false)
        }
        if hotmailHeloSeen { return (true, false) }
        return (false, fromHotmail)
    }

    private static let msnTo = regex(#"<(\S+)\@groups\.msn\.com>"#, .caseless)
    private static let msnPickup = regex(#"from mail pickup service by ((?:p\d\d\.)groups\.msn\.com)\b"#)

    static func msnGroups(_ context: EvalContext) -> Bool {
        guard let list = msnTo.firstGroup(in: context.scalarBytes(.to)),
              let server = msnPickup.firstGroup(in: context.scalarBytes(.received)) else { return false }
        let listName = RegexEscaping.quote(ASCII.string(list))
        let messageID = context.scalar(.messageId)
        if ASCII.string(list) == "notifications" {
            return (try? CompiledRegex("^<\\S+\\@" + RegexEscaping.quote(ASCII.string(server)) + ">", jit: false))?.matches(messageID) ?? false
        }
        guard (try? CompiledRegex("^<\(listName)-\\S+\\@groups\\.msn\\.com>", jit: false))?.matches(messageID) == true else { return false }
        return (try? CompiledRegex("\(listName)-bounce\\@groups\\.msn\\.com", jit: false))?.matches(bytes: context.scalarBytes(.envelopeFromAddress)) ?? false
    }

    private static let eudoraAddress = regex(#"\beudoramail\.com$"#, .caseless)
    private static let whowhere = regex(#"by \S*whowhere.com\;"#)

    static func eudoramail(_ context: EvalContext) -> Bool {
        guard eudoraAddress.matches(bytes: context.scalarBytes(.fromAddress)) else { return false }
        let rcvd = received(context)
        let hasIP = context.has(.xSenderIp) && ipAddress.matches(bytes: context.scalarBytes(.xSenderIp))
        if gatedThroughReceivedRemover(context) { return false }
        return !(whowhere.matches(bytes: rcvd) && hasIP)
    }

    private static let yahooAddress = regex(#"\byahoo\.com$"#, .caseless)
    private static let yahooRelay = regex(#"^from \S+ \((?:\S+ )?\S+\.yahoo\.com[ \)\[]"#)
    private static let yahooPasses = [
        regex(#"by web\S+\.mail\S*\.yahoo\.com via HTTP"#), regex(#"by sonic\S+\.consmr\.mail\S*\.yahoo\.com with HTTP"#),
        regex(#"by smtp\S+\.yahoo\.com with SMTP"#), regex(#"from \["# + ip + #"\] by \S+\.(?:groups|scd|dcn)\.yahoo\.com with NNFMP"#),
        regex(#"by \w+\.\w+\.yahoo\.com \(\d+\.\d+\.\d+\/\d+\.\d+\.\d+\)(?: with ESMTP)? id \w+"#),
    ]
    private static let yahooBulk = regex(#"\bmailer\d+\.bulk\.scd\.yahoo\.com\b"#)
    private static let yahooReply = regex(#"\@reply\.yahoo\.com$"#, .caseless)

    static func yahoo(_ context: EvalContext) -> Bool {
        let from = context.scalar(.fromAddress)
        guard yahooAddress.matches(from) else { return false }
        var rcvd = context.scalarBytes(.received)
        if !context.scalar(.resentFrom).isEmpty, !context.scalar(.resentTo).isEmpty {
            let xReceived = context.scalarBytes(.xReceived)
            if !xReceived.isEmpty { rcvd = xReceived }
        }
        rcvd = squeezed(rcvd)
        if gatedThroughReceivedRemover(context) { return false }
        // The first relay's reverse DNS, as far as the Received header itself tells it.
        if let first = context.list(.received).first, yahooRelay.matches(bytes: squeezed(Array(first.utf8))) { return false }
        if yahooPasses.contains(where: { $0.matches(bytes: rcvd) }) { return false }
        if yahooBulk.matches(bytes: rcvd), yahooReply.matches(from) { return false }
        return true
    }

    private static let junoAddress = regex(#"\bjuno\.com$"#, .caseless)
    private static let junoReceived = regex(#"from.*\b(?:juno|untd)\.com.*[\[\(]"# + ip + #"[\]\)].*by"#)
    private static let junoCookie = regex(#" cookie\.(?:juno|untd)\.com "#)
    private static let mailComReceived = regex(#"from.*\bmail\.com.*\["# + ip + #"\].*by"#)
    private static let mailComMailer = regex(#"\bmail\.com"#)
    private static let untdWebmail = regex(#"from (webmail\S+\.untd\.com) \(\1 \["# + ip + #"\]\) by"#)
    private static let webmailVersion = regex(#"^Webmail Version \d"#)

    static func juno(_ context: EvalContext) -> Bool {
        guard junoAddress.matches(bytes: context.scalarBytes(.fromAddress)), !gatedThroughReceivedRemover(context) else { return false }
        let originating = context.scalar(.xOriginatingIPCapitals), mailer = context.scalar(.xMailer), rcvd = context.scalarBytes(.received)
        if !originating.isEmpty {
            if !junoReceived.matches(bytes: rcvd), !junoCookie.matches(bytes: rcvd) { return true }
            return !mailer.contains("Juno ")
        }
        if mailComReceived.matches(bytes: rcvd) {
            if !mailComMailer.matches(mailer) { return true }
        } else if untdWebmail.matches(bytes: rcvd) {
            if !webmailVersion.matches(mailer) { return true }
        } else {
            return true
        }
        return !ipAddress.matches(originating)
    }

    private static let gmailAddress = regex(#"\bgmail\.com$"#, .caseless)
    private static let gmailXReceived = [regex(#"by 10\.\S+ with SMTP id \S+"#), regex(#"by 2002\:a\d\d\:\w+\:\S+ with SMTP id \S+"#)]
    private static let googlemail = regex(#"by smtp\.googlemail\.com with ESMTPSA id \S+"#)

    static func gmail(_ context: EvalContext) -> Bool {
        guard gmailAddress.matches(bytes: context.scalarBytes(.fromAddress)) else { return false }
        let xReceived = context.scalar(.xReceived)
        if gmailXReceived.contains(where: { $0.matches(xReceived) }) { return false }
        if googlemail.matches(bytes: context.scalarBytes(.received)) { return false }
        let minimum = 60
        return !(context.scalar(.xGmMessageState).utf8.count >= minimum && context.scalar(.xGoogleSmtpSource).utf8.count >= minimum)
    }

    private static let aolRelay = regex(#" rly-[a-z][a-z]\d\d\."#, .caseless)
    private static let aolRelayLiteral = Array("rly-".utf8)
    private static let aolVia = regex(#"\/AOL-\d+\.\d+\.\d+\)"#)
    private static let aolID = regex(#"ESMTP id (?:RELAY|MAILRELAY|MAILIN)"#)

    static func fakeAOL(_ context: EvalContext) -> Bool {
        // the relay pattern holds "rly-" (no white space in it): without it in the fields the
        // squeezed copy cannot match
        guard ASCII.containsIgnoringCase(context.scalarBytes(.received), aolRelayLiteral) else { return false }
        let rcvd = received(context)
        guard aolRelay.matches(bytes: rcvd) else { return false }
        return !aolVia.matches(bytes: rcvd) && !aolID.matches(bytes: rcvd)
    }

    private static let gw05Pattern = regex(#"\nfrom\s(\S+)\sby\s(\S+)\swith\sESMTP\;\s+\S\S\S,\s+\d+\s+\S\S\S\s+\d{4}\s+\d\d:\d\d:\d\d\s+[-+]*\d{4}\n$"#, .dotAll)

    static func gw05(_ context: EvalContext) -> Bool {
        let rcvd = context.scalarBytes(.received)
        guard let groups = gw05Pattern.captureGroups(in: rcvd), groups.count > 2, let by = groups[2] else { return false }
        return !rcvd[by].contains(UInt8(ascii: "."))
    }

    private static let listUnsubscribe = regex(#"<mailto:(?:leave-\S+|\S+-unsubscribe)\@\S+>$"#, .caseless)

    private static let cwtDCE = Array("/CWT/DCE)".utf8)
    private static let iPlanet = Array("iPlanet Messaging Server".utf8)

    static func messageIDNotUsable(_ context: EvalContext) -> Bool {
        if listUnsubscribe.matches(bytes: context.scalarBytes(.listUnsubscribe)) { return true }
        if gatedThroughReceivedRemover(context) { return true }
        let rcvd = context.scalarBytes(.received)
        // Non-ASCII text keeps String's search (it compares characters, not bytes)
        guard rcvd.allSatisfy({ $0 < 0x80 }) else {
            let text = context.scalar(.received)
            return text.contains("/CWT/DCE)") || text.contains("iPlanet Messaging Server")
        }
        return ASCII.contains(rcvd, Self.cwtDCE) || ASCII.contains(rcvd, Self.iPlanet)
    }
}
