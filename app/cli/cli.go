// Package cli is Parallax's command line: it parses the subcommands of
// DESIGN.md's contract and runs them through the workspace. It sees the
// library only as an app.Store and the window only as a function, so that
// main.go stays the one place that knows both storage and views, and the
// commands can be tested without either.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"parallax/app"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// Env is everything the command line needs from the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads environment variables (PARALLAX_DB, PARALLAX_EDITOR).
	Getenv func(string) string
	// OpenStore opens or creates the library file at path.
	OpenStore func(path string) (app.Store, error)
	// DefaultDB is the library path used when neither --db nor PARALLAX_DB
	// is given.
	DefaultDB func() (string, error)
	// Window opens the window on the library at dbPath; files, when given,
	// are opened for comparison.
	Window func(dbPath string, files []string) error
	// Version is printed by `parallax version`.
	Version string
}

// errUsage marks errors whose message is followed by the usage text.
var errUsage = errors.New("usage")

const usage = `Usage:
  parallax [--db PATH] [FILE...]        open the window (on FILEs, if given)
  parallax add FILE|FOLDER|URL... [--title T] [--outlet O] [--author A] [--date D] [--url U] [--ocr]
  parallax list [--json]                 the reports in the library
  parallax show [--json] ID              one report's details and text
  parallax edit ID [--title T] [--outlet O] [--author A] [--date D] [--url U]
                                         correct a report's details (an empty value clears one)
  parallax search QUERY... [--limit N]   reports matching the words, best first
  parallax remove ID...                  delete reports from the library
  parallax reimport ID FILE              replace a report's text with a newer version of it
  parallax comparisons                   the saved comparisons and their IDs
  parallax export --comparison ID [--format md|html|csv|json|pdf] [--only VERDICT,...]
                  [--bom] [--paper a4|letter] [--editor NAME] [--out PATH]
                                         the editor's verdicts and notes as a memo
  parallax compare [--format json|md|html|csv|pdf] [--editor NAME] [--out PATH] FILE...
  parallax pairs < PAIRS.tsv             claim-pair scores (TSV label,id1,id2,text1,text2 in; id1,id2,score,same out)
  parallax version

Every command takes --db PATH (or the PARALLAX_DB environment variable) to
choose the library file. --editor NAME (or PARALLAX_EDITOR) signs a memo.
`

// Run runs the command line with args (without the program name) and
// returns the process exit code: 0 on success, 1 on a user error (one line
// on stderr), 2 on an internal error. It never lets a panic escape.
func Run(args []string, env Env) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(env.Stderr, "parallax: internal error: %v (please report this)\n", p)
			code = 2
		}
	}()
	err := run(args, env)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprint(env.Stdout, usage)
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(env.Stderr, "parallax: %v\n", strings.TrimSuffix(err.Error(), ": "+errUsage.Error()))
		fmt.Fprint(env.Stderr, "Run 'parallax help' for usage.\n")
		return 1
	default:
		fmt.Fprintf(env.Stderr, "parallax: %v\n", err)
		return 1
	}
}

// command is one subcommand: its flags are registered on fs before parsing.
type command struct {
	run func(c *call, args []string) error
}

var commands = map[string]command{
	"add":    {runAdd},
	"list":   {runList},
	"show":   {runShow},
	"edit":   {runEdit},
	"search": {runSearch},
	"remove": {runRemove},
	"pairs":  {runPairs},

	"comparisons": {runComparisons},
	"export":      {runExport},
	"reimport":    {runReimport},

	"compare": {runCompare},
}

// call carries one invocation's environment and common flags.
type call struct {
	env Env
	fs  *flag.FlagSet
	db  *string
	ctx context.Context
}

// workspace opens the library chosen by --db, PARALLAX_DB or the default.
func (c *call) workspace() (*workspace.Workspace, func(), error) {
	path, err := c.dbPath()
	if err != nil {
		return nil, nil, err
	}
	st, err := c.env.OpenStore(path)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot open the library %s: %w", path, err)
	}
	return workspace.New(st), func() { st.Close() }, nil
}

func (c *call) dbPath() (string, error) {
	if *c.db != "" {
		return *c.db, nil
	}
	if p := c.env.Getenv("PARALLAX_DB"); p != "" {
		return p, nil
	}
	return c.env.DefaultDB()
}

func run(args []string, env Env) error {
	name := ""
	if len(args) > 0 {
		name = args[0]
	}
	switch name {
	case "help", "-h", "--help", "-help":
		return flag.ErrHelp
	case "version", "--version":
		fmt.Fprintf(env.Stdout, "parallax %s\n", env.Version)
		return nil
	}
	cmd, ok := commands[name]
	if ok {
		args = args[1:]
	} else {
		cmd = command{runWindow}
	}
	fs := flag.NewFlagSet("parallax "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c := &call{env: env, fs: fs, db: fs.String("db", "", "library file"), ctx: context.Background()}
	return cmd.run(c, args)
}

// parseArgs parses c's flags among args, wrapping mistakes as usage errors.
func (c *call) parseArgs(args []string) ([]string, error) {
	pos, err := parse(c.fs, args)
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		return nil, fmt.Errorf("%v: %w", err, errUsage)
	}
	return pos, err
}

func runWindow(c *call, args []string) error {
	files, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			if strings.HasPrefix(f, "-") || !strings.ContainsAny(f, "./\\") {
				return fmt.Errorf("unknown command %q: %w", f, errUsage)
			}
			return fmt.Errorf("cannot open %s: no such file", f)
		}
	}
	path, err := c.dbPath()
	if err != nil {
		return err
	}
	return c.env.Window(path, files)
}

func runAdd(c *call, args []string) error {
	var opt workspace.ImportOptions
	m := &opt.Meta
	c.fs.BoolVar(&opt.Read.OCR, "ocr", false, "")
	c.fs.StringVar(&m.Title, "title", "", "")
	c.fs.StringVar(&m.Outlet, "outlet", "", "")
	c.fs.StringVar(&m.Author, "author", "", "")
	c.fs.StringVar(&m.Published, "date", "", "")
	c.fs.StringVar(&m.URL, "url", "", "")
	files, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("add needs at least one file, folder or web address: %w", errUsage)
	}
	if n := len(workspace.Expand(files)); m.Title != "" && n > 1 {
		return fmt.Errorf("--title names one report, but %d files were given: %w", n, errUsage)
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	// Each outcome is printed as soon as it is stored, so a run that is
	// killed has reported everything it added.
	failed, total := 0, 0
	ws.Import(c.ctx, files, opt, func(_, n int, res workspace.Imported) {
		total = n
		switch {
		case res.Err != nil:
			failed++
			fmt.Fprintf(c.env.Stderr, "parallax: %v\n", res.Err)
		case res.Duplicate:
			fmt.Fprintf(c.env.Stdout, "%s: already in the library as report %d (%s); not added again\n",
				res.Path, res.Report.ID, workspace.Title(res.Report))
		default:
			fmt.Fprintf(c.env.Stdout, "added report %d: %s\n", res.Report.ID, describe(res.Report))
		}
	})
	if failed > 0 {
		return fmt.Errorf("%d of %d could not be added", failed, total)
	}
	return nil
}

// describe is a report's one-line label: title (outlet, date), the title
// as the window shows it (workspace.Title: a file without one is named by
// its file name).
func describe(r app.Report) string {
	var extra []string
	for _, s := range []string{r.Outlet, r.Published} {
		if s != "" {
			extra = append(extra, s)
		}
	}
	if len(extra) == 0 {
		return workspace.Title(r)
	}
	return fmt.Sprintf("%s (%s)", workspace.Title(r), strings.Join(extra, ", "))
}

// reportJSON is one report as `list --json` prints it.
type reportJSON struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Published string `json:"published"`
	URL       string `json:"url"`
	File      string `json:"file"`
	Format    string `json:"format"`
	Words     int    `json:"words"`
	Added     string `json:"added"`
}

func runList(c *call, args []string) error {
	asJSON := c.fs.Bool("json", false, "")
	rest, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("list takes no arguments: %w", errUsage)
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	reports, err := ws.Reports(c.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]reportJSON, 0, len(reports))
		for _, r := range reports {
			out = append(out, listing(r))
		}
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(reports) == 0 {
		fmt.Fprintln(c.env.Stdout, "The library is empty. Add reports with: parallax add FILE...")
		return nil
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tOUTLET\tPUBLISHED\tWORDS\tADDED")
	for _, r := range reports {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\n", r.ID, clip(workspace.Title(r), 60), clip(r.Outlet, 24),
			r.Published, r.Words, r.Created.Local().Format("2006-01-02 15:04"))
	}
	return tw.Flush()
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// ids parses report IDs given on the command line.
func ids(args []string) ([]int64, error) {
	out := make([]int64, 0, len(args))
	for _, a := range args {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%q is not a report ID (see 'parallax list'): %w", a, errUsage)
		}
		out = append(out, id)
	}
	return out, nil
}

// showJSON is one report as `show --json` prints it: the fields of `list
// --json`, the text, "ocr" for text recognised from page images and, for a
// transcript, its cues.
type showJSON struct {
	reportJSON
	Text string    `json:"text"`
	OCR  bool      `json:"ocr,omitempty"`
	Cues []cueJSON `json:"cues,omitempty"`
}

// cueJSON is one cue of a transcript: where it starts in the text, when it
// was said, and by whom.
type cueJSON struct {
	Offset  int    `json:"offset"`
	Time    string `json:"time"`
	Speaker string `json:"speaker,omitempty"`
}

// listing is a report's fields common to `list --json` and `show --json`.
func listing(r app.Report) reportJSON {
	return reportJSON{r.ID, r.Title, r.Outlet, r.Author, r.Published, r.URL,
		r.FileName, r.Format, r.Words, r.Created.UTC().Format(time.RFC3339)}
}

func runShow(c *call, args []string) error {
	asJSON := c.fs.Bool("json", false, "")
	rest, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("show takes one report ID: %w", errUsage)
	}
	id, err := ids(rest)
	if err != nil {
		return err
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	r, err := ws.Report(c.ctx, id[0])
	if err != nil {
		return err
	}
	w := c.env.Stdout
	if *asJSON {
		out := showJSON{reportJSON: listing(r), Text: r.Text, OCR: r.OCR}
		for _, cue := range r.Cues {
			out.Cues = append(out.Cues, cueJSON{cue.Offset, app.Timestamp(cue.Start), cue.Speaker})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	for _, f := range [][2]string{
		{"ID", strconv.FormatInt(r.ID, 10)}, {"Title", r.Title}, {"Outlet", r.Outlet},
		{"Author", r.Author}, {"Published", r.Published}, {"URL", r.URL}, {"File", r.FileName},
		{"Format", formatLabel(r)}, {"Words", strconv.Itoa(r.Words)},
		{"Added", r.Created.Local().Format("2006-01-02 15:04")},
	} {
		if f[1] != "" {
			fmt.Fprintf(w, "%-10s %s\n", f[0]+":", f[1])
		}
	}
	fmt.Fprintf(w, "\n%s\n", strings.TrimRight(r.Text, "\n"))
	return nil
}

// formatLabel is a report's format as `show` prints it, saying when the
// text was recognised from page images.
func formatLabel(r app.Report) string {
	if r.OCR {
		return r.Format + " (text recognised by OCR: check spellings and numbers)"
	}
	return r.Format
}

// runEdit is `parallax edit ID --title … --outlet … --author … --date …
// --url …`: it sets the details given (only those) and prints the report's
// new label.
func runEdit(c *call, args []string) error {
	var m ingest.Meta
	c.fs.StringVar(&m.Title, "title", "", "")
	c.fs.StringVar(&m.Outlet, "outlet", "", "")
	c.fs.StringVar(&m.Author, "author", "", "")
	c.fs.StringVar(&m.Published, "date", "", "")
	c.fs.StringVar(&m.URL, "url", "", "")
	rest, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("edit takes one report ID: %w", errUsage)
	}
	id, err := ids(rest)
	if err != nil {
		return err
	}
	var set workspace.Fields
	bits := map[string]workspace.Fields{"title": workspace.FieldTitle, "outlet": workspace.FieldOutlet,
		"author": workspace.FieldAuthor, "date": workspace.FieldPublished, "url": workspace.FieldURL}
	c.fs.Visit(func(f *flag.Flag) { set |= bits[f.Name] })
	if set == 0 {
		return fmt.Errorf("edit needs at least one of --title, --outlet, --author, --date, --url: %w", errUsage)
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	r, err := ws.EditMeta(c.ctx, id[0], m, set)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "edited report %d: %s\n", r.ID, describe(r))
	return nil
}

func runSearch(c *call, args []string) error {
	limit := c.fs.Int("limit", 20, "")
	words, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return fmt.Errorf("search needs words to look for: %w", errUsage)
	}
	if *limit < 1 {
		return fmt.Errorf("--limit must be at least 1: %w", errUsage)
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	hits, err := ws.Search(c.ctx, query, *limit)
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		fmt.Fprintf(c.env.Stdout, "No report mentions %q.\n", query)
		return nil
	}
	marks := strings.NewReplacer(app.SnippetOpen, "[", app.SnippetClose, "]", "\n", " ")
	for _, h := range hits {
		fmt.Fprintf(c.env.Stdout, "%d  %s\n    %s\n", h.Report.ID, describe(h.Report), marks.Replace(h.Snippet))
	}
	return nil
}

func runRemove(c *call, args []string) error {
	rest, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return fmt.Errorf("remove needs report IDs (see 'parallax list'): %w", errUsage)
	}
	list, err := ids(rest)
	if err != nil {
		return err
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	for _, id := range list {
		r, err := ws.Report(c.ctx, id)
		if err != nil {
			return err
		}
		if err := ws.Remove(c.ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "removed report %d: %s\n", id, describe(r))
	}
	return nil
}
