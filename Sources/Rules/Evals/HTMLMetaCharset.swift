/// The charset named in a `<meta http-equiv="Content-Type" content="…; charset=X">`.
enum HTMLMetaCharset {
    private static let pattern = try! CompiledRegex(#"\bcharset\s*=\s*["']?([^"']+)"#, options: .caseless)

    static func charset(in content: [UInt8]) -> String? {
        guard let groups = pattern.captureGroups(in: content), groups.count > 1, let range = groups[1] else { return nil }
        return ASCII.string(content[range])
    }
}
