// swift-tools-version:6.0
// swfilter: a mail content filter and gateway. See ../shared/design.md for the layers.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "swfilter",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "swfilter", targets: ["swfilter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // C: one system-library target per C library, each imported by exactly one Swift target.
        // CClamAV opens libclamav with dlopen(RTLD_DEEPBIND) (see its header for why); it needs
        // libclamav-dev's clamav.h to build and libclamav12 to run.
        .target(name: "CClamAV"),
        .systemLibrary(name: "CPCRE2", pkgConfig: "libpcre2-8", providers: [.apt(["libpcre2-dev"])]),
        .systemLibrary(name: "CMilter", pkgConfig: "milter", providers: [.apt(["libmilter-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // message
        .target(name: "MailMessage", swiftSettings: strict),
        // what analysers report and the protocol they implement: below analysis, so the analysers
        // and the verdict layer that calls them both import it and imports flow downward only
        .target(name: "ScanModel", dependencies: ["MailMessage"], swiftSettings: strict),
        // analysis
        .target(name: "VirusScan", dependencies: ["CClamAV", "ScanModel", "MailMessage"], swiftSettings: strict),
        .target(name: "Rules", dependencies: ["CPCRE2", "ScanModel", "MailMessage"], swiftSettings: strict),
        .target(name: "Bayes", dependencies: ["MailMessage", "ScanModel"], swiftSettings: strict),
        // storage
        .target(name: "Storage", dependencies: ["Bayes", "CSQLite"], swiftSettings: strict),
        // verdict
        .target(name: "Filter", dependencies: ["ScanModel", "MailMessage"], swiftSettings: strict),
        // doors
        .target(name: "Milter", dependencies: ["CMilter"], swiftSettings: strict),
        // app
        .target(
            name: "Server",
            dependencies: [
                "MailMessage", "ScanModel", "Filter", "VirusScan", "Rules", "Milter",
                "Bayes", "Storage",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "swfilter",
            dependencies: ["Server", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // benchmarks print figures; they are run by scripts/bench-*, never by the tests
        .executableTarget(name: "SwfilterBench", dependencies: ["MailMessage", "ScanModel", "Filter", "VirusScan", "Rules"], swiftSettings: strict),
        .executableTarget(name: "BayesBench", dependencies: ["Bayes", "MailMessage", "Storage"], swiftSettings: strict),

        .testTarget(name: "MailMessageTests", dependencies: ["MailMessage"], swiftSettings: strict),
        .testTarget(name: "FilterTests", dependencies: ["Filter", "ScanModel", "MailMessage"], swiftSettings: strict),
        .testTarget(name: "ServerTests", dependencies: ["Server", "MailMessage", "Filter", "ScanModel", "VirusScan"], swiftSettings: strict),
        .testTarget(name: "VirusScanTests", dependencies: ["VirusScan", "Filter", "ScanModel", "MailMessage"], swiftSettings: strict),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Filter", "ScanModel", "MailMessage"], swiftSettings: strict),
        .testTarget(name: "MilterTests", dependencies: ["Milter"], swiftSettings: strict),
        .testTarget(name: "BayesTests", dependencies: ["Bayes", "MailMessage", "Filter", "ScanModel"], swiftSettings: strict),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "Bayes", "MailMessage"], swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
