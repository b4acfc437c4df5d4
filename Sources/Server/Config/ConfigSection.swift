/// One top-level `[section]` of swfilter.toml. A section reads itself from its table (keeping
/// its default for every key that is absent or wrong), reports bad values through the reader,
/// and writes every key back for `config show`.
protocol ConfigSection: Sendable, Equatable {
    static var name: String { get }
    /// All defaults.
    init()
    init(reading table: ConfigTableReader)
    func write(to writer: inout ConfigTOMLWriter)
}
