import Foundation

/// Where clamscan is, when the clamav package is installed.
enum Clamscan {
    static let path = ["/usr/bin/clamscan"].first { FileManager.default.isExecutableFile(atPath: $0) }
}
