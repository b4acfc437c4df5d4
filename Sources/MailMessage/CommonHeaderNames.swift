#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The header field names most mail carries, each kept as one shared string: a field whose name
/// is written exactly so (same case) takes it from here instead of decoding a copy of its own.
enum CommonHeaderNames {
    private static let names: [String] = [
        "Received", "Date", "From", "To", "Cc", "Subject", "Message-ID", "Message-Id", "Return-Path",
        "Delivered-To", "Reply-To", "In-Reply-To", "References", "Sender", "Errors-To", "Precedence",
        "MIME-Version", "Mime-Version", "Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
        "Content-Length", "Content-ID", "Content-Description", "Content-Class", "List-Id", "List-Unsubscribe",
        "List-Subscribe", "List-Help", "List-Post", "List-Archive", "Mailing-List", "Mail-Followup-To",
        "X-Mailer", "X-Priority", "X-MSMail-Priority", "X-Msmail-Priority", "X-MimeOLE", "X-Mimeole",
        "X-Mailman-Version", "X-Beenthere", "X-Original-Date", "X-Authentication-Warning", "User-Agent",
        "Delivery-Date", "X-Keywords", "Organization", "Importance", "X-Loop", "X-Sender", "X-Status",
        "X-Accept-Language", "X-Originating-IP", "X-Originating-Ip", "Thread-Index", "X-Apparently-To",
        "X-Spam-Status", "X-Spam-Level", "X-Virus-Scanned", "Status", "Lines", "Envelope-To", "X-UID",
    ]

    /// Names are compared only with names of their length: `byLength[count]` lists their indices.
    private static let byLength: [[Int]] = {
        var table = [[Int]](repeating: [], count: 32)
        for (index, name) in names.enumerated() where name.utf8.count < table.count {
            table[name.utf8.count].append(index)
        }
        return table
    }()

    private static let bytes: [[UInt8]] = names.map { Array($0.utf8) }

    /// The name in `buffer` (printable ASCII) as a string, shared when it is a common one.
    static func name(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        let count = buffer.count
        guard count > 0, count < byLength.count, let base = buffer.baseAddress else {
            return String(decoding: buffer, as: UTF8.self)
        }
        for index in byLength[count] {
            let matches = bytes[index].withUnsafeBufferPointer { known in
                known[0] == base[0] && memcmp(known.baseAddress!, base, count) == 0
            }
            if matches { return names[index] }
        }
        return String(decoding: buffer, as: UTF8.self)
    }
}
