#!/usr/bin/perl
# For scripts/bayes-eval.sh: SpamAssassin's Bayes probability for each message file named on
# standard input, printed as "PATH PROBABILITY" (or "PATH null" when Bayes did not vote).
# Usage: sa-bayes-score.pl DBPATH [RULESDIR] < list
# RULESDIR replaces the stock rules (default: the installed ones); a directory holding only the
# Bayes-related files gives the same probabilities much faster.
use strict;
use warnings;
use Mail::SpamAssassin;

my $dbpath = shift or die "usage: $0 DBPATH [RULESDIR] < list\n";
my $rules = shift;
my $sa = Mail::SpamAssassin->new({
    ($rules ? (rules_filename => $rules, site_rules_filename => $rules) : ()),
    local_tests_only => 1,
    dont_copy_prefs  => 1,
    post_config_text => "bayes_path $dbpath\nbayes_auto_learn 0\nbayes_auto_expire 0\nuse_bayes 1\n",
    userprefs_filename => '/dev/null',
});
$sa->compile_now(0);
$| = 1;
while (my $path = <STDIN>) {
    chomp $path;
    open(my $fh, '<', $path) or die "$path: $!\n";
    my @lines = <$fh>;
    close $fh;
    my $mail = $sa->parse(\@lines);
    my $status = $sa->check($mail);
    my $score = $status->{bayes_score};
    print "$path ", (defined $score ? $score : "null"), "\n";
    $status->finish();
    $mail->finish();
}
