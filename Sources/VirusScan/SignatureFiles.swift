import Glibc

/// Finds the files libclamav would load from a database directory, by extension (the list
/// libclamav's own directory loader accepts), so an empty directory is told apart from a
/// broken one before libclamav is asked.
enum SignatureFiles {
    static let databaseExtensions: Set<String> = [
        "cvd", "cld", "cud", "db", "hdb", "hdu", "hsb", "hsu", "mdb", "mdu", "msb", "msu", "ndb", "ndu",
        "ldb", "ldu", "sdb", "zmd", "rmd", "pdb", "gdb", "wdb", "cbc", "ftm", "cfg", "cdb", "cat", "crb",
        "idb", "ioc", "yar", "yara", "pwdb", "ign", "ign2", "imp", "fp", "sfp", "info",
    ]

    /// The names of the signature files in `directory`, sorted; nil when it cannot be read.
    static func databaseNames(in directory: String) -> [String]? {
        entries(in: directory)?.filter { name in
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
            return databaseExtensions.contains(String(name[name.index(after: dot)...]).lowercased())
        }
    }

    /// Every entry name in `directory` but "." and "..", sorted; nil when it cannot be read.
    static func entries(in directory: String) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
