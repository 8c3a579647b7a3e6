package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/export"
	"parallax/app/nouns"
	"parallax/app/workspace"
)

var compareCmd = command{
	name:    "compare",
	args:    "FILE FILE...",
	summary: "align the claims of files side by side, without the library",
	about: "Reads two or more files (of any kind add reads), splits them into claims, aligns " +
		"the claims that state the same thing and writes the rows with their differences and " +
		"flags, as the window shows them. The library is neither read nor changed. The output " +
		"goes to standard output, or with --out to a file that is replaced whole, never left " +
		"half written. JSON, for programs, gives each file's claims as byte offsets and each " +
		"row's claims, level, score and flags. A PDF is not written to a terminal. " +
		fmt.Sprintf("It compares up to %d files holding at most %s words together (about 3 MB of text); "+
			"beyond either limit it refuses at once and says which, before any work. The window "+
			"shows at most %d reports side by side, within the same word limit.",
			compare.MaxReports, nouns.Thousands(compare.MaxWords), app.MaxReports),
	examples: []string{
		"parallax compare wire.txt article.html transcript.srt",
		"parallax compare --format json --out rows.json wire.txt article.html",
	},
	define: func(fs *flag.FlagSet) runner {
		format := fs.String("format", "md", "the output's format, one of `"+strings.Join(export.Formats, "|")+"`")
		out := fs.String("out", "", "write to `FILE` instead of standard output")
		var opt export.Options
		editorFlag(fs, &opt.Editor)
		return func(c *call, files []string) error { return runCompare(c, *format, *out, opt, files) }
	},
}

// runCompare is `parallax compare FILE...`: it compares files without
// opening the library (DESIGN.md, Command line) and writes them through
// export.Write, as the window exports them, with no notes, dated now and
// signed as opt says (memoOptions); md is the default because a person at
// a terminal reads it. The whole output is
// built in memory before anything is written, so a failure never leaves
// half a file, and --out is replaced atomically (a temporary file in the
// same folder, then a rename), so a reader never sees a partial export.
//
// Mistakes are reported on one line, because scripts such as score.py show
// the first line of stderr.
func runCompare(c *call, format, out string, opt export.Options, files []string) error {
	f := strings.ToLower(format)
	if !slices.Contains(export.Formats, f) {
		return c.usage("unknown format %q (use %s)", format, strings.Join(export.Formats, ", "))
	}
	if len(files) < 2 {
		return c.usage("compare needs at least two files, got %d", len(files))
	}
	if err := c.checkOutput(f, out); err != nil {
		return err
	}
	cmp, err := compare.Files(c.ctx, files, compare.Options{}, nil)
	if err != nil {
		return err
	}
	m := &export.Memo{C: cmp}
	var b bytes.Buffer
	if err := export.Write(&b, f, m, c.memoOptions(opt)); err != nil {
		return err
	}
	return c.emit(b.Bytes(), out, m)
}

// binaryFormats name the export formats whose files are not text, as the
// refusal to write one to a terminal calls them.
var binaryFormats = map[string]string{"pdf": "a PDF"}

// checkOutput refuses, before any work, to write a binary format to
// standard output when that is a terminal: it would fill the screen with
// bytes and could leave the terminal in a strange state.
func (c *call) checkOutput(format, out string) error {
	if what, ok := binaryFormats[format]; ok && out == "" && c.env.StdoutTerminal {
		return fmt.Errorf("%s is not shown in a terminal; give --out FILE (or redirect)", what)
	}
	return nil
}

// emit writes a command's output to stdout, or atomically to the file out
// and then says on stderr where it wrote and what: the memo m written.
func (c *call) emit(data []byte, out string, m *export.Memo) error {
	if out == "" {
		_, err := c.env.Stdout.Write(data)
		return err
	}
	if err := workspace.WriteFile(out, data); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stderr, "Wrote %s (%s, %s).\n", out, nouns.Count(m.RowsWritten(), "row"), nouns.Count(len(m.C.Docs), "report"))
	return nil
}

// IsTerminal reports whether f is a terminal: a character device that is
// not the null device (which `> /dev/null` also makes a character device).
// Env.StdoutTerminal is IsTerminal(os.Stdout).
func IsTerminal(f *os.File) bool {
	fi, err := f.Stat()
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(fi, null)
}
