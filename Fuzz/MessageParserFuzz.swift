// libFuzzer entry point for the message parser. Built by scripts/fuzz-message.sh into one module
// with Sources/MailMessage, so it calls the parser directly.

@_cdecl("LLVMFuzzerTestOneInput")
public func messageParserFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // Small limits so the fuzzer reaches them quickly.
    let limits = MessageLimits(maxHeaderBytes: 4096, maxHeaderFields: 64, maxLineLength: 200, maxMimeDepth: 8, maxParts: 64, maxDecodedBytes: 1 << 16)
    let message = MailMessage(parsing: bytes, limits: limits)
    precondition(message.raw == bytes, "raw bytes must be kept")
    var sink = 0
    for field in message.headers.fields {
        precondition(field.raw.startIndex >= 0 && field.raw.endIndex <= bytes.count)
        sink &+= field.value.utf8.count
    }
    for part in message.allParts {
        sink &+= part.filename?.utf8.count ?? 0
        sink &+= part.leaf?.renderedText?.utf8.count ?? 0
    }
    sink &+= message.from.count &+ message.uris.count
    let rewritten = HeaderRewriter(message).rewrite(removing: ["X-Spam-Flag"], adding: [("X-Spam-Flag", "YES")], subjectPrefix: "[SPAM]")
    precondition(rewritten.count >= bytes.count - message.headers.raw.count)
    return sink == -1 ? 1 : 0
}
