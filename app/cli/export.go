package cli

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"parallax/app"
	"parallax/app/export"
	"parallax/app/workspace"
)

// runExport is `parallax export --comparison ID [--format md|html|csv|json|pdf]
// [--only VERDICT,...] [--bom] [--paper a4|letter] [--editor NAME] [--out
// PATH]`: a saved comparison with the editor's verdicts and notes, aligned
// as the editor left it, dated now and signed by the editor (memoOptions). As with compare, the whole export is built before anything is
// written and --out is replaced atomically.
func runExport(c *call, args []string) error {
	id := c.fs.Int64("comparison", 0, "")
	format := c.fs.String("format", "md", "")
	only := c.fs.String("only", "", "")
	out := c.fs.String("out", "", "")
	opt := c.memoOptions()
	c.fs.BoolVar(&opt.BOM, "bom", false, "")
	c.fs.StringVar(&opt.Paper, "paper", "A4", "")
	rest, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("export takes no file arguments (got %q): %w", rest[0], errUsage)
	}
	if *id <= 0 {
		return fmt.Errorf("export needs --comparison ID (see parallax comparisons): %w", errUsage)
	}
	f := strings.ToLower(*format)
	var verdicts []app.Verdict
	if *only != "" {
		if verdicts, err = workspace.ParseVerdicts(*only); err != nil {
			return fmt.Errorf("export --only: %w", err)
		}
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	var b bytes.Buffer
	opt.Exported = time.Now()
	if err := ws.Export(c.ctx, *id, f, verdicts, *opt, &b); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return c.emit("export", b.Bytes(), *out)
}

// memoOptions registers --editor NAME, the name a memo's header gives as
// its author, defaulting to the PARALLAX_EDITOR environment variable so an
// editor sets it once, as the window remembers it.
func (c *call) memoOptions() *export.Options {
	opt := &export.Options{}
	c.fs.StringVar(&opt.Editor, "editor", c.env.Getenv("PARALLAX_EDITOR"), "")
	return opt
}

// runComparisons is `parallax comparisons`: the saved comparisons with the
// IDs export takes.
func runComparisons(c *call, args []string) error {
	rest, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("comparisons takes no arguments: %w", errUsage)
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

// runReimport is `parallax reimport ID FILE`: report ID's text replaced by
// the file's (a newer version), keeping the report in its comparisons.
func runReimport(c *call, args []string) error {
	rest, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(rest) != 2 {
		return fmt.Errorf("reimport needs a report ID and a file: %w", errUsage)
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("%q is not a report ID: %w", rest[0], errUsage)
	}
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
