package cli

import (
	"bytes"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"parallax/app"
	"parallax/app/export"
	"parallax/app/workspace"
)

var exportCmd = command{
	name:    "export",
	summary: "a saved comparison with the editor's verdicts and notes, as a memo",
	about: "Writes a saved comparison (see parallax comparisons) aligned as the editor left it " +
		"(base report, strictness, manual fixes), every row with its verdict and notes, or with " +
		"--only the rows judged so; orphaned notes are listed too. The memo is written to standard " +
		"output, or with --out to a new file, never left half written; a file already there is " +
		"replaced only with --force. CSV cells that a spreadsheet would run as formulas start " +
		"with a \"'\" unless --raw. A PDF is not written to a terminal.",
	examples: []string{
		"parallax export --comparison 2 --format html --out memo.html",
		"parallax export --comparison 2 --only disputed,needs-checking > to-check.md",
	},
	required: []string{"comparison"},
	library:  true,
	reads:    true,
	define: func(fs *flag.FlagSet) runner {
		var o exportFlags
		fs.Int64Var(&o.id, "comparison", 0, "the saved comparison's `ID` (see parallax comparisons)")
		fs.StringVar(&o.format, "format", "md", "the memo's format, one of `"+strings.Join(export.Formats, "|")+"`")
		fs.StringVar(&o.only, "only", "", "keep only the rows whose verdict is in `VERDICT,...`, a list of: "+
			strings.Join(workspace.VerdictNames(), ", "))
		outputFlags(fs, &o.out)
		fs.BoolVar(&o.opt.BOM, "bom", false, "start a CSV with a byte order mark, for spreadsheet programs")
		rawFlag(fs, &o.opt)
		fs.StringVar(&o.opt.Paper, "paper", "A4", "the PDF's page size: `A4|Letter`")
		editorFlag(fs, &o.opt.Editor)
		return func(c *call, rest []string) error { return runExport(c, o, rest) }
	},
}

// exportFlags are the flags of export.
type exportFlags struct {
	id           int64
	format, only string
	out          output
	opt          export.Options
}

// runExport is `parallax export --comparison ID`: a saved comparison with
// the editor's verdicts and notes, aligned as the editor left it, dated now
// and signed by the editor (memoOptions). As with compare, the whole export
// is built before anything is written and --out written as compare writes it.
func runExport(c *call, o exportFlags, rest []string) error {
	if len(rest) > 0 {
		return c.usage("export takes no file arguments (got %q; the file to write goes after --out)", rest[0])
	}
	if o.id <= 0 {
		return c.usage("export needs --comparison ID (see parallax comparisons)")
	}
	f := strings.ToLower(o.format)
	if !slices.Contains(export.Formats, f) {
		return c.usage("unknown format %q (use %s)", o.format, strings.Join(export.Formats, ", "))
	}
	if err := c.checkOutput(f, o.out); err != nil {
		return err
	}
	var verdicts []app.Verdict
	if o.only != "" {
		var err error
		if verdicts, err = workspace.ParseVerdicts(o.only); err != nil {
			return c.usage("--only: %v", err)
		}
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	var b bytes.Buffer
	m, err := ws.Export(c.ctx, o.id, f, verdicts, c.memoOptions(o.opt), &b)
	if err != nil {
		return err
	}
	return c.emit(b.Bytes(), o.out, &m)
}

var comparisonsCmd = command{
	name:    "comparisons",
	summary: "the saved comparisons and their IDs",
	about: "Lists the comparisons saved in the library (the window saves one whenever reports " +
		"are compared): ID, name, the IDs of its reports and when it last changed. The IDs are " +
		"what export takes.",
	examples: []string{"parallax comparisons"},
	library:  true,
	reads:    true,
	define:   func(*flag.FlagSet) runner { return runComparisons },
}

// editorFlag registers --editor NAME on fs, into name: the memo's
// signature, which compare and export take alike (memoOptions fills in
// PARALLAX_EDITOR when it is not given).
func editorFlag(fs *flag.FlagSet, name *string) {
	fs.StringVar(name, "editor", "", "sign the memo with `NAME`: its header says who exported it (default: $PARALLAX_EDITOR)")
}

// rawFlag registers --raw on fs, into opt.RawCSV: compare and export both
// write CSV cells that a spreadsheet would run as formulas with a leading
// "'" unless told otherwise, for a program that reads the cells itself.
func rawFlag(fs *flag.FlagSet, opt *export.Options) {
	fs.BoolVar(&opt.RawCSV, "raw", false, "write CSV cells exactly, without the \"'\" that keeps a spreadsheet from running a cell that starts with = + - @ as a formula")
}

// memoOptions completes opt for a memo written now: dated now and signed
// by --editor, else by the PARALLAX_EDITOR environment variable, so an
// editor sets the name once, as the window remembers it.
func (c *call) memoOptions(opt export.Options) export.Options {
	if opt.Editor == "" {
		opt.Editor = c.env.Getenv("PARALLAX_EDITOR")
	}
	opt.Exported = time.Now()
	return opt
}

// runComparisons is `parallax comparisons`: the saved comparisons with the
// IDs export takes.
func runComparisons(c *call, rest []string) error {
	if len(rest) > 0 {
		return c.usage("comparisons takes no arguments")
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	list, err := ws.Comparisons(c.ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintln(c.env.Stdout, "No saved comparisons. Open reports side by side in the window to make one.")
		return nil
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tREPORTS\tUPDATED")
	for _, cmp := range list {
		ids := make([]string, len(cmp.Reports))
		for i, r := range cmp.Reports {
			ids[i] = strconv.FormatInt(r, 10)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", cmp.ID, clip(cmp.Name, 60), strings.Join(ids, ","),
			cmp.Updated.Local().Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

var reimportCmd = command{
	name:    "reimport",
	args:    "ID FILE",
	summary: "replace a report's text with a newer version of it",
	about: "Reads FILE as a newer version of report ID (an updated article, a corrected " +
		"transcript) and replaces the report's text with it. The report keeps its ID and its " +
		"place in comparisons, and notes follow their claims to the new text.",
	examples: []string{"parallax reimport 3 article-updated.html"},
	library:  true,
	define:   func(*flag.FlagSet) runner { return runReimport },
}

// runReimport is `parallax reimport ID FILE`: report ID's text replaced by
// the file's (a newer version), keeping the report in its comparisons.
func runReimport(c *call, rest []string) error {
	if len(rest) != 2 {
		return c.usage("reimport needs a report ID and a file")
	}
	ids, err := c.ids(rest[:1])
	if err != nil {
		return err
	}
	id := ids[0]
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	r, err := ws.Reimport(c.ctx, id, rest[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "re-imported report %d: %s (%d words)\n", r.ID, describe(r), r.Words)
	return nil
}
