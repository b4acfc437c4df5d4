/// RFC 2047 encoded words in header text. (Minimal version; being completed.)
public enum EncodedWordDecoder {
    /// Decodes every `=?charset?B|Q?…?=` word in an unfolded header value; white space between
    /// adjacent encoded words is dropped. Malformed words stay as written and are reported.
    public static func decode(_ text: String) -> (text: String, defects: [DefectKind]) {
        (text, [])
    }
}
