/// How bytes declared in a charset are read: the canonical name of the charset actually used and
/// the decoder for it. Labels are matched the way mail readers match them: case, quotes, white
/// space, punctuation and trailing junk (`utf-8; format=flowed`) do not matter, and a label is read
/// as the superset that real senders mean (ISO-8859-1 as Windows-1252, GB2312 as GB18030,
/// EUC-KR as CP949, Shift_JIS as CP932, Big5 as CP950).
struct CharsetDecoding: Equatable, Sendable {
    enum Method: Equatable, Sendable {
        /// No usable charset declared: look at the bytes.
        case sniff
        case ascii
        case utf8
        case windows1252
        /// Rewritten to CP932 in Swift, then read by iconv (glibc's ISO-2022-JP lacks the NEC and
        /// half-width katakana characters that Japanese mail uses).
        case iso2022JP
        /// Read by iconv under `name`. `asciiCompatible` charsets read bytes below 0x80 as ASCII, so
        /// all-ASCII input needs no conversion.
        case iconv(name: String, asciiCompatible: Bool)
        /// The label cannot name a charset (bad characters, too long).
        case unknown
    }

    /// Canonical lower-case name; for `.sniff` and `.unknown` the cleaned label.
    let name: String
    let method: Method

    private static let utf8 = CharsetDecoding(name: "utf-8", method: .utf8)
    private static let ascii = CharsetDecoding(name: "us-ascii", method: .ascii)
    private static let windows1252 = CharsetDecoding(name: "windows-1252", method: .windows1252)

    static func resolve(_ label: String) -> CharsetDecoding {
        // The labels nearly all mail uses, spelled the usual way, skip the cleaning.
        if HeaderText.equalsIgnoringCase(label, "utf-8") { return utf8 }
        if HeaderText.equalsIgnoringCase(label, "us-ascii") { return ascii }
        if HeaderText.equalsIgnoringCase(label, "iso-8859-1") || HeaderText.equalsIgnoringCase(label, "windows-1252") {
            return windows1252
        }
        let cleaned = clean(label)
        if cleaned.isEmpty {
            // Nothing but white space and quotes says nothing; anything else is a name we cannot read.
            let saysNothing = label.utf8.allSatisfy(isJunk)
            return CharsetDecoding(name: saysNothing ? "" : label, method: saysNothing ? .sniff : .unknown)
        }
        guard cleaned.utf8.count <= 64 else { return CharsetDecoding(name: cleaned, method: .unknown) }
        let key = lookupKey(cleaned)
        // "x-" marks unregistered names; most are registered ones with the prefix (x-sjis, x-cp1251).
        for candidate in key.hasPrefix("x") ? [key, String(key.dropFirst())] : [key] {
            if let known = table[candidate] ?? numbered(candidate) { return known }
        }
        return CharsetDecoding(name: cleaned, method: .iconv(name: cleaned.uppercased(), asciiCompatible: false))
    }

    /// The label without surrounding white space and quotes, a `charset=` prefix, or anything from
    /// the first character that cannot be part of a charset name; lower-cased.
    static func clean(_ label: String) -> String {
        var bytes = Array(label.utf8)[...]
        func trim() {
            while let first = bytes.first, isJunk(first) { bytes.removeFirst() }
            while let last = bytes.last, isJunk(last) { bytes.removeLast() }
        }
        trim()
        let prefix = Array("charset=".utf8)
        if bytes.count > prefix.count, zip(bytes, prefix).allSatisfy({ HeaderText.lowerASCII($0) == $1 }) {
            bytes = bytes.dropFirst(prefix.count)
            trim()
        }
        if let end = bytes.firstIndex(where: { !isNameByte($0) }) { bytes = bytes[..<end] }
        return String(decoding: bytes.map(HeaderText.lowerASCII), as: UTF8.self)
    }

    private static func isJunk(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A || byte == 0x22 || byte == 0x27
    }

    /// Letters, digits and `-_.:+()`: what charset names are made of, and nothing iconv would
    /// read as an option (`//TRANSLIT`, `,`).
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "+"),
             UInt8(ascii: "("), UInt8(ascii: ")"): true
        default: false
        }
    }

    /// Letters and digits only, lower case, with a `:year` suffix dropped (`iso_8859-1:1987`).
    private static func lookupKey(_ cleaned: String) -> String {
        var key: [UInt8] = []
        key.reserveCapacity(cleaned.utf8.count)
        for byte in cleaned.utf8 {
            if byte == UInt8(ascii: ":") { break }
            if (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) { key.append(byte) }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// iso-8859-N, windows-125N and code page numbers that are not in the table.
    private static func numbered(_ key: String) -> CharsetDecoding? {
        func number(after prefix: String) -> Int? {
            guard key.hasPrefix(prefix), key.count > prefix.count, key.count - prefix.count <= 5 else { return nil }
            return Int(key.dropFirst(prefix.count))
        }
        if let part = number(after: "iso8859"), (1...16).contains(part), part != 12 {
            switch part {
            case 1: return table["windows1252"]
            case 9: return table["windows1254"]
            case 11: return table["windows874"]
            default: return CharsetDecoding(name: "iso-8859-\(part)", method: .iconv(name: "ISO-8859-\(part)", asciiCompatible: true))
            }
        }
        for prefix in ["windows", "win", "cp", "ms", "ibm", "dos"] {
            guard let page = number(after: prefix) else { continue }
            if page == 1252 { return table["windows1252"] }
            if (1250...1258).contains(page) {
                return CharsetDecoding(name: "windows-\(page)", method: .iconv(name: "WINDOWS-\(page)", asciiCompatible: true))
            }
            return CharsetDecoding(name: "cp\(page)", method: .iconv(name: "CP\(page)", asciiCompatible: false))
        }
        return nil
    }

    private static let table: [String: CharsetDecoding] = {
        var table: [String: CharsetDecoding] = [:]
        func add(_ name: String, _ method: Method, _ keys: [String]) {
            for key in keys { table[key] = CharsetDecoding(name: name, method: method) }
        }
        func add(_ name: String, iconv: String, asciiCompatible: Bool = true, _ keys: [String]) {
            add(name, .iconv(name: iconv, asciiCompatible: asciiCompatible), keys)
        }
        // Labels that say "no idea": read the bytes instead, without a defect.
        add("", .sniff, ["userdefined", "xuserdefined", "unknown", "unknown8bit", "xunknown", "default", "none",
                         "charset", "7bit", "8bit", "binary", "xbinary", "auto", "autodetect"])
        add("us-ascii", .ascii, ["usascii", "ascii", "us", "ansix341968", "ansix341986", "iso646us", "isoir6", "cp367",
                                 "ibm367", "csascii", "iso646irv1991", "iso646"])
        add("utf-8", .utf8, ["utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8", "cp65001", "csutf8", "utf8bom"])
        add("windows-1252", .windows1252, ["iso88591", "latin1", "l1", "cp819", "ibm819", "isoir100", "csisolatin1",
                                           "windows1252", "cp1252", "win1252", "ms1252", "ansi", "isolatin1", "western"])
        add("iso-8859-2", iconv: "ISO-8859-2", ["latin2", "l2", "isolatin2", "csisolatin2", "isoir101"])
        add("iso-8859-3", iconv: "ISO-8859-3", ["latin3", "l3", "csisolatin3", "isoir109"])
        add("iso-8859-4", iconv: "ISO-8859-4", ["latin4", "l4", "csisolatin4", "isoir110"])
        add("iso-8859-5", iconv: "ISO-8859-5", ["cyrillic", "csisolatincyrillic", "isoir144"])
        add("iso-8859-6", iconv: "ISO-8859-6", ["arabic", "iso88596i", "iso88596e", "csisolatinarabic", "asmo708", "ecma114", "isoir127"])
        add("iso-8859-7", iconv: "ISO-8859-7", ["greek", "greek8", "csisolatingreek", "ecma118", "elot928", "isoir126"])
        add("iso-8859-8", iconv: "ISO-8859-8", ["hebrew", "iso88598i", "iso88598e", "csisolatinhebrew", "visual", "logical", "isoir138"])
        add("windows-1254", iconv: "WINDOWS-1254", ["latin5", "l5", "iso88599", "csisolatin5", "isoir148", "windows1254", "cp1254"])
        add("iso-8859-10", iconv: "ISO-8859-10", ["latin6", "l6", "csisolatin6", "isoir157"])
        add("iso-8859-13", iconv: "ISO-8859-13", ["latin7", "l7"])
        add("iso-8859-14", iconv: "ISO-8859-14", ["latin8", "l8"])
        add("iso-8859-15", iconv: "ISO-8859-15", ["latin9", "l9", "latin0", "csisolatin9"])
        add("iso-8859-16", iconv: "ISO-8859-16", ["latin10", "l10"])
        add("windows-874", iconv: "WINDOWS-874", ["windows874", "cp874", "dos874", "tis620", "iso885911", "tis62025330",
                                                  "tis62025291", "tis6200", "thai"])
        add("koi8-r", iconv: "KOI8-R", ["koi8r", "koi8", "cskoi8r", "koi"])
        add("koi8-u", iconv: "KOI8-U", ["koi8u", "koi8ru"])
        add("ibm866", iconv: "IBM866", ["ibm866", "cp866", "866", "csibm866", "dos866"])
        add("macintosh", iconv: "MACINTOSH", ["macintosh", "mac", "macroman", "csmacintosh", "xmacroman"])
        add("x-mac-cyrillic", iconv: "MAC-CYRILLIC", ["maccyrillic", "xmaccyrillic"])
        add("x-mac-ukrainian", iconv: "MACUKRAINIAN", ["macukrainian", "xmacukrainian"])
        add("x-mac-ce", iconv: "MAC-CENTRALEUROPE", ["macce", "xmacce", "maccentraleurroman", "xmaccentraleurroman",
                                                     "maccentraleurope", "xmaccentraleurope"])
        add("x-mac-icelandic", iconv: "MAC-IS", ["macicelandic", "xmacicelandic", "macis"])
        add("gb18030", iconv: "GB18030", ["gb18030", "gb2312", "gbk", "cp936", "ms936", "windows936", "euccn", "csgb2312",
                                          "chinese", "gb231280", "isoir58", "csiso58gb231280", "gb", "csgbk", "cngb"])
        add("cp950", iconv: "CP950", ["big5", "cnbig5", "xxbig5", "csbig5", "cp950", "big5eten", "ms950", "windows950"])
        add("big5-hkscs", iconv: "BIG5-HKSCS", ["big5hkscs", "hkscs"])
        add("cp949", iconv: "CP949", ["euckr", "cseuckr", "ksc56011987", "ksc56011989", "ksc5601", "ksc", "korean",
                                      "isoir149", "csksc56011987", "windows949", "cp949", "uhc", "mscp949", "ms949"])
        add("cp932", iconv: "CP932", ["shiftjis", "sjis", "mskanji", "csshiftjis", "windows31j", "cswindows31j", "ms932",
                                      "cp932", "mscp932", "shiftjis2004", "shiftjisx0213"])
        add("euc-jp", iconv: "EUC-JP-MS", ["eucjp", "cseucpkdfmtjapanese", "eucjpms", "eucjpwin", "eucjpopen", "ujis"])
        add("iso-2022-jp", .iso2022JP, ["iso2022jp", "csiso2022jp", "iso2022jp1", "iso2022jp2", "iso2022jp3", "iso2022jp2004",
                                        "csiso2022jp2", "cp50220", "cp50221", "cp50222", "jis", "jis7"])
        add("iso-2022-kr", iconv: "ISO-2022-KR", ["iso2022kr", "csiso2022kr"])
        add("iso-2022-cn", iconv: "ISO-2022-CN", ["iso2022cn", "csiso2022cn"])
        add("iso-2022-cn-ext", iconv: "ISO-2022-CN-EXT", ["iso2022cnext"])
        add("viscii", iconv: "VISCII", asciiCompatible: false, ["viscii", "csviscii"])
        add("utf-7", iconv: "UTF-7", asciiCompatible: false, ["utf7", "unicode11utf7", "csunicode11utf7"])
        add("utf-16", iconv: "UTF-16", asciiCompatible: false, ["utf16", "ucs2", "iso10646ucs2", "csunicode"])
        add("utf-16le", iconv: "UTF-16LE", asciiCompatible: false, ["utf16le", "unicode", "ucs2le", "unicodelittleunmarked"])
        add("utf-16be", iconv: "UTF-16BE", asciiCompatible: false, ["utf16be", "unicodefffe", "ucs2be", "unicodebigunmarked"])
        add("utf-32", iconv: "UTF-32", asciiCompatible: false, ["utf32", "ucs4", "iso10646ucs4"])
        add("utf-32le", iconv: "UTF-32LE", asciiCompatible: false, ["utf32le", "ucs4le"])
        add("utf-32be", iconv: "UTF-32BE", asciiCompatible: false, ["utf32be", "ucs4be"])
        return table
    }()
}
