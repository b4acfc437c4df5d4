#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The header field names most mail carries, as string literals (which cost no allocation and
/// no reference counting): a field whose name is written exactly so (same case) takes the
/// literal instead of decoding a copy of its own.
enum CommonHeaderNames {
    /// The name in `buffer` as a string, a literal when it is a common one.
    static func name(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        guard let base = buffer.baseAddress else { return "" }
        switch buffer.count {
        case 2:
            if same(base, "To") { return "To" }
            if same(base, "Cc") { return "Cc" }
        case 4:
            if same(base, "Date") { return "Date" }
            if same(base, "From") { return "From" }
        case 6:
            if same(base, "Sender") { return "Sender" }
        case 7:
            if same(base, "Subject") { return "Subject" }
            if same(base, "List-Id") { return "List-Id" }
        case 8:
            if same(base, "Received") { return "Received" }
            if same(base, "X-Mailer") { return "X-Mailer" }
            if same(base, "Reply-To") { return "Reply-To" }
        case 9:
            if same(base, "Errors-To") { return "Errors-To" }
            if same(base, "List-Help") { return "List-Help" }
            if same(base, "List-Post") { return "List-Post" }
        case 10:
            if same(base, "Message-Id") { return "Message-Id" }
            if same(base, "Message-ID") { return "Message-ID" }
            if same(base, "Precedence") { return "Precedence" }
            if same(base, "References") { return "References" }
            if same(base, "X-Priority") { return "X-Priority" }
        case 11:
            if same(base, "Return-Path") { return "Return-Path" }
            if same(base, "X-Beenthere") { return "X-Beenthere" }
            if same(base, "In-Reply-To") { return "In-Reply-To" }
        case 12:
            if same(base, "Delivered-To") { return "Delivered-To" }
            if same(base, "Content-Type") { return "Content-Type" }
            if same(base, "MIME-Version") { return "MIME-Version" }
            if same(base, "List-Archive") { return "List-Archive" }
        case 14:
            if same(base, "List-Subscribe") { return "List-Subscribe" }
        case 16:
            if same(base, "List-Unsubscribe") { return "List-Unsubscribe" }
        case 17:
            if same(base, "X-Mailman-Version") { return "X-Mailman-Version" }
        case 25:
            if same(base, "Content-Transfer-Encoding") { return "Content-Transfer-Encoding" }
        default:
            break
        }
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Whether the bytes at `base` spell `literal` exactly; the caller checked the length.
    @inline(__always)
    private static func same(_ base: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        memcmp(base, literal.utf8Start, literal.utf8CodeUnitCount) == 0
    }
}
