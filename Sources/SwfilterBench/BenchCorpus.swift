import Foundation

/// Every regular file below the given directories, read into memory once, sorted by path.
struct BenchCorpus {
    let messages: [(path: String, bytes: [UInt8])]
    var totalBytes: Int { messages.reduce(0) { $0 + $1.bytes.count } }

    init(directories: [String]) {
        var found: [(String, [UInt8])] = []
        let manager = FileManager.default
        for directory in directories {
            guard let walker = manager.enumerator(atPath: directory) else { continue }
            var paths: [String] = []
            while let relative = walker.nextObject() as? String {
                let path = (directory as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { paths.append(path) }
            }
            for path in paths.sorted() {
                if let data = manager.contents(atPath: path) { found.append((path, [UInt8](data))) }
            }
        }
        messages = found
    }
}
