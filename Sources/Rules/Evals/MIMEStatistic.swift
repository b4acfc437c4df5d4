/// A statistic `check_for_mime(name)` names, read from its name once when the rule is compiled.
enum MIMEStatistic: String, CaseIterable {
    case base64Count = "mime_base64_count"
    case base64EncodedText = "mime_base64_encoded_text"
    case bodyHTMLCount = "mime_body_html_count"
    case bodyTextCount = "mime_body_text_count"
    case farawayCharset = "mime_faraway_charset"
    case multipartAlternative = "mime_multipart_alternative"
    case multipartRatio = "mime_multipart_ratio"
    case qpCount = "mime_qp_count"
    case qpLongLine = "mime_qp_long_line"
    case qpRatio = "mime_qp_ratio"
    case attachment = "mime_attachment"
    case badISOCharset = "mime_bad_iso_charset"
    case asciiTextIllegal = "mime_ascii_text_illegal"
    case textUnicodeRatio = "mime_text_unicode_ratio"
}
