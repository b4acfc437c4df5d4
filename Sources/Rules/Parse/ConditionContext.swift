import Foundation

/// What an `if` condition can ask about: the SpamAssassin version it pretends to be, the plugins
/// that are loaded, the features `can(…)` and `has(…)` answer yes to.
struct ConditionContext {
    var version: Double
    var perlVersion: Double
    var localTestsOnly: Bool
    var loadedPlugins: Set<String>
    var features: Set<String>

    func pluginLoaded(_ name: String) -> Bool {
        loadedPlugins.contains(PluginName.canonical(name))
    }

    /// `can(Module::function)`: the function exists and says yes. Functions of plugins that are
    /// not loaded do not exist.
    func can(_ name: String) -> Bool {
        guard features.contains(name) else { return false }
        guard let separator = name.range(of: "::", options: .backwards) else { return false }
        let module = String(name[..<separator.lowerBound])
        return module == "Mail::SpamAssassin::Conf" || !module.hasPrefix("Mail::SpamAssassin::Plugin::") || pluginLoaded(module)
    }
}
