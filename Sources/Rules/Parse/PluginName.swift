import Foundation

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
        let parts = name.components(separatedBy: "::")
        return parts.count <= 11 && parts.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(ByteClass.isWord) }
    }
}
