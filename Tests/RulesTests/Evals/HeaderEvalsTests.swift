import Testing
@testable import Rules

@Suite struct HeaderEvalsTests {
    private func message(_ headers: String, body: String = "hello\n") -> String {
        headers + "\n\n" + body
    }

    private let received = "Received: from mx.example.com (mx.example.com [192.0.2.1]) by in.example.org with ESMTP id 1; Mon, 2 Sep 2002 10:00:00 +0000"

    @Test func shiftedDate() {
        let future = message("From: a@example.com\n\(received)\nDate: Mon, 2 Sep 2002 20:00:00 +0000")
        #expect(EvalHarness.hits("header TEST eval:check_for_shifted_date('6', '12')", future))
        #expect(!EvalHarness.hits("header TEST eval:check_for_shifted_date('12', '24')", future))
        let past = message("From: a@example.com\n\(received)\nDate: Sun, 25 Aug 2002 10:00:00 +0000")
        #expect(EvalHarness.hits("header TEST eval:check_for_shifted_date('undef', '-96')", past))
        // no Received header: the difference is 0
        #expect(!EvalHarness.hits("header TEST eval:check_for_shifted_date('undef', '-96')", message("Date: Sun, 25 Aug 2002 10:00:00 +0000")))
    }

    @Test func dateParsing() {
        #expect(RFC822Date.parse("Mon, 2 Sep 2002 10:00:00 +0000") == 1_030_960_800)
        #expect(RFC822Date.parse("Mon, 2 Sep 2002 12:00:00 +0200") == 1_030_960_800)
        #expect(RFC822Date.parse("2 Sep 2002 05:00:00 EST") == 1_030_960_800)
        // asctime form: SpamAssassin's pattern swallows the time with the date, leaving midnight
        #expect(RFC822Date.parse("Mon Sep  2 10:00:00 2002") == 1_030_924_800)
        #expect(RFC822Date.parse("not a date") == nil)
    }

    /// The byte reader gives the String reader's answers, digits read as `Int(String)` reads
    /// them: a day too long for an Int is 0, so no date.
    @Test func dateParsingOnBytes() {
        let dates = ["Mon, 2 Sep 2002 10:00:00 +0000", "2 SEP 02 10:00 -0130", "Tue, 31 Feb 2004 25:61:61 PDT", "Mon Sep  2 10:00:00 2002",
                     "99999999999999999999 Jan 2003", "1 jan 1920 00:00:00 +9999", "Wed, 4 Mar 999 01:02:03 XYZ", "\t2\tSep\t2002,,  1:02 "]
        for date in dates {
            #expect(RFC822Date.parse(bytes: Array(date.utf8)[...]) == RFC822Date.parse(date), "\(date)")
        }
        #expect(RFC822Date.parse("99999999999999999999 Jan 2003") == nil)
        #expect(RFC822Date.parse("2 SEP 02 10:00 -0130") == RFC822Date.parse("2 Sep 2002 11:30:00 +0000"))
        #expect(RFC822Date.decimal(Array("12".utf8)[...]) == 12)
        #expect(RFC822Date.decimal([]) == nil)
        #expect(RFC822Date.decimal(Array("99999999999999999999".utf8)[...]) == nil)
    }

    /// The Received lines DateSummary reads: split at "\n", white-space-only lines dropped; a
    /// CR keeps "\r\n" together as String does.
    @Test func receivedLinesSplitAsStringDoes() {
        let texts = ["a 1\n \t\nb 2\n\n", "x\r\ny\n", "caf\u{E9}\n\u{A0}\nz\n", ""]
        for text in texts {
            let expected = text.split(separator: "\n").filter { $0.contains(where: { !$0.isWhitespace }) }.map { Array($0.utf8) }
            #expect(DateSummary.receivedLines(Array(text.utf8)).map { Array($0) } == expected, "\(text.debugDescription)")
        }
    }

    /// Two Received dates on one message: the closest one to the Date header decides.
    @Test func shiftedDateReadsEveryReceivedLine() {
        let second = "Received: from a.example.com by mx.example.com; Tue, 3 Sep 2002 02:00:00 +0000"
        let headers = "From: a@example.com\n\(second)\n\(received)\nDate: Mon, 2 Sep 2002 20:00:00 +0000"
        // 6 h before the Tue 02:00 line, 10 h after the Mon 10:00 one: the closest decides
        #expect(EvalHarness.hits("header TEST eval:check_for_shifted_date('-7', '-5')", message(headers)))
        #expect(!EvalHarness.hits("header TEST eval:check_for_shifted_date('5', '7')", message(headers)))
    }

    @Test func illegalChars() {
        let bytes = "From: a@example.com\nSubject: \u{01}\u{02}\u{03} cheap\n\nx\n"
        #expect(EvalHarness.hits("header TEST eval:check_illegal_chars('Subject','0.00','2')", bytes))
        #expect(!EvalHarness.hits("header TEST eval:check_illegal_chars('Subject','0.00','2')", message("Subject: plain subject")))
        // valid UTF-8 without control characters is never illegal
        #expect(!EvalHarness.hits("header TEST eval:check_illegal_chars('Subject','0.00','2')", message("Subject: caf\u{E9} cr\u{E8}me")))
    }

    @Test func illegalCharsCountsTheRawBytesOfNonUTF8Headers() {
        // an EUC-KR display name, as sent unencoded: 6 bytes, none valid UTF-8
        let from: [UInt8] = Array("From: ".utf8) + [0xB1, 0xB3, 0xC0, 0xB0, 0xC6, 0xC0] + Array(" <m@example.kr>\nSubject: s\n\nx\n".utf8)
        #expect(EvalHarness.hits("header TEST eval:check_illegal_chars('From','0.20','2')", bytes: from))
    }

    @Test func headerCount() {
        #expect(EvalHarness.hits("header TEST eval:check_header_count_range('Subject','2','999')", message("Subject: a\nSubject: b")))
        // identical values count once
        #expect(!EvalHarness.hits("header TEST eval:check_header_count_range('Subject','2','999')", message("Subject: a\nSubject: a")))
    }

    @Test func missingTo() {
        #expect(EvalHarness.hits("header TEST eval:check_for_missing_to_header()", message("From: a@example.com")))
        #expect(!EvalHarness.hits("header TEST eval:check_for_missing_to_header()", message("From: a@example.com\nApparently-To: b@example.org")))
    }

    @Test func subjectAllCaps() {
        #expect(EvalHarness.hits("header TEST eval:subject_is_all_caps()", message("Subject: BUY CHEAP PILLS")))
        #expect(EvalHarness.hits("header TEST eval:subject_is_all_caps()", message("Subject: Re: BUY CHEAP PILLS")))
        #expect(!EvalHarness.hits("header TEST eval:subject_is_all_caps()", message("Subject: SHOUTING")))
        #expect(!EvalHarness.hits("header TEST eval:subject_is_all_caps()", message("Subject: Buy Cheap Pills")))
        // an encoded word in a charset whose text looks upper-case: not counted as shouting
        #expect(!EvalHarness.hits("header TEST eval:subject_is_all_caps()", message("Subject: =?koi8-r?Q?BUY_CHEAP_PILLS?=")))
        #expect(EvalHarness.hits("header TEST eval:subject_is_all_caps()", message("Subject: =?utf-8?Q?BUY_CHEAP_PILLS?=")))
    }

    @Test func localPartInSubject() {
        #expect(EvalHarness.hits("header TEST eval:check_for_to_in_subject('user')", message("To: bob@example.org\nSubject: bob, look at this")))
        #expect(!EvalHarness.hits("header TEST eval:check_for_to_in_subject('user')", message("To: bob@example.org\nSubject: look at this")))
        #expect(EvalHarness.hits("header TEST eval:check_for_to_in_subject('address')", message("To: bob@example.org\nSubject: for bob@example.org")))
        // the user part in any case (the case-insensitive alternatives)
        #expect(EvalHarness.hits("header TEST eval:check_for_to_in_subject('user')", message("To: bob@example.org\nSubject: BOB")))
        #expect(EvalHarness.hits("header TEST eval:check_for_to_in_subject('address')", message("To: bob@example.org\nSubject: for BOB@Example.ORG")))
        #expect(!EvalHarness.hits("header TEST eval:check_for_to_in_subject('address')", message("To: bob@example.org\nSubject: for bob@example.organic")))
    }

    @Test func sortedAndSimilarRecipients() {
        let sorted = "To: " + ["aa@x.com", "ab@x.com", "ac@x.com", "ad@x.com", "ae@x.com", "af@x.com", "ag@x.com"].joined(separator: ", ")
        #expect(EvalHarness.hits("header TEST eval:sorted_recipients()", message(sorted)))
        let unsorted = "To: " + ["ag@x.com", "ab@x.com", "ac@x.com", "ad@x.com", "ae@x.com", "af@x.com", "aa@x.com"].joined(separator: ", ")
        #expect(!EvalHarness.hits("header TEST eval:sorted_recipients()", message(unsorted)))
        let similar = "To: " + ["bo1@x.com", "bo2@y.com", "bo3@z.com", "bo4@w.com", "bo5@v.com"].joined(separator: ", ")
        #expect(EvalHarness.hits("header TEST eval:similar_recipients('0.65','undef')", message(similar)))
        let varied = "To: " + ["john@a.com", "mary@b.org", "pete@c.net", "sue@d.de", "tom@e.fr"].joined(separator: ", ")
        #expect(!EvalHarness.hits("header TEST eval:similar_recipients('0.65','undef')", message(varied)))
    }

    @Test func unresolvedTemplate() {
        #expect(EvalHarness.hits("header TEST eval:check_unresolved_template()", message("X-Campaign: %CUSTOMER_ID")))
        #expect(!EvalHarness.hits("header TEST eval:check_unresolved_template()", message("Subject: 100%OFF")))
        #expect(!EvalHarness.hits("header TEST eval:check_unresolved_template()", message("Subject: %FIRST_NAME hello")))
    }

    @Test func equalFromDomains() {
        let different = message("From: a@mail.example.com\nReturn-Path: <b@bounce.other.net>")
        #expect(EvalHarness.hits("header TEST eval:check_equal_from_domains()", different))
        let same = message("From: a@mail.example.com\nReturn-Path: <b@bounce.example.com>")
        #expect(!EvalHarness.hits("header TEST eval:check_equal_from_domains()", same))
        // the last untrusted relay's envelope-from comes before Return-Path
        let relayed = message("""
            From: a@mail.example.com
            Return-Path: <b@bounce.example.com>
            Received: from mx.other.net (mx.other.net [203.0.113.5]) by mail.example.com (8.12.5/8.12.5) with ESMTP id g6LK9ZCU010132; Sun, 21 Jul 2002 15:09:36 -0500 (CDT) (envelope-from list@lists.other.net)
            """)
        #expect(EvalHarness.hits("header TEST eval:check_equal_from_domains()", relayed))
    }

    @Test func outlookMessageID() {
        // the id's timestamp does not match a 2002 date
        let forged = message("Message-ID: <0000ffffffff$00000000$00000000@example.com>\nDate: Mon, 2 Sep 2002 10:00:00 +0000")
        #expect(EvalHarness.hits("header TEST eval:check_outlook_message_id()", forged))
        #expect(!EvalHarness.hits("header TEST eval:check_outlook_message_id()", message("Message-ID: <abc@example.com>")))
    }

    @Test func ratwareNameID() {
        let ratware = message("From: \"Bob\" <bob@example.com>\nMessage-ID: <ABCDEFGHIJKLMNOPQRSTUVWXYZAB.bob@example.com>")
        #expect(EvalHarness.hits("header TEST eval:check_ratware_name_id()", ratware))
        #expect(!EvalHarness.hits("header TEST eval:check_ratware_name_id()", message("From: \"Bob\" <bob@example.com>\nMessage-ID: <x@example.com>")))
    }

    @Test func forgedProviders() {
        let hotmail = message("From: a@hotmail.com\nReceived: from mail.spam.example (helo=hotmail.com) by mx.example.org")
        #expect(EvalHarness.hits("header TEST eval:check_for_forged_hotmail_received_headers()", hotmail))
        let noHotmail = message("From: a@hotmail.com\nReceived: from mail.spam.example by mx.example.org")
        #expect(EvalHarness.hits("header TEST eval:check_for_no_hotmail_received_headers()", noHotmail))
        #expect(!EvalHarness.hits("header TEST eval:check_for_forged_hotmail_received_headers()", noHotmail))
        let yahoo = message("From: a@yahoo.com\nReceived: from mail.spam.example by mx.example.org")
        #expect(EvalHarness.hits("header TEST eval:check_for_forged_yahoo_received_headers()", yahoo))
        let realYahoo = message("From: a@yahoo.com\nReceived: from [1.2.3.4] by web1.mail.yahoo.com via HTTP; Mon, 2 Sep 2002 10:00:00 +0000")
        #expect(!EvalHarness.hits("header TEST eval:check_for_forged_yahoo_received_headers()", realYahoo))
        let gmail = message("From: a@gmail.com\nReceived: from x by y")
        #expect(EvalHarness.hits("header TEST eval:check_for_forged_gmail_received_headers()", gmail))
        // no Received header at all: a gateway stripped them, nothing is called forged
        #expect(!EvalHarness.hits("header TEST eval:check_for_forged_yahoo_received_headers()", message("From: a@yahoo.com")))
        #expect(EvalHarness.hits("header TEST eval:gated_through_received_hdr_remover()", message("From: a@yahoo.com")))
    }

    @Test func fakeAOLRelay() {
        #expect(EvalHarness.hits("header TEST eval:check_for_fake_aol_relay_in_rcvd()", message("Received: from rly-xa01.mx.aol.com by x")))
        #expect(!EvalHarness.hits("header TEST eval:check_for_fake_aol_relay_in_rcvd()", message("Received: from rly-xa01.mx.aol.com (rly-xa01.mail.aol.com [1.2.3.4]) by x (8.8.8/8.8.8/AOL-5.0.0)")))
    }
}
