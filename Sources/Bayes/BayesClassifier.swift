/// Robinson's per-token probability combined with Fisher's chi-square method, as SpamBayes,
/// bogofilter and SpamAssassin do.
///
/// For a token seen in b of the learned spam and g of the learned ham:
/// p = (b/nspam) / (b/nspam + g/nham), and with n = b + g and Robinson's s and x,
/// f = (s·x + n·p) / (s + n). Tokens never seen are skipped; of the others, those with
/// |f − 0.5| ≥ minDeviation (the `maxTokens` strongest, when limited) are combined with
/// `ChiSquare.fisherCombined` (by the header's groups and the body's tokens apart where they say
/// both spam and ham strongly, see `ConflictBand`). Secondary tokens (word pairs, case-kept words)
/// seen in fewer than `minSecondaryCount` learned messages are skipped too, and one header field
/// gives at most `maxTokensPerField` significant tokens.
public struct BayesClassifier: Sendable {
    public let parameters: ClassifierParameters

    public init(parameters: ClassifierParameters = ClassifierParameters()) {
        self.parameters = parameters
    }

    /// Whether enough has been learned for the classifier to vote.
    public func votes(_ totals: BayesTotals) -> Bool {
        totals.spam >= parameters.minSpam && totals.ham >= parameters.minHam
    }

    /// f(w) for a token; nil when it was never seen or nothing of a class was learned.
    public func tokenProbability(spam: Int, ham: Int, totals: BayesTotals) -> Double? {
        guard spam + ham > 0, totals.spam > 0, totals.ham > 0 else { return nil }
        let bad = Double(min(spam, totals.spam)) / Double(totals.spam)
        let good = Double(min(ham, totals.ham)) / Double(totals.ham)
        let p = bad / (bad + good)
        let n = Double(spam + ham)
        let s = parameters.strength
        return (s * parameters.assumedProbability + n * p) / (s + n)
    }

    /// Classifies a message from its tokens and their counts (`counts[i]` for
    /// `tokens.hashes[i]`). At most `evidenceLimit` deciding tokens are reported.
    public func classify(_ tokens: TokenSet, counts: [TokenCounts], totals: BayesTotals, evidenceLimit: Int = 15) -> BayesClassification {
        precondition(counts.count == tokens.hashes.count, "one count per token")
        var known = 0
        var significant: [(index: Int, f: Double, deviation: Double)] = []
        for (index, count) in counts.enumerated() where count.isSeen {
            known += 1
            if count.spam + count.ham < parameters.minSecondaryCount, tokens.isSecondary(tokens.hashes[index]) { continue }
            guard let f = tokenProbability(spam: count.spam, ham: count.ham, totals: totals) else { continue }
            let deviation = abs(f - 0.5)
            if deviation >= parameters.minDeviation { significant.append((index, f, deviation)) }
        }
        guard votes(totals) else {
            let reason = "learned \(totals.spam) spam and \(totals.ham) ham; needs \(parameters.minSpam) and \(parameters.minHam)"
            return BayesClassification(probability: nil, evidence: [], knownTokens: known, totalTokens: tokens.count, abstention: reason)
        }
        significant.sort { $0.deviation != $1.deviation ? $0.deviation > $1.deviation : tokens.hashes[$0.index] < tokens.hashes[$1.index] }
        if parameters.maxTokensPerField > 0, !tokens.headerFields.isEmpty {
            // Strongest first, so a field keeps its strongest tokens.
            var perField: [UInt64: Int] = [:]
            var kept = significant
            kept.removeAll(keepingCapacity: true)
            for item in significant {
                if let group = tokens.headerFields[tokens.hashes[item.index]] {
                    let seen = perField[group, default: 0]
                    perField[group] = seen + 1
                    if seen >= parameters.maxTokensPerField { continue }
                }
                kept.append(item)
            }
            significant = kept
        }
        if parameters.maxTokens > 0, significant.count > parameters.maxTokens {
            significant.removeSubrange(parameters.maxTokens...)
        }
        let probability = ConflictBand.combined(significant.map(\.f), conflictTail: parameters.conflictTail) {
            var fields: [Double] = [], relays: [Double] = [], otherHeader: [Double] = [], body: [Double] = []
            for item in significant {
                let hash = tokens.hashes[item.index]
                if !tokens.isHeader(hash) {
                    body.append(item.f)
                } else if tokens.headerFields[hash] != nil {
                    fields.append(item.f)
                } else if tokens.isRelay(hash) {
                    relays.append(item.f)
                } else {
                    otherHeader.append(item.f)
                }
            }
            return ([fields, relays, otherHeader], body)
        }
        let evidence = significant.prefix(evidenceLimit).map { item in
            let hash = tokens.hashes[item.index]
            return TokenEvidence(hash: hash, text: tokens.texts[hash], spam: counts[item.index].spam, ham: counts[item.index].ham, probability: item.f)
        }
        return BayesClassification(probability: probability, evidence: evidence, knownTokens: known, totalTokens: tokens.count)
    }
}
