/// What the header tokenizer does with a field, told from its lower-cased name bytes (no
/// string is made for the name).
enum HeaderFieldKind {
    case subject, from, to, cc, replyTo, returnPath, sender, errorsTo, received, messageID, mailer, date, contentType, other

    init(lowercased name: UnsafeBufferPointer<UInt8>) {
        func named(_ literal: StaticString) -> Bool {
            guard name.count == literal.utf8CodeUnitCount else { return false }
            let bytes = literal.utf8Start
            for index in 0..<name.count where name[index] != bytes[index] { return false }
            return true
        }
        switch name.count {
        case 2: self = named("to") ? .to : named("cc") ? .cc : .other
        case 4: self = named("from") ? .from : named("date") ? .date : .other
        case 6: self = named("sender") ? .sender : .other
        case 7: self = named("subject") ? .subject : .other
        case 8: self = named("received") ? .received : named("reply-to") ? .replyTo : named("x-mailer") ? .mailer : .other
        case 9: self = named("errors-to") ? .errorsTo : named("x-mimeole") ? .mailer : .other
        case 10: self = named("message-id") ? .messageID : named("user-agent") ? .mailer : .other
        case 11: self = named("return-path") ? .returnPath : .other
        case 12: self = named("content-type") ? .contentType : named("x-newsreader") ? .mailer : .other
        default: self = .other
        }
    }

    /// Whether the field's words are tokens under its name (`HeaderWords`): not for the fields
    /// in `HeaderWords.skipped`.
    var hasWords: Bool {
        switch self {
        case .received, .date, .messageID, .subject, .from, .to, .cc, .contentType: false
        default: true
        }
    }
}
