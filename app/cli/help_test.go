package cli

import (
	"flag"
	"strings"
	"testing"
)

// TestHelpOfEveryCommand asks every command for its help the three ways an
// editor may (COMMAND --help, COMMAND -h, help COMMAND) and checks, from the
// command's own definition, that the help is on stdout with exit 0, names
// the usage, says what the command does, lists every flag it parses with
// its placeholder and gives an example.
func TestHelpOfEveryCommand(t *testing.T) {
	for _, cmd := range commands {
		if cmd.name == "" {
			continue
		}
		fs := cmd.flagSet()
		var first string
		for _, args := range [][]string{{cmd.name, "--help"}, {cmd.name, "-h"}, {"help", cmd.name}} {
			code, out, errs := runCLI("", args...)
			if code != 0 || errs != "" {
				t.Errorf("%v: exit %d, stderr %q", args, code, errs)
				continue
			}
			if first == "" {
				first = out
			} else if out != first {
				t.Errorf("%v differs from %s --help", args, cmd.name)
			}
		}
		if !strings.HasPrefix(first, "Usage: parallax "+cmd.name) {
			t.Errorf("%s --help starts %.60q", cmd.name, first)
		}
		for _, want := range append([]string{strings.Fields(cmd.about)[0], "Flags:", "Examples:"}, cmd.examples...) {
			if !strings.Contains(first, want) {
				t.Errorf("%s --help lacks %q:\n%s", cmd.name, want, first)
			}
		}
		fs.VisitAll(func(f *flag.Flag) {
			u, help := flagUsage(f)
			if !strings.Contains(first, "\n  "+u+"\n") {
				t.Errorf("%s --help does not list %s:\n%s", cmd.name, u, first)
			}
			if help == "" || !isBool(f) && strings.Count(f.Usage, "`") != 2 {
				t.Errorf("%s --%s: help %q names no `PLACEHOLDER` for its value", cmd.name, f.Name, f.Usage)
			}
			if f.DefValue != "" && f.DefValue != "0" && !isBool(f) && !strings.Contains(first, "(default "+f.DefValue+")") {
				t.Errorf("%s --help does not give --%s's default %s", cmd.name, f.Name, f.DefValue)
			}
		})
	}
}

// TestHelpExamplesParse runs every example of every help through the
// command's flags, so an example cannot name a flag the command lost.
func TestHelpExamplesParse(t *testing.T) {
	for _, cmd := range commands {
		if cmd.name != "" && len(cmd.examples) == 0 {
			t.Errorf("%s has no example", cmd.name)
		}
		for _, e := range cmd.examples {
			words := shellWords(e)
			if words[0] != "parallax" || cmd.name != "" && (len(words) < 2 || words[1] != cmd.name) {
				t.Errorf("%s: example %q does not run it", cmd.name, e)
				continue
			}
			args := words[1:]
			if cmd.name != "" {
				args = words[2:]
			}
			if _, err := parse(cmd.flagSet(), args, cmd.dashArgs); err != nil {
				t.Errorf("%s: example %q: %v", cmd.name, e, err)
			}
		}
	}
}

// shellWords splits an example as a shell would, for the quoting the
// examples use, and drops redirections.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quoted, in := false, false
	for _, r := range s + " " {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				words = append(words, w.String())
			}
			w.Reset()
			in = false
		default:
			w.WriteRune(r)
			in = true
		}
	}
	for i, word := range words {
		if word == "<" || word == ">" {
			return words[:i]
		}
	}
	return words
}

// TestOverview checks `parallax --help` and its other spellings: exit 0,
// stdout, every command named with its summary, and how to choose the
// library.
func TestOverview(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"-help"}, {"--db", "x.db", "--help"}} {
		code, out, errs := runCLI("", args...)
		if code != 0 || errs != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		for _, cmd := range commands {
			if !strings.Contains(out, cmd.summary) || cmd.name != "" && !strings.Contains(out, "\n  "+cmd.name+" ") {
				t.Errorf("%v does not list %q (%s)", args, cmd.name, cmd.summary)
			}
		}
		if !strings.Contains(out, "--db PATH") || !strings.Contains(out, "PARALLAX_DB") {
			t.Errorf("%v does not say how to choose the library:\n%s", args, out)
		}
	}
}

// TestUsageErrors: a command called wrongly exits 2 with one line that
// says what was wrong and how the command is called.
func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"; usage: parallax [FILE...] or parallax COMMAND`},
		{[]string{"--bogus"}, "unknown option --bogus; usage: parallax [FILE...]"},
		{[]string{"list", "--bogus"}, "unknown option --bogus; usage: parallax list [--after DATE] [--before DATE] [--compared] [--format KIND] [--json] [--not-compared] [--outlet NAME] [--reverse] [--sort KEY] [--tag TAG] [--db PATH] (more: parallax list --help)"},
		{[]string{"list", "extra"}, "list takes no arguments; usage: parallax list"},
		{[]string{"list", "--json=maybe"}, `option --json takes no value (or true or false), not "maybe"`},
		{[]string{"search", "ferry", "--limit", "ten"}, `option --limit needs a number, not "ten"; usage: parallax search [--limit N] [--db PATH] QUERY...`},
		{[]string{"search", "--limit", "0", "ferry"}, "--limit must be at least 1"},
		{[]string{"add", "x.txt", "--title"}, "option --title needs a value; usage: parallax add"},
		{[]string{"add"}, "add needs at least one file"},
		{[]string{"show"}, "show takes one report ID; usage: parallax show [--json] [--db PATH] ID"},
		{[]string{"show", "abc"}, `"abc" is not a report ID`},
		{[]string{"remove", "1", "x"}, `"x" is not a report ID`},
		{[]string{"reimport", "1"}, "reimport needs a report ID and a file; usage: parallax reimport [--db PATH] ID FILE"},
		{[]string{"edit", "1"}, "edit needs at least one of --title"},
		{[]string{"export"}, "export needs --comparison ID (see parallax comparisons); usage: parallax export --comparison ID ["},
		{[]string{"export", "--comparison", "1", "--format", "docx"}, `unknown format "docx"`},
		{[]string{"export", "--comparison", "1", "--only", "maybe"}, `"maybe" is not a verdict`},
		{[]string{"compare", "a.txt"}, "compare needs at least two files, got 1; usage: parallax compare"},
		{[]string{"help", "nope"}, `unknown command "nope"`},
		{[]string{"version", "now"}, "version takes no arguments"},
		{[]string{"pairs", "x.tsv"}, "pairs reads TSV on standard input"},
	} {
		code, out, errs := runCLI("", tc.args...)
		if code != 2 || out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "parallax: ") ||
			!strings.Contains(errs, tc.want) || !strings.Contains(errs, "usage: parallax") {
			t.Errorf("%v: exit %d, stdout %.40q, stderr %q; want exit 2 and one line with %q", tc.args, code, out, errs, tc.want)
		}
	}
}

func TestWrap(t *testing.T) {
	got := wrap("the quick brown fox jumps over the lazy dog", 16, "  ")
	want := "  the quick\n  brown fox\n  jumps over the\n  lazy dog\n"
	if got != want {
		t.Errorf("wrap = %q, want %q", got, want)
	}
	if got := wrap("", 10, "  "); got != "" {
		t.Errorf("wrap of nothing = %q", got)
	}
}
