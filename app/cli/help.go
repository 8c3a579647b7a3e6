package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
)

// A command is one subcommand's whole definition. Its help, the synopsis
// that ends a usage error and (in time) a manual page are all made from it
// and from the flags its define registers, so they cannot drift from what
// the command parses.
type command struct {
	// name is what the editor types; "" is the window, opened when no
	// command is named.
	name string
	// args are the positional arguments as the synopsis shows them.
	args string
	// summary says what the command does in the line `parallax --help`
	// gives it; about says it in the paragraph of `parallax COMMAND --help`.
	summary, about string
	// examples are typical invocations, each a line of the help.
	examples []string
	// required are the flags the command cannot run without: the synopsis
	// shows them without brackets.
	required []string
	// library is true for the commands that open the library, where --db
	// matters.
	library bool
	// dashArgs is true for a command whose arguments may start with a
	// single "-" (tag's -TAG): those that are not its flags are arguments.
	dashArgs bool
	// reads is true for the commands that only read the library: they
	// open it read-only, so they never wait for a writer (the window, an
	// add) and work on a library in a folder they cannot write.
	reads bool
	// define registers the command's flags, with their help and defaults,
	// on fs and returns what runs the command on the positional arguments
	// once fs has parsed the rest. A flag's help names its value's
	// placeholder in back quotes, as package flag does: "write to `FILE`".
	define func(fs *flag.FlagSet) runner
}

// runner runs a command on its positional arguments.
type runner func(c *call, args []string) error

// commands are every command, in the order `parallax --help` lists them;
// the window comes first. It is filled in init because the help command
// reads it.
var commands []*command

func init() {
	commands = []*command{&windowCmd, &addCmd, &listCmd, &showCmd, &editCmd, &searchCmd,
		&removeCmd, &reimportCmd, &tagCmd, &tagsCmd, &comparisonsCmd, &exportCmd, &compareCmd, &pairsCmd,
		&checkCmd, &backupCmd, &restoreCmd, &recoverCmd, &helpCmd, &versionCmd}
}

// find returns the command called name, or nil.
func find(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// flags returns a new flag set holding the command's flags and --db, which
// every command takes, with the runner define returned.
func (cmd *command) flags() (fs *flag.FlagSet, db *string, run runner) {
	fs = flag.NewFlagSet("parallax "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	about := "the library file's `PATH` (default: $PARALLAX_DB, else library.db in Parallax's folder of the user's configuration directory, ~/.config/Parallax on Linux)"
	if !cmd.library {
		about = "the library file's `PATH`; " + cmd.name + " does not open the library, and takes --db as every command does"
	}
	db = fs.String("db", "", about)
	return fs, db, cmd.define(fs)
}

// flagSet is the command's flags alone, for its help and synopsis.
func (cmd *command) flagSet() *flag.FlagSet {
	fs, _, _ := cmd.flags()
	return fs
}

// ordered returns fs's flags in the order help lists them: the required
// ones first, --db last, the others by name.
func (cmd *command) ordered(fs *flag.FlagSet) []*flag.Flag {
	var req, rest []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		switch {
		case slices.Contains(cmd.required, f.Name):
			req = append(req, f)
		case f.Name != "db":
			rest = append(rest, f)
		}
	})
	return append(append(req, rest...), fs.Lookup("db"))
}

// flagUsage is a flag as the synopsis writes it, "--out FILE" or "--json",
// and its help with the placeholder's back quotes removed.
func flagUsage(f *flag.Flag) (string, string) {
	name, help := flag.UnquoteUsage(f)
	if isBool(f) {
		return "--" + f.Name, help
	}
	return "--" + f.Name + " " + name, help
}

// isBool reports whether f takes no value.
func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

// synopsis is the command's usage line: "parallax show [--json] [--db
// PATH] ID".
func synopsis(cmd *command, fs *flag.FlagSet) string {
	parts := []string{"parallax"}
	if cmd.name != "" {
		parts = append(parts, cmd.name)
	}
	for _, f := range cmd.ordered(fs) {
		u, _ := flagUsage(f)
		if !slices.Contains(cmd.required, f.Name) {
			u = "[" + u + "]"
		}
		parts = append(parts, u)
	}
	if cmd.args != "" {
		parts = append(parts, cmd.args)
	}
	return strings.Join(parts, " ")
}

// writeHelp writes cmd's help to w: its usage line, what it does, its
// flags with their defaults and examples. The window's help is the
// overview of every command.
func writeHelp(w io.Writer, cmd *command) error {
	if cmd.name == "" {
		return writeOverview(w)
	}
	fs := cmd.flagSet()
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: %s\n\n", synopsis(cmd, fs))
	b.WriteString(wrap(cmd.about, 78, ""))
	b.WriteString("\nFlags:\n")
	for _, f := range cmd.ordered(fs) {
		u, help := flagUsage(f)
		if !isBool(f) && f.DefValue != "" && f.DefValue != "0" {
			help += " (default " + f.DefValue + ")"
		}
		fmt.Fprintf(&b, "  %s\n%s", u, wrap(help, 78, "        "))
	}
	b.WriteString("\nExamples:\n")
	for _, e := range cmd.examples {
		fmt.Fprintf(&b, "  %s\n", e)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeOverview writes `parallax --help`: what Parallax is, how the window
// is opened, and every command with its summary.
func writeOverview(w io.Writer) error {
	var b strings.Builder
	b.WriteString("Parallax compares several reports of the same story claim by claim.\n\nUsage:\n")
	fmt.Fprintf(&b, "  %-31s %s\n", "parallax [--db PATH] [FILE...]", windowCmd.summary)
	fmt.Fprintf(&b, "  %-31s %s\n\nCommands:\n", "parallax COMMAND [ARGS...]", "run a command, without a window")
	for _, c := range commands {
		if c.name != "" {
			fmt.Fprintf(&b, "  %-12s %s\n", c.name, c.summary)
		}
	}
	b.WriteString("\n")
	b.WriteString(wrap("Every command takes --db PATH to choose the library file (default: the "+
		"PARALLAX_DB environment variable, else library.db in Parallax's folder of the user's "+
		"configuration directory, ~/.config/Parallax on Linux). A command's flags and examples: "+
		"parallax COMMAND --help, or parallax help COMMAND.", 78, ""))
	_, err := io.WriteString(w, b.String())
	return err
}

// wrap breaks text into lines of at most width characters (a longer word
// keeps its own line), each starting with indent.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	line := indent
	for _, word := range strings.Fields(text) {
		if line != indent && len(line)+1+len(word) > width {
			b.WriteString(line + "\n")
			line = indent
		}
		if line != indent {
			line += " "
		}
		line += word
	}
	if line != indent {
		b.WriteString(line + "\n")
	}
	return b.String()
}

var helpCmd = command{
	name:     "help",
	args:     "[COMMAND]",
	summary:  "what Parallax's commands do, or one command's flags and examples",
	about:    "Without a command, lists the commands; with one, shows its usage, flags, defaults and examples, as parallax COMMAND --help does.",
	examples: []string{"parallax help", "parallax help export"},
	define:   func(*flag.FlagSet) runner { return runHelp },
}

func runHelp(c *call, args []string) error {
	switch {
	case len(args) == 0:
		return writeOverview(c.env.Stdout)
	case len(args) > 1:
		return c.usage("help takes one command")
	}
	cmd := find(args[0])
	if cmd == nil || cmd.name == "" {
		return c.usage("unknown command %q", args[0])
	}
	return writeHelp(c.env.Stdout, cmd)
}

var versionCmd = command{
	name:     "version",
	summary:  "Parallax's version",
	about:    "Prints the version of this build of Parallax (also parallax --version).",
	examples: []string{"parallax version"},
	define:   func(*flag.FlagSet) runner { return runVersion },
}

func runVersion(c *call, args []string) error {
	if len(args) > 0 {
		return c.usage("version takes no arguments")
	}
	fmt.Fprintf(c.env.Stdout, "parallax %s\n", c.env.Version)
	return nil
}
