/// Which header fields a message has, asked by integer: the plain field names the header and
/// `exists:` rules read get numbers when the rule set is compiled, and a message looks up each
/// of its own fields once, so a rule on an absent header learns so without building its text or
/// hashing its name again.
struct HeaderFieldPresence: Sendable {
    /// Lowercased field name → number, for the requests that read plain fields.
    private let numbers: [String: Int]
    /// Per request slot: the number of the field it reads, or -1 for a pseudo-header
    /// (`ALL`, `ToCc`, `X-Spam-Relays-*`…), whose text is always built.
    let fieldOfSlot: [Int]
    /// Per request slot: whether a present field always gives a text (no `:addr` / `:name`,
    /// which can find nothing in a field that is there).
    let presentFieldGivesText: [Bool]

    /// Names `HeaderView` answers itself instead of reading the field of that name (compared
    /// lowercased, wider than `HeaderView` needs, which only costs a text build).
    private static let pseudoHeaders: Set<String> = [
        "all", "all-trusted", "all-internal", "all-untrusted", "all-external", "envelopefrom", "tocc", "messageid",
    ]

    init(requests: [HeaderRequest]) {
        var numbers: [String: Int] = [:]
        var fieldOfSlot: [Int] = []
        for request in requests {
            let lowered = request.name.lowercased()
            if Self.pseudoHeaders.contains(lowered) || RelayPath.isRelayPseudoHeader(lowered) {
                fieldOfSlot.append(-1)
                continue
            }
            if let known = numbers[lowered] {
                fieldOfSlot.append(known)
            } else {
                numbers[lowered] = numbers.count
                fieldOfSlot.append(numbers.count - 1)
            }
        }
        self.numbers = numbers
        self.fieldOfSlot = fieldOfSlot
        presentFieldGivesText = requests.map { !$0.addresses && !$0.displayNames }
    }

    var fieldCount: Int { numbers.count }

    /// Per field number: whether `headers` has a field of that name.
    func fieldsPresent(in headers: HeaderView) -> [Bool] {
        fieldPositions(in: headers).map { !$0.isEmpty }
    }

    /// Per field number: the positions of the fields of that name in `headers.fields`, in
    /// order (empty when it has none).
    func fieldPositions(in headers: HeaderView) -> [[Int]] {
        var positions = [[Int]](repeating: [], count: numbers.count)
        for (name, found) in headers.positions {
            if let number = numbers[name] { positions[number] = found }
        }
        return positions
    }
}
