/// SpamAssassin's table of the charsets each locale reads, for `ok_locales`.
enum Locales {
    private static let cyrillic = "KOI8R KOI8U KOI8T ISOIR111 CP1251 GEORGIANPS CP1251 PT154 CP866"
    private static let charsetsForLocale: [String: Set<String>] = [
        "ja": "EUCJP JISX020119760 JISX020819830 JISX020819900 JISX020819970 JISX021219900 JISX021320001 JISX021320002 SHIFT_JIS SHIFTJIS ISO2022JP SJIS JIS7 JISX0201 JISX0208 JISX0212",
        "ko": "EUCKR KSC56011987",
        "ru": cyrillic, "ka": cyrillic, "tg": cyrillic, "be": cyrillic, "uk": cyrillic, "bg": cyrillic,
        "th": "TIS620",
        "zh": "GB1988 GB2312 GB231219800 GB18030 GBK BIG5HKSCS BIG5 EUCTW ISO2022CN",
    ].mapValues { Set($0.split(separator: " ").map(String.init)) }

    static func isCharsetOK(_ charset: String, locales: [String]) -> Bool {
        var name = String(charset.uppercased().unicodeScalars.filter { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
        while name.hasPrefix("3D") { name.removeFirst(2) }
        if ["USASCII", "ASCII", "IBM852", "XUNKNOWN", "ISO"].contains(name) { return true }
        for prefix in ["ISO8859", "ISO10646", "UTF", "UCS", "CP125", "WINDOWS", "UNICODE11UTF7", "UNICODE11UTF8"] where name.hasPrefix(prefix) {
            return true
        }
        for locale in locales {
            let language = locale == "C" ? "en" : String(locale.prefix(2))
            if charsetsForLocale[language]?.contains(name) == true { return true }
        }
        return false
    }
}
