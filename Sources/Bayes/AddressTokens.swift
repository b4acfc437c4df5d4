/// The prefixes for the tokens of one kind of address field.
struct AddressTokens: Sendable {
    /// The whole address, lower-cased.
    let address: TokenPrefix
    /// The domain and its parents.
    let domain: TokenPrefix
    /// Words of the display name.
    let name: TokenPrefix
    /// Facts about the field (no display name, group syntax, shape of the local part).
    let flag: TokenPrefix

    init(_ short: String) {
        address = TokenPrefix("\(short):a:")
        domain = TokenPrefix("\(short):d:")
        name = TokenPrefix("\(short):n:")
        flag = TokenPrefix("\(short):")
    }

    static let from = AddressTokens("f")
    static let to = AddressTokens("t")
    static let replyTo = AddressTokens("rt")
    static let returnPath = AddressTokens("rp")
    static let sender = AddressTokens("sn")
    static let errorsTo = AddressTokens("et")
}
