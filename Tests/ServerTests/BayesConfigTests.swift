import Testing
import Bayes
@testable import Server

@Suite struct BayesConfigTests {
    @Test func defaults() {
        let bayes = SwfilterConfig.defaults.bayes
        #expect(bayes.enabled)
        #expect(!bayes.autolearn)
        #expect(bayes.classifier.minSpam == 200 && bayes.classifier.minHam == 200)
        #expect(bayes.databasePath(stateDir: "/var/lib/swfilter") == "/var/lib/swfilter/bayes.sqlite")
        #expect(bayes.autolearnSpamThreshold == 12.0 && bayes.autolearnHamThreshold == 0.1)
        #expect(bayes.classifier.conflictTail == ClassifierParameters().conflictTail)
        #expect(bayes.classifier.maxTokensPerField == ClassifierParameters().maxTokensPerField)
    }

    @Test func valuesAreRead() throws {
        let config = try ConfigLoader.parse("""
            [bayes]
            database = "/srv/bayes.db"
            min_spam = 1
            min_ham = 2
            strength = 0.5
            min_deviation = 0.3
            significant_tokens = 150
            conflict_tail = 0
            max_tokens_per_field = 0
            word_pairs = false
            autolearn = true
            autolearn_spam_threshold = 9
            """, file: "f")
        #expect(config.bayes.databasePath(stateDir: "/x") == "/srv/bayes.db")
        #expect(config.bayes.classifier.minSpam == 1 && config.bayes.classifier.minHam == 2)
        #expect(config.bayes.classifier.strength == 0.5)
        #expect(config.bayes.classifier.minDeviation == 0.3)
        #expect(config.bayes.classifier.maxTokens == 150)
        #expect(config.bayes.classifier.conflictTail == 0)
        #expect(config.bayes.classifier.maxTokensPerField == 0)
        #expect(!config.bayes.tokenizerOptions.wordPairs)
        #expect(config.bayes.autolearn)
        #expect(config.bayes.autolearnPolicy.spamThreshold == 9)
    }

    @Test func badValuesAreNamedWithTheirLine() {
        #expect(ConfigFixture.lines(in: "[bayes]\nmin_deviation = 0.5\n") == ["swfilter.toml:2: bayes.min_deviation: must be at least 0 and below 0.5, found 0.5"])
        #expect(ConfigFixture.lines(in: "[bayes]\nconflict_tail = 1\n") == ["swfilter.toml:2: bayes.conflict_tail: must be at least 0 and below 1, found 1.0"])
        #expect(ConfigFixture.lines(in: "[bayes]\nconflict_tail = -0.1\n") == ["swfilter.toml:2: bayes.conflict_tail: must be at least 0 and below 1, found -0.1"])
        #expect(ConfigFixture.lines(in: "[bayes]\nmax_tokens_per_field = -1\n") == ["swfilter.toml:2: bayes.max_tokens_per_field: must not be negative, found -1"])
        #expect(ConfigFixture.lines(in: "[bayes]\nassumed_probability = 1\n") == ["swfilter.toml:2: bayes.assumed_probability: must be above 0.0 and below 1.0, found 1.0"])
        #expect(ConfigFixture.lines(in: "[bayes]\nautolearn_ham_threshold = 20\n").first?.contains("must be below autolearn_spam_threshold") == true)
        #expect(ConfigFixture.lines(in: "[bayes]\nmin_spam = -1\n") == ["swfilter.toml:2: bayes.min_spam: must not be negative, found -1"])
        #expect(ConfigFixture.lines(in: "[bayes]\ndatabase = \"\"\n") == ["swfilter.toml:2: bayes.database: must not be empty"])
        #expect(ConfigFixture.lines(in: "[bayes]\nmin_spams = 3\n").first?.contains("did you mean min_spam?") == true)
    }

    @Test func configShowReadsBackToItself() throws {
        var config = SwfilterConfig.defaults
        config.bayes.classifier.strength = 0.25
        config.bayes.classifier.conflictTail = 1e-6
        config.bayes.classifier.maxTokensPerField = 5
        config.bayes.autolearn = true
        let again = try ConfigLoader.parse(config.renderTOML(), file: "shown")
        #expect(again.bayes == config.bayes)
    }
}
