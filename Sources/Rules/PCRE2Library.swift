import CPCRE2

/// Facts about the PCRE2 library the process is linked against.
public enum PCRE2Library {
    /// The library's version string, for example "10.42 2022-12-11".
    public static var version: String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let written = buffer.withUnsafeMutableBytes { pcre2_config_8(UInt32(PCRE2_CONFIG_VERSION), $0.baseAddress) }
        guard written > 1 else { return "unknown" }
        return String(decoding: buffer.prefix(Int(written) - 1), as: UTF8.self)
    }

    /// Whether this build of PCRE2 has the just-in-time compiler that the rule engine relies on.
    public static var hasJIT: Bool {
        var jit: UInt32 = 0
        _ = withUnsafeMutablePointer(to: &jit) { pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), $0) }
        return jit == 1
    }
}
