import CMilter

/// Facts about the libmilter the process is linked against.
public enum MilterLibrary {
    /// The libmilter version as "major.minor.patch" (from `smfi_version`).
    public static var version: String {
        var major: UInt32 = 0, minor: UInt32 = 0, patch: UInt32 = 0
        _ = smfi_version(&major, &minor, &patch)
        return "\(major).\(minor).\(patch)"
    }
}
