/// `[general]`: where state lives, how much to log, how to name this host.
public struct GeneralConfig: Sendable, Equatable, ConfigSection {
    static let name = "general"

    /// Databases, spool and quarantine. Absolute, because daemons change directory.
    public var stateDir: String
    public var logLevel: LogLevel
    /// The name in added headers (X-Spam-Checker-Version … on HOST) and in SMTP greetings.
    public var hostname: String
    /// Whether refusals and headers carry a trace id that `swfilter` can explain later.
    public var traceIDs: Bool
    /// swfilter's own rules and signatures; nil: found by `RulesDirectory.locate`.
    public var rulesDir: String?

    public static let defaultStateDir = "/var/lib/swfilter"

    public init(
        stateDir: String = defaultStateDir,
        logLevel: LogLevel = .info,
        hostname: String = MachineHostName.current,
        traceIDs: Bool = true
    ) {
        self.stateDir = stateDir
        self.logLevel = logLevel
        self.hostname = hostname
        self.traceIDs = traceIDs
    }

    /// All defaults.
    public init() {
        self.init(stateDir: Self.defaultStateDir)
    }

    init(reading table: ConfigTableReader) {
        self.init()
        if let stateDir = table.string("state_dir") {
            if stateDir.hasPrefix("/") {
                self.stateDir = stateDir
            } else {
                table.report("state_dir", "must be an absolute path, found \"\(stateDir)\"")
            }
        }
        if let logLevel = table.choice("log_level", as: LogLevel.self) { self.logLevel = logLevel }
        if let hostname = table.string("hostname") {
            if Self.isValidHostname(hostname) {
                self.hostname = hostname
            } else {
                table.report("hostname", "\"\(hostname)\" is not a host name (letters, digits, '-', '_' and '.')")
            }
        }
        if let traceIDs = table.bool("trace_ids") { self.traceIDs = traceIDs }
        if let rulesDir = table.string("rules_dir") {
            if rulesDir.hasPrefix("/") {
                self.rulesDir = rulesDir
            } else {
                table.report("rules_dir", "must be an absolute path, found \"\(rulesDir)\"")
            }
        }
    }

    func write(to writer: inout ConfigTOMLWriter) {
        writer.set("state_dir", .string(stateDir))
        writer.set("log_level", .string(logLevel.rawValue))
        writer.set("hostname", .string(hostname))
        writer.set("trace_ids", .bool(traceIDs))
        if let rulesDir {
            writer.set("rules_dir", .string(rulesDir))
        } else {
            writer.unset("rules_dir", "\(RulesDirectory.installed), or rules/ of the source tree swfilter was built in")
        }
    }

    /// Loose on purpose (underscores occur in real names) but no spaces or control characters,
    /// since the name goes into header fields.
    static func isValidHostname(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { ConfigKeyPath.isBareKeyByte($0) || $0 == UInt8(ascii: ".") }
    }
}
