import MailMessage

/// Turns a parsed message into the set of tokens the classifier weighs and the learner counts:
/// header tokens (see `HeaderTokenizer`), the words of every text part (HTML read by
/// `HTMLScanner`, URLs split by `URLTokenizer`), the MIME structure (`mime:`), a digest of each
/// part's content (`part:`, so the same attachment or text block sent again is recognised),
/// attachment names and types (`att:`), HTML hidden text (`hid:`) and parser defects (`defect:`).
public struct Tokenizer: Sendable {
    public let options: TokenizerOptions

    static let mime = TokenPrefix("mime:")
    static let attachment = TokenPrefix("att:")
    static let attachmentName = TokenPrefix("att:n:")
    static let hidden = TokenPrefix("hid:")
    static let hint = TokenPrefix("hint:")
    static let defect = TokenPrefix("defect:")
    static let size = TokenPrefix("size:")
    static let digest = TokenPrefix("part:")

    public init(options: TokenizerOptions = TokenizerOptions()) {
        self.options = options
    }

    public func tokens(of message: MailMessage) -> TokenSet {
        tokens(of: message, marksSecondary: true)
    }

    /// The tokens, with `TokenSet.secondary` left empty unless `marksSecondary`: the learner
    /// counts every token alike and has no use for it.
    func tokens(of message: MailMessage, marksSecondary: Bool) -> TokenSet {
        var sink = TokenSink(keepTexts: options.keepTexts, limit: options.maxTokens, marksSecondary: marksSecondary)
        let text = TextTokenizer(options: options)
        HeaderTokenizer(text: text).tokenize(message.headers, into: &sink)
        sink.endHeader()
        sink.mark(.headerEnd)
        structure(message, into: &sink)
        body(message, text: text, into: &sink)
        for defect in message.defects { sink.emit(Self.defect, defect.kind.rawValue) }
        return sink.finish()
    }

    public func tokens(of raw: [UInt8]) -> TokenSet {
        tokens(of: MailMessage(parsing: raw))
    }

    private func structure(_ message: MailMessage, into sink: inout TokenSink) {
        var parts = 0
        // Tokens are put together here rather than as joined strings.
        var token: [UInt8] = []
        token.reserveCapacity(128)
        for part in message.allParts {
            parts += 1
            let type = part.contentType
            Self.start(&token, "t:")
            Self.appendMIMEType(type, to: &token)
            token.withUnsafeBufferPointer { sink.emit(Self.mime, exactly: $0) }
            if case .multipart = part.content, let boundary = type.boundary {
                Self.start(&token, "b:")
                Shape.append(boundary.utf8, limit: 24, to: &token)
                token.withUnsafeBufferPointer { sink.emit(Self.mime, exactly: $0) }
            }
            guard let leaf = part.leaf else { continue }
            if !leaf.decoded.isEmpty {
                var hasher = TokenHasher()
                leaf.decoded.withUnsafeBufferPointer { hasher.combine($0) }
                token.removeAll(keepingCapacity: true)
                Self.appendHex(hasher.finish(), to: &token)
                token.append(UInt8(ascii: ":"))
                Self.appendMIMEType(type, to: &token)
                token.withUnsafeBufferPointer { sink.emit(Self.digest, exactly: $0) }
            }
            Self.start(&token, "cte:")
            token.append(contentsOf: part.transferEncoding.description.utf8)
            token.withUnsafeBufferPointer { sink.emit(Self.mime, exactly: $0) }
            if let charset = type.charset {
                Self.start(&token, "cs:")
                token.append(contentsOf: charset.utf8)
                if token.allSatisfy({ $0 < 0x80 }) {
                    token.withUnsafeBufferPointer { sink.emit(Self.mime, lowering: $0) }
                } else {
                    sink.emitLowercased(Self.mime, "cs:" + charset)
                }
            }
            if let disposition = part.disposition { sink.emit(Self.mime, "disp:" + disposition.kind) }
            if let name = part.filename { filename(name, type: type.mimeType, into: &sink) }
            for file in leaf.uuencodedFiles { filename(file.name, type: "uuencode", into: &sink) }
        }
        let bucket = parts <= 4 ? String(parts) : parts <= 10 ? "5-10" : "many"
        sink.emit(Self.mime, "parts:" + bucket)
        let kilobytes = message.raw.count >> 10
        sink.emit(Self.size, kilobytes < 2 ? "<2k" : kilobytes < 8 ? "<8k" : kilobytes < 32 ? "<32k" : kilobytes < 128 ? "<128k" : "big")
    }

    private static func start(_ token: inout [UInt8], _ head: StaticString) {
        token.removeAll(keepingCapacity: true)
        token.append(contentsOf: UnsafeBufferPointer(start: head.utf8Start, count: head.utf8CodeUnitCount))
    }

    /// `ContentType.mimeType` ("type/subtype") without making the string.
    static func appendMIMEType(_ type: ContentType, to token: inout [UInt8]) {
        token.append(contentsOf: type.type.utf8)
        token.append(UInt8(ascii: "/"))
        token.append(contentsOf: type.subtype.utf8)
    }

    /// `String(value, radix: 16)`: lower-case hexadecimal without leading zeros.
    static func appendHex(_ value: UInt64, to token: inout [UInt8]) {
        let digits = max(1, (64 - value.leadingZeroBitCount + 3) / 4)
        for index in stride(from: digits - 1, through: 0, by: -1) {
            let nibble = UInt8(truncatingIfNeeded: value >> (UInt64(index) * 4)) & 0x0F
            token.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }

    /// What the HTML renderer noticed beyond the text: images and tracking pixels, scripts,
    /// frames and forms, unknown tags, how much of the source is markup, repaired markup.
    static func hintTokens(_ hints: HTMLHints, into sink: inout TokenSink) {
        func bucket(_ count: Int) -> String { count == 0 ? "0" : count == 1 ? "1" : count <= 5 ? "2-5" : "many" }
        sink.emit(hint, "images:" + bucket(hints.imageCount))
        if hints.webBugCount > 0 { sink.emit(hint, "web-bug") }
        if hints.hasScript { sink.emit(hint, "script") }
        if hints.hasIframe { sink.emit(hint, "iframe") }
        if hints.hasForm { sink.emit(hint, "form") }
        if hints.hasEmbeddedObject { sink.emit(hint, "object") }
        if hints.hasMetaRefresh { sink.emit(hint, "meta-refresh") }
        sink.emit(hint, "unknown-tags:" + bucket(hints.unknownTagCount))
        sink.emit(hint, "unclosed:" + bucket(hints.unclosedTagCount))
        if hints.malformedMarkupCount > 0 { sink.emit(hint, "malformed") }
        let source = hints.tagBytes + hints.textBytes + hints.commentBytes
        if source > 0 {
            let markup = (hints.tagBytes + hints.commentBytes) * 10 / source
            sink.emit(hint, "markup:" + String(markup))
        }
    }

    private func filename(_ name: String, type: String, into sink: inout TokenSink) {
        sink.emit(Self.attachment, "type:" + type)
        let lower = name.lowercased()
        if let dot = lower.lastIndex(of: "."), lower.distance(from: dot, to: lower.endIndex) <= 6 {
            sink.emit(Self.attachment, "ext:" + lower[lower.index(after: dot)...])
        } else {
            sink.emit(Self.attachment, "ext:none")
        }
        var copy = lower
        copy.withUTF8 { TextTokenizer(options: options).tokenize($0, prefix: Self.attachmentName, into: &sink, findURLs: false) }
    }

    private func body(_ message: MailMessage, text: TextTokenizer, into sink: inout TokenSink) {
        var budget = options.maxTextBytes
        var scratch: [UInt8] = []
        for part in message.textParts {
            guard budget > 0, !sink.isFull, let leaf = part.leaf, var content = leaf.text else { continue }
            let isHTML = part.contentType.subtype == "html"
            sink.mark(isHTML ? .htmlPart : .textPart)
            if isHTML {
                scratch.removeAll(keepingCapacity: true)
                content.withUTF8 { html in
                    let cut = UnsafeBufferPointer(rebasing: html[0..<min(html.count, budget)])
                    HTMLScanner.scan(cut, text: &scratch, into: &sink)
                    budget -= cut.count
                }
                scratch.withUnsafeBufferPointer { text.tokenizeBody($0, into: &sink) }
                if let hints = leaf.html?.hints {
                    var hiddenText = hints.hiddenText
                    if !hiddenText.isEmpty {
                        sink.emit(Self.hidden, "*present")
                        hiddenText.withUTF8 { text.tokenize($0, prefix: Self.hidden, into: &sink, findURLs: false, plain: true, maxWords: 200) }
                    }
                    Self.hintTokens(hints, into: &sink)
                }
            } else {
                content.withUTF8 { plain in
                    let cut = UnsafeBufferPointer(rebasing: plain[0..<min(plain.count, budget)])
                    text.tokenizeBody(cut, into: &sink)
                    budget -= cut.count
                }
            }
        }
    }
}
