import TOMLKit

/// Binds a section type to its property of `SwfilterConfig`, so the root can read, write and
/// list its sections in one loop.
struct ConfigSectionSlot {
    let name: String
    let read: (inout SwfilterConfig, ConfigTableReader) -> Void
    let write: (SwfilterConfig, inout ConfigTOMLWriter) -> Void
    /// The keys the section knows, found by letting it read an empty table.
    let knownKeys: () -> [String]

    init<Section: ConfigSection>(_ property: WritableKeyPath<SwfilterConfig, Section>) {
        name = Section.name
        read = { config, root in
            guard let table = root.table(Section.name) else { return }
            config[keyPath: property] = Section(reading: table)
        }
        write = { config, writer in
            writer.table([Section.name])
            config[keyPath: property].write(to: &writer)
        }
        knownKeys = {
            let scratch = ConfigProblemCollector(file: "", locator: ConfigKeyLocator(text: ""))
            let reader = ConfigTableReader(TOMLTable(), path: [Section.name], problems: scratch)
            _ = Section(reading: reader)
            return reader.askedKeys
        }
    }
}
