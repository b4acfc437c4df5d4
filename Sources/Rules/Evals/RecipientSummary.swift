/// HeaderEval's look at the recipient list: whether seven or more addresses are sorted, and how
/// similar their first letters and host names are.
struct RecipientSummary {
    var sorted = false
    var similarity = 0.0

    static let sortedCount = 7
    static let similarCount = 5
    static let similarLength = 2

    private static let requests = [EvalHeaderRequest("ToCc:addr"), EvalHeaderRequest("Bcc:addr")]

    init(_ context: EvalContext) {
        var inputs: [String] = []
        for request in Self.requests {
            inputs += context.list(request)
            if inputs.count >= Self.similarCount { break }
        }
        var addresses: [String] = []
        var previous = ""
        for current in inputs {
            if current.isEmpty { break }
            if !ASCII.lowercasedEqual(current, previous) {
                addresses.append(current)
                previous = current
            }
            if addresses.count == 256 { break }
        }
        sorted = addresses.count >= Self.sortedCount && addresses == addresses.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard addresses.count >= Self.similarCount else { return }
        let users = addresses.map { String($0.prefix(Self.similarLength)) }
        let hosts = addresses.map { address -> String in
            guard let at = address.firstIndex(of: "@") else { return "" }
            return String(address[address.index(after: at)...])
        }
        let hostPrefixes = hosts.map { String($0.prefix(Self.similarLength)) }
        var hits = 0, combinations = 0
        for i in addresses.indices {
            for j in (i + 1)..<addresses.count {
                if users[i] == users[j] { hits += 1 }
                if hostPrefixes[i] == hostPrefixes[j], hosts[i] != hosts[j] { hits += 1 }
                combinations += 1
            }
        }
        similarity = combinations > 0 ? Double(hits) / Double(combinations) : 0
    }
}
