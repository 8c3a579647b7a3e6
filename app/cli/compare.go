package cli

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/export"
	"parallax/app/files"
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
		"goes to standard output, or with --out to a new file, never left half written; a file " +
		"already there is replaced only with --force, and keeps its permissions. CSV cells " +
		"that a spreadsheet would run as formulas start with a \"'\" unless --raw. JSON, for " +
		"programs, gives each file's claims as byte offsets and each row's claims, level, score " +
		"and flags. A PDF is not written to a terminal. " +
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
		var out output
		outputFlags(fs, &out)
		var opt export.Options
		editorFlag(fs, &opt.Editor)
		rawFlag(fs, &opt)
		return func(c *call, files []string) error { return runCompare(c, *format, out, opt, files) }
	},
}

// runCompare is `parallax compare FILE...`: it compares files without
// opening the library (DESIGN.md, Command line) and writes them through
// export.Write, as the window exports them, with no notes, dated now and
// signed as opt says (memoOptions); md is the default because a person at
// a terminal reads it. The whole output is
// built in memory before anything is written, so a failure never leaves
// half a file, and --out is written as workspace.WriteFile does (a
// temporary file in the same folder, then a link or rename, an existing
// file only with --force), so a reader never sees a partial export.
//
// Mistakes are reported on one line, because scripts such as score.py show
// the first line of stderr.
func runCompare(c *call, format string, out output, opt export.Options, files []string) error {
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
func (c *call) checkOutput(format string, out output) error {
	if what, ok := binaryFormats[format]; ok && out.stdout() && c.env.StdoutTerminal {
		return fmt.Errorf("%s is not shown in a terminal; give --out FILE (or redirect)", what)
	}
	return nil
}

// output is where compare and export write: --out FILE, "-" or nothing
// for standard output, and --force to replace a file already there.
type output struct {
	path  string
	force bool
}

// outputFlags registers --out and --force on fs, into o.
func outputFlags(fs *flag.FlagSet, o *output) {
	fs.StringVar(&o.path, "out", "", "write to `FILE` instead of standard output (- is standard output)")
	fs.BoolVar(&o.force, "force", false, "replace the --out file if it exists (it keeps its permissions)")
}

// stdout reports whether o is standard output.
func (o output) stdout() bool { return o.path == "" || o.path == "-" }

// emit writes a command's output to stdout, or to the file out names
// (workspace.WriteFile) and then says on stderr where it wrote and what:
// the memo m written. A refusal says what to do instead.
func (c *call) emit(data []byte, out output, m *export.Memo) error {
	if out.stdout() {
		_, err := c.env.Stdout.Write(data)
		return err
	}
	if err := workspace.WriteFile(out.path, data, out.force); err != nil {
		switch {
		case errors.Is(err, workspace.ErrExists):
			return fmt.Errorf("%w (give --force to replace it)", err)
		case errors.Is(err, workspace.ErrNotRegular):
			return fmt.Errorf("%w (give --out - for standard output)", err)
		}
		return err
	}
	fmt.Fprintf(c.env.Stderr, "Wrote %s (%s, %s).\n", files.Printable(out.path), nouns.Count(m.RowsWritten(), "row"), nouns.Count(len(m.C.Docs), "report"))
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
