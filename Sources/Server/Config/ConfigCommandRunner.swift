/// `swfilter config check` and `swfilter config show`.
public enum ConfigCommandRunner {
    /// "config OK: PATH" (or "built-in defaults") and exit 0, or every problem and exit 78.
    public static func check(path: String?, stateDirOverride: String?, defaultPath: String = ConfigLoader.defaultPath) -> ConfigCommandOutput {
        let resolved = ConfigLoader.resolvedPath(path: path, defaultPath: defaultPath)
        do {
            _ = try ConfigLoader.load(path: resolved, stateDirOverride: stateDirOverride, defaultPath: defaultPath)
            return ConfigCommandOutput(standardOutput: "config OK: \(resolved ?? "built-in defaults")\n")
        } catch {
            return .failure(error)
        }
    }

    /// The effective configuration as TOML, every key included; it loads back to the same.
    public static func show(path: String?, stateDirOverride: String?, defaultPath: String = ConfigLoader.defaultPath) -> ConfigCommandOutput {
        let resolved = ConfigLoader.resolvedPath(path: path, defaultPath: defaultPath)
        do {
            let config = try ConfigLoader.load(path: resolved, stateDirOverride: stateDirOverride, defaultPath: defaultPath)
            return ConfigCommandOutput(standardOutput: config.renderTOML(source: resolved ?? "built-in defaults"))
        } catch {
            return .failure(error)
        }
    }
}
