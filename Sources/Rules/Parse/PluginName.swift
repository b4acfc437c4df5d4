/// SpamAssassin plugin names and the renames SpamAssassin itself applies.
enum PluginName {
    static func canonical(_ name: String) -> String {
        switch name {
        case "Mail::SpamAssassin::Plugin::Dmarc": "Mail::SpamAssassin::Plugin::DMARC"
        case "Mail::SpamAssassin::Plugin::WhiteListSubject": "Mail::SpamAssassin::Plugin::WelcomeListSubject"
        default: name
        }
    }

    /// `(?:\w+::){0,10}\w+`
    static func isValid(_ name: String) -> Bool {
        var parts = 1
        var partLength = 0
        var colons = 0
        for byte in name.utf8 {
            if byte == UInt8(ascii: ":") {
                colons += 1
                guard colons <= 2, partLength > 0 || colons == 2 else { return false }
                if colons == 2 {
                    parts += 1
                    partLength = 0
                }
            } else {
                guard colons == 0 || colons == 2, ByteClass.isWord(byte) else { return false }
                colons = 0
                partLength += 1
            }
        }
        return partLength > 0 && colons == 0 && parts <= 11
    }
}
