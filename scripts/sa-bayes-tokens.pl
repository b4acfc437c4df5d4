#!/usr/bin/perl
# SpamAssassin's own Bayes tokens, to compare tokenizers by cross-validation: reads "LABEL PATH"
# lines, writes "LABEL<TAB>token<TAB>token..." (the token texts SA hashes), the format of
# BayesBench tokens, so scripts/bayes-tune.py runs on it as on swfilter's dump.
#   perl scripts/sa-bayes-tokens.pl RULESDIR < train.labeled > sa.tokens
# RULESDIR: the Bayes-only rules directory scripts/bayes-eval.sh makes (its .pre files and
# 10_default_prefs.cf, 20_aux_tlds.cf, 23_bayes.cf, 60_bayes_stopwords.cf). About 20 msg/s.
use strict;
use warnings;
use Mail::SpamAssassin;
my $rules = shift;
my $sa = Mail::SpamAssassin->new({
    rules_filename => $rules, site_rules_filename => $rules,
    local_tests_only => 1, dont_copy_prefs => 1,
    post_config_text => "use_bayes 1\nbayes_auto_learn 0\n",
    userprefs_filename => '/dev/null',
});
$sa->init(1);
my $bayes;
for my $plugin (@{$sa->{plugins}->{plugins}}) { $bayes = $plugin if ref($plugin) eq 'Mail::SpamAssassin::Plugin::Bayes'; }
die "no bayes plugin\n" unless $bayes;
binmode STDOUT;
while (my $line = <STDIN>) {
    chomp $line;
    my ($label, $path) = split / /, $line, 2;
    open(my $fh, '<', $path) or die "$path: $!\n";
    my @lines = <$fh>;
    close $fh;
    my $mail = $sa->parse(\@lines);
    my $msgdata = $bayes->get_body_from_msg($mail);
    my $tokens = $bayes->tokenize($mail, $msgdata);
    my %seen;
    my @texts = grep { !$seen{$_}++ } map { my $t = $_; $t =~ s/[\t\n\r]/ /g; $t } values %$tokens;
    print join("\t", $label, @texts), "\n";
    $mail->finish();
}
