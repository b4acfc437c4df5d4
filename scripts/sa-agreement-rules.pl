#!/usr/bin/perl
# For scripts/sa-agreement.sh: the rules SpamAssassin itself runs with the given configuration,
# one per line: NAME TAB KIND TAB EVAL(0/1) TAB SCORE(set 0) TAB META-DEPENDENCIES (space separated).
# KIND is header, body, rawbody, full, uri, meta, mimeheader or empty.
# Usage: sa-agreement-rules.pl RULESDIR SITEDIR
use strict;
use warnings;
use Mail::SpamAssassin;

my ($rules, $site) = @ARGV;
die "usage: $0 RULESDIR SITEDIR\n" unless $site;
my $sa = Mail::SpamAssassin->new({
    rules_filename => $rules,
    site_rules_filename => $site,
    userprefs_filename => '/dev/null',
    dont_copy_prefs => 1,
    local_tests_only => 1,
});
$sa->compile_now(0);
my $conf = $sa->{conf};
$conf->set_score_set(0);
my %kind = (0x08 => 'header', 0x09 => 'header', 0x0a => 'body', 0x0b => 'body', 0x0c => 'full',
            0x0d => 'full', 0x0e => 'rawbody', 0x0f => 'rawbody', 0x10 => 'uri', 0x11 => 'uri',
            0x12 => 'meta', 0x13 => 'header', 0x14 => 'empty');
my %eval = map { $_ => 1 } (0x09, 0x0b, 0x0d, 0x0f, 0x11, 0x13);
for my $name (sort keys %{$conf->{test_types}}) {
    my $type = $conf->{test_types}->{$name} // 0;
    my $kind = $kind{$type} // 'unknown';
    my $is_eval = $eval{$type} ? 1 : 0;
    if ($conf->{mimeheader_tests} && $conf->{mimeheader_tests}->{$name}) {
        $kind = 'mimeheader';
        $is_eval = 0;
    }
    my $score = $conf->{scores}->{$name} // 0;
    my $deps = $conf->{meta_dependencies}->{$name} // [];
    $deps = [split ' ', $deps] unless ref $deps;
    print join("\t", $name, $kind, $is_eval, $score, join(' ', @$deps)), "\n";
}
