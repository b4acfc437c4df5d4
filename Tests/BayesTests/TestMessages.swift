import MailMessage

/// Messages written for these tests.
enum TestMessages {
    static func parse(_ text: String) -> MailMessage {
        MailMessage(parsing: Array(text.utf8))
    }

    static let plain = """
        Received: from relay.example.net (relay.example.net [192.0.2.17]) by mx.example.org (Postfix) with ESMTP id 4F2A1B; Tue, 3 Sep 2002 10:00:00 +0100
        From: "Alice Example" <alice@mail.example.com>
        To: bob@example.org
        Subject: Quarterly Report draft
        Message-ID: <20020903.ABC123@mail.example.com>
        Date: Tue, 3 Sep 2002 10:00:00 +0100
        X-Mailer: Mutt 1.4.2i

        Here is the quarterly report. Visit http://reports.example.com:8080/q3/summary.html?id=42 for charts.
        Supercalifragilisticexpialidociousness is long.

        """

    static func plainMessage() -> MailMessage { parse(plain) }

    /// Ham-like and spam-like messages with disjoint vocabularies, numbered so each is distinct.
    static func ham(_ number: Int) -> MailMessage {
        parse("""
            From: colleague\(number % 7)@work.example.org
            To: me@example.org
            Subject: meeting notes \(number)
            Message-ID: <ham\(number)@work.example.org>

            The build server compiles the kernel patches; review the repository branch \(number) before lunch.

            """)
    }

    static func spam(_ number: Int) -> MailMessage {
        parse("""
            From: winner\(number)@lottery.example.biz
            To: me@example.org
            Subject: CLAIM YOUR PRIZE \(number)
            Message-ID: <spam\(number)@lottery.example.biz>

            Congratulations! Claim your cash prize now at http://prize.example.biz/claim?n=\(number) limited offer.

            """)
    }
}
