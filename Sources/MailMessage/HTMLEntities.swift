/// HTML character references: the HTML 4 named set (plus `apos`) and numeric references, read
/// the way browsers read them (a missing `;` is tolerated for numeric references and for the
/// legacy Latin-1 names; invalid code points become U+FFFD; 0x80–0x9F mean Windows-1252).
public enum HTMLEntities {
    /// A decoded reference: the scalar value and the offset just after the reference.
    public struct Match: Sendable {
        public let scalar: UInt32
        public let end: Int
        public let isNumeric: Bool
    }

    /// The longest name in the table; longer runs of letters are never looked up whole.
    static let maxNameLength = 8
    /// The longest legacy name, which may be written without its `;`.
    private static let maxLegacyLength = 6
    /// Bit set in a table value for names browsers accept without `;`.
    private static let legacyFlag: UInt32 = 1 << 31

    /// U+00A0 to U+00FF, in order.
    private static let latin1 = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
        "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm", "raquo",
        "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil",
        "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute", "Ocirc",
        "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave",
        "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave",
        "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash",
        "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]

    /// Upper-case Greek from U+0391 and lower-case from U+03B1, in order (U+03A2 is unassigned).
    private static let greekUpper = [
        "Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi",
        "Omicron", "Pi", "Rho", "", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega",
    ]
    private static let greekLower = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu", "nu", "xi",
        "omicron", "pi", "rho", "sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
    ]

    /// The rest of HTML 4's symbols and specials, and `apos`.
    private static let others: [(String, UInt32)] = [
        ("quot", 34), ("amp", 38), ("apos", 39), ("lt", 60), ("gt", 62),
        ("OElig", 338), ("oelig", 339), ("Scaron", 352), ("scaron", 353), ("Yuml", 376), ("fnof", 402), ("circ", 710),
        ("tilde", 732), ("thetasym", 977), ("upsih", 978), ("piv", 982),
        ("ensp", 8194), ("emsp", 8195), ("thinsp", 8201), ("zwnj", 8204), ("zwj", 8205), ("lrm", 8206), ("rlm", 8207),
        ("ndash", 8211), ("mdash", 8212), ("lsquo", 8216), ("rsquo", 8217), ("sbquo", 8218), ("ldquo", 8220),
        ("rdquo", 8221), ("bdquo", 8222), ("dagger", 8224), ("Dagger", 8225), ("bull", 8226), ("hellip", 8230),
        ("permil", 8240), ("prime", 8242), ("Prime", 8243), ("lsaquo", 8249), ("rsaquo", 8250), ("oline", 8254),
        ("frasl", 8260), ("euro", 8364), ("image", 8465), ("weierp", 8472), ("real", 8476), ("trade", 8482),
        ("alefsym", 8501), ("larr", 8592), ("uarr", 8593), ("rarr", 8594), ("darr", 8595), ("harr", 8596),
        ("crarr", 8629), ("lArr", 8656), ("uArr", 8657), ("rArr", 8658), ("dArr", 8659), ("hArr", 8660),
        ("forall", 8704), ("part", 8706), ("exist", 8707), ("empty", 8709), ("nabla", 8711), ("isin", 8712),
        ("notin", 8713), ("ni", 8715), ("prod", 8719), ("sum", 8721), ("minus", 8722), ("lowast", 8727), ("radic", 8730),
        ("prop", 8733), ("infin", 8734), ("ang", 8736), ("and", 8743), ("or", 8744), ("cap", 8745), ("cup", 8746),
        ("int", 8747), ("there4", 8756), ("sim", 8764), ("cong", 8773), ("asymp", 8776), ("ne", 8800), ("equiv", 8801),
        ("le", 8804), ("ge", 8805), ("sub", 8834), ("sup", 8835), ("nsub", 8836), ("sube", 8838), ("supe", 8839),
        ("oplus", 8853), ("otimes", 8855), ("perp", 8869), ("sdot", 8901), ("lceil", 8968), ("rceil", 8969),
        ("lfloor", 8970), ("rfloor", 8971), ("lang", 9001), ("rang", 9002), ("loz", 9674), ("spades", 9824),
        ("clubs", 9827), ("hearts", 9829), ("diams", 9830),
    ]

    /// Legacy names that browsers also read without `;` besides the Latin-1 ones.
    private static let legacyOthers: Set<String> = ["quot", "amp", "lt", "gt", "QUOT", "AMP", "LT", "GT", "COPY", "REG"]

    /// Every name, packed (case kept), to its code point, with `legacyFlag` for legacy names.
    private static let table: [UInt64: UInt32] = {
        var entries: [(String, UInt32)] = others
        entries += latin1.enumerated().map { ($0.element, 0xA0 + UInt32($0.offset)) }
        entries += greekUpper.enumerated().filter { !$0.element.isEmpty }.map { ($0.element, 0x391 + UInt32($0.offset)) }
        entries += greekLower.enumerated().map { ($0.element, 0x3B1 + UInt32($0.offset)) }
        entries += [("QUOT", 34), ("AMP", 38), ("LT", 60), ("GT", 62), ("COPY", 169), ("REG", 174)]
        var result: [UInt64: UInt32] = [:]
        let legacyLatin1 = Set(latin1)
        for (name, value) in entries {
            let legacy = legacyLatin1.contains(name) || legacyOthers.contains(name)
            result[pack(Array(name.utf8))] = value | (legacy ? legacyFlag : 0)
        }
        return result
    }()

    /// How many names the table holds.
    static var count: Int { table.count }

    /// The code point of a named reference (`name` without `&` and `;`), or nil.
    static func value(named name: String) -> UInt32? {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maxNameLength else { return nil }
        return table[pack(bytes)].map { $0 & ~legacyFlag }
    }

    private static func pack(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { pack($0.baseAddress!, count: $0.count) }
    }

    @inline(__always)
    private static func pack(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        var key: UInt64 = 0
        for index in 0..<count { key |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return key
    }

    /// The reference that starts after the `&` at `start - 1`, or nil when there is none (the
    /// `&` is then literal text). In attributes a legacy name without `;` followed by `=` or a
    /// letter is not a reference (`?a=1&copy=2` keeps its `&copy`), and names are never cut
    /// to a shorter legacy prefix.
    public static func match(_ base: UnsafePointer<UInt8>, from start: Int, end: Int, inAttribute: Bool) -> Match? {
        guard start < end else { return nil }
        if base[start] == UInt8(ascii: "#") { return numeric(base, from: start + 1, end: end) }
        var nameEnd = start
        let limit = min(end, start + maxNameLength + 1)
        while nameEnd < limit, ASCIIBytes.isAlphanumeric(base[nameEnd]) { nameEnd += 1 }
        let length = nameEnd - start
        guard length > 0 else { return nil }
        let hasSemicolon = nameEnd < end && base[nameEnd] == UInt8(ascii: ";")
        if length <= maxNameLength, let value = table[pack(base + start, count: length)] {
            if hasSemicolon { return Match(scalar: value & ~legacyFlag, end: nameEnd + 1, isNumeric: false) }
            if value & legacyFlag != 0 {
                let next = nameEnd < end ? base[nameEnd] : 0
                if inAttribute && (next == UInt8(ascii: "=") || ASCIIBytes.isAlphanumeric(next)) { return nil }
                return Match(scalar: value & ~legacyFlag, end: nameEnd, isNumeric: false)
            }
        }
        guard !inAttribute else { return nil }
        // In text, the longest legacy name that starts the run counts (`&copy2025` is ©2025).
        var prefix = min(length, maxLegacyLength)
        if prefix == length { prefix -= 1 }
        while prefix >= 2 {
            if let value = table[pack(base + start, count: prefix)], value & legacyFlag != 0 {
                return Match(scalar: value & ~legacyFlag, end: start + prefix, isNumeric: false)
            }
            prefix -= 1
        }
        return nil
    }

    /// `&#` has been read; `start` is after the `#`.
    private static func numeric(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Match? {
        var position = start
        var value: UInt32 = 0
        let tooBig: UInt32 = 0x110000
        if position < end, base[position] | 0x20 == UInt8(ascii: "x") {
            position += 1
            let digitsStart = position
            while position < end, let digit = hexValue(base[position]) {
                value = value >= tooBig ? tooBig : value * 16 + digit
                position += 1
            }
            guard position > digitsStart else { return nil }
        } else {
            let digitsStart = position
            while position < end, base[position] &- 0x30 < 10 {
                value = value >= tooBig ? tooBig : value * 10 + UInt32(base[position] - 0x30)
                position += 1
            }
            guard position > digitsStart else { return nil }
        }
        if position < end, base[position] == UInt8(ascii: ";") { position += 1 }
        return Match(scalar: scalar(forReference: value), end: position, isNumeric: true)
    }

    @inline(__always) private static func hexValue(_ byte: UInt8) -> UInt32? {
        if byte &- 0x30 < 10 { return UInt32(byte - 0x30) }
        let lower = byte | 0x20
        if lower &- 0x61 < 6 { return UInt32(lower - 0x61 + 10) }
        return nil
    }

    /// What a numeric reference to `value` stands for: NUL, surrogates and values past U+10FFFF
    /// are U+FFFD; 0x80–0x9F are read as Windows-1252, as browsers do.
    static func scalar(forReference value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0xFFFD }
        if value >= 0x80 && value < 0xA0 { return Windows1252.scalar(for: UInt8(value)).value }
        return value
    }
}
