/// What learning or forgetting one message did.
public enum LearnOutcome: String, Sendable, Hashable, CaseIterable {
    /// Counted as the class asked for.
    case learned
    /// Had been learned as the other class: moved to the class asked for.
    case relearned
    /// Had already been learned as this class: nothing changed.
    case alreadyKnown = "already_known"
    /// Its counts were taken back out.
    case forgotten
    /// Taken back out, but the tokenizer has changed since it was learned, so the tokens taken
    /// out may differ from those put in.
    case forgottenApproximately = "forgotten_approximately"
    /// Asked to forget a message that was never learned: nothing changed.
    case notLearned = "not_learned"
}
