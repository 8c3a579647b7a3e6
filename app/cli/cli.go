// Package cli is Parallax's command line: it parses the subcommands of
// DESIGN.md's contract and runs them through the workspace. It sees the
// library only as an app.Store and the window only as a function, so that
// main.go stays the one place that knows both storage and views, and the
// commands can be tested without either.
//
// Each command is one definition, a command value beside the function that
// runs it: its arguments, what it does, examples, and the flags it
// registers with their help and defaults. `parallax COMMAND --help`, the
// overview of `parallax --help` and the usage line that ends a usage error
// are all made from those definitions (help.go), so they cannot drift from
// what the commands parse.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"parallax/app"
	"parallax/app/files"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// Env is everything the command line needs from the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Getenv reads environment variables (PARALLAX_DB, PARALLAX_EDITOR).
	Getenv func(string) string
	// OpenStore opens or creates the library file at path; readOnly opens
	// an existing one for reading only.
	OpenStore func(path string, readOnly bool) (app.Store, error)
	// Restore puts the backup src in place of the library at path and
	// returns where what it replaced was kept (`parallax restore`).
	Restore func(ctx context.Context, path, src string) (kept string, err error)
	// Recover copies what can be read of the library at path into a new
	// library at dest and says per table what it saved (`parallax recover`).
	Recover func(ctx context.Context, path, dest string) ([]app.Salvaged, error)
	// DefaultDB is the library path used when neither --db nor PARALLAX_DB
	// is given.
	DefaultDB func() (string, error)
	// Window opens the window on the library at dbPath; files, when given,
	// are opened for comparison.
	Window func(dbPath string, files []string) error
	// Version is printed by `parallax version`.
	Version string
	// StdoutTerminal is true when Stdout is a terminal (IsTerminal), where
	// a binary format such as PDF is not written.
	StdoutTerminal bool
}

// Run runs the command line with args (without the program name) and
// returns the process exit code: 0 on success, 1 when a command could not do
// what was asked (one line on stderr saying why), 2 when it was called
// wrongly (unknown command or option, missing argument: one line naming the
// right usage), 3 on an internal error. It never lets a panic escape.
func Run(args []string, env Env) (code int) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(env.Stderr, "parallax: internal error: %v (please report this)\n", p)
			code = 3
		}
	}()
	err := run(args, env)
	var u *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &u):
		fmt.Fprintf(env.Stderr, "parallax: %s\n", oneLine(u.Error()))
		return 2
	default:
		fmt.Fprintf(env.Stderr, "parallax: %s\n", oneLine(err.Error()))
		return 1
	}
}

// oneLine keeps a message on the one line a script shows and a person
// reads, should a reason from below carry line breaks.
func oneLine(s string) string {
	return lineBreaks.Replace(strings.TrimSpace(s))
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

// usageError is a command called wrongly; its message ends with the
// command's synopsis, so the editor sees how to call it right.
type usageError struct {
	cmd *command
	msg string
}

func (e *usageError) Error() string {
	if e.cmd.name == "" {
		return e.msg + "; usage: parallax [FILE...] or parallax COMMAND ... (parallax --help lists the commands)"
	}
	return fmt.Sprintf("%s; usage: %s (more: parallax %s --help)", e.msg, synopsis(e.cmd, e.cmd.flagSet()), e.cmd.name)
}

// call carries one invocation's environment, command and common flags.
type call struct {
	env Env
	cmd *command
	db  *string
	ctx context.Context
}

// usage returns the error of c's command called wrongly, saying what was
// wrong: the message is completed with the command's synopsis.
func (c *call) usage(format string, a ...any) error {
	return &usageError{cmd: c.cmd, msg: fmt.Sprintf(format, a...)}
}

// workspace opens the library chosen by --db, PARALLAX_DB or the default.
func (c *call) workspace() (*workspace.Workspace, func(), error) {
	st, err := c.store()
	if err != nil {
		return nil, nil, err
	}
	return workspace.New(st), func() { st.Close() }, nil
}

// store opens the library as workspace does: read-only for a command that
// only reads.
func (c *call) store() (app.Store, error) {
	path, err := c.dbPath()
	if err != nil {
		return nil, err
	}
	st, err := c.env.OpenStore(path, c.cmd.reads)
	if err != nil {
		return nil, libraryError(path, err)
	}
	return st, nil
}

// libraryFile opens the library as store does and returns its file's
// upkeep (check, backup).
func (c *call) libraryFile() (app.LibraryFile, func(), error) {
	st, err := c.store()
	if err != nil {
		return nil, nil, err
	}
	lf, ok := st.(app.LibraryFile)
	if !ok {
		st.Close()
		return nil, nil, fmt.Errorf("%s needs a library kept in a file", c.cmd.name)
	}
	return lf, func() { st.Close() }, nil
}

// libraryError says why the library at path could not be opened, by the
// plain reason at the bottom of err ("unable to open database file: is a
// directory" becomes "it is a folder"), not the chain of packages above it;
// a damaged library or a file that is not one says what to do next.
func libraryError(path string, err error) error {
	var de *app.DamagedError
	var nl *app.NotLibraryError
	switch {
	case errors.As(err, &de):
		return fmt.Errorf("%v. Nothing was written to it. parallax check lists the damage; "+
			"parallax recover --out NEW.db saves what can be read; parallax restore BACKUP puts a backup back", de)
	case errors.Is(err, app.ErrReadOnly):
		return err
	case errors.As(err, &nl):
		return fmt.Errorf("cannot open the library %s: %s. Put a backup back with parallax restore BACKUP, or give --db another file",
			files.Printable(path), nl.Reason())
	}
	cause := err
	for next := errors.Unwrap(cause); next != nil; next = errors.Unwrap(cause) {
		cause = next
	}
	reason := cause.Error()
	if fi, serr := os.Stat(path); serr == nil && fi.IsDir() {
		reason = "it is a folder"
	} else if strings.Contains(reason, "not a database") {
		reason = "it is not a Parallax library"
	}
	return fmt.Errorf("cannot open the library %s: %s", path, reason)
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

// run finds the command args name (the window when they name none), parses
// its flags wherever they stand, and runs it; -h or --help anywhere prints
// the command's help instead.
func run(args []string, env Env) error {
	args = commandFirst(args)
	cmd := find("")
	if len(args) > 0 {
		switch name := args[0]; name {
		case "--version":
			cmd, args = find("version"), args[1:]
		case "-help":
			cmd, args = find("help"), args[1:]
		default:
			if found := find(name); found != nil && name != "" {
				cmd, args = found, args[1:]
			}
		}
	}
	fs, db, runCmd := cmd.flags()
	c := &call{env: env, cmd: cmd, db: db, ctx: context.Background()}
	pos, err := parse(fs, args, cmd.dashArgs)
	if errors.Is(err, flag.ErrHelp) {
		return writeHelp(env.Stdout, cmd)
	}
	if err != nil {
		return c.usage("%v", err)
	}
	return runCmd(c, pos)
}

// commandFirst moves a command named after a leading --db PATH to the
// front: `parallax --db lib.db list` is how many tools take a global
// option, and --db is the one option every command shares. Anything else
// before the command stays where it is, and is the window's to judge.
func commandFirst(args []string) []string {
	i := 0
	for i < len(args) {
		switch a := args[i]; {
		case a == "--db" || a == "-db":
			i += 2
		case strings.HasPrefix(a, "--db=") || strings.HasPrefix(a, "-db="):
			i++
		default:
			if i > 0 && find(a) != nil && a != "" {
				return slices.Concat([]string{a}, args[:i], args[i+1:])
			}
			return args
		}
	}
	return args
}

// windowCmd opens the window: the default when no command is named.
var windowCmd = command{
	args:    "[FILE...]",
	summary: "open the window; with FILEs, add them and compare them",
	library: true,
	define: func(*flag.FlagSet) runner {
		return runWindow
	},
}

func runWindow(c *call, files []string) error {
	for _, f := range files {
		if _, err := os.Stat(f); err != nil {
			if strings.HasPrefix(f, "-") || !strings.ContainsAny(f, "./\\") {
				return c.usage("unknown command %q", f)
			}
			return fmt.Errorf("cannot open %s: no such file", f)
		}
	}
	if err := displayProblem(c.env.Getenv); err != nil {
		return err
	}
	path, err := c.dbPath()
	if err != nil {
		return err
	}
	return c.env.Window(path, files)
}

var addCmd = command{
	name:    "add",
	args:    "FILE|FOLDER|URL...",
	summary: "add files, folders and web pages to the library",
	about: "Adds reports to the library: files of every kind Parallax reads (text, Markdown, " +
		"web pages, MHTML, e-mail, Word, OpenDocument, PDF, subtitles), with --recursive the " +
		"readable files of folders and their sub-folders, and web pages by their address. A " +
		"line per file is printed as soon as it is stored; a report already in the library is " +
		"not added twice, and a file that cannot be read (or is not a regular file: a pipe, a " +
		"device) is named with the reason, with nothing of it stored. The details given apply " +
		"to every report added.",
	examples: []string{
		"parallax add wire.txt article.html transcript.srt",
		"parallax add --recursive ~/stories/ferry/",
		`parallax add statement.pdf --ocr --outlet "City Council" --date 14/3/2025`,
	},
	library: true,
	define: func(fs *flag.FlagSet) runner {
		var opt workspace.ImportOptions
		m := &opt.Meta
		fs.BoolVar(&opt.Read.OCR, "ocr", false, "recognise the text of scanned PDFs with tesseract, where installed")
		fs.StringVar(&m.Title, "title", "", "the report's `TITLE`, for one file only (default: the title the file gives, else its first line)")
		fs.StringVar(&m.Outlet, "outlet", "", "the `NAME` of the outlet that published the reports (default: the file's, or a wire dateline's)")
		fs.StringVar(&m.Author, "author", "", "the author's `NAME` (default: the file's)")
		fs.StringVar(&m.Published, "date", "", "the published `DATE`, as you write it: 14/3/2025, 14 March 2025, 2025-03-14 (default: the file's)")
		fs.StringVar(&m.URL, "url", "", "the report's original `URL` (default: the file's, or the address fetched)")
		recursive := fs.Bool("recursive", false, "add the readable files of each FOLDER given and of its sub-folders")
		return func(c *call, files []string) error { return runAdd(c, opt, *recursive, files) }
	},
}

func runAdd(c *call, opt workspace.ImportOptions, recursive bool, sources []string) error {
	m := &opt.Meta
	if len(sources) == 0 {
		return c.usage("add needs at least one file, folder or web address")
	}
	// A folder is added only when asked, as cp and grep take one only
	// with -r: a folder named by mistake (a home folder) is not walked.
	if !recursive {
		for _, src := range sources {
			if fi, err := os.Stat(src); err == nil && fi.IsDir() {
				return c.usage("%s is a folder; give --recursive to add the files in it and its sub-folders", files.Printable(src))
			}
		}
	}
	if n := len(workspace.Expand(sources)); m.Title != "" && n > 1 {
		return c.usage("--title names one report, but %d files were given", n)
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	// Each outcome is printed as soon as it is stored, so a run that is
	// killed has reported everything it added.
	failed, total := 0, 0
	ws.Import(c.ctx, sources, opt, func(_, n int, res workspace.Imported) {
		total = n
		switch {
		case res.Err != nil:
			failed++
			fmt.Fprintf(c.env.Stderr, "parallax: %v\n", res.Err)
		case res.Duplicate:
			fmt.Fprintf(c.env.Stdout, "%s: already in the library as report %d (%s); not added again\n",
				files.Printable(res.Path), res.Report.ID, workspace.Title(res.Report))
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
	ID        int64    `json:"id"`
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	Author    string   `json:"author"`
	Published string   `json:"published"`
	URL       string   `json:"url"`
	File      string   `json:"file"`
	Format    string   `json:"format"`
	Words     int      `json:"words"`
	Added     string   `json:"added"`
	Tags      []string `json:"tags"`
}

var listCmd = command{
	name:    "list",
	summary: "the reports in the library, with their IDs",
	about: "Lists the reports in the library, newest first: ID, title, outlet, published date, " +
		"words, when each was added and its tags. --sort orders them by " + strings.Join(app.SortKeys, ", ") +
		" (added and words largest first, the others A to Z and earliest first; --reverse turns " +
		"it round; reports without a date or an outlet come last). --outlet, --tag and --format " +
		"keep the reports of one outlet, tag or kind of file, --after and --before those " +
		"published in a range of dates, --compared and --not-compared those in a saved " +
		"comparison or in none. The IDs are what show, edit, remove, reimport and tag take.",
	examples: []string{"parallax list", "parallax list --json",
		"parallax list --tag syria --after 2024-05 --sort published",
		"parallax list --outlet Reuters --not-compared"},
	library: true,
	reads:   true,
	define: func(fs *flag.FlagSet) runner {
		asJSON := fs.Bool("json", false, "print JSON: id, title, outlet, author, published, url, file, format, words, added, tags")
		var q app.ReportQuery
		fs.StringVar(&q.Sort, "sort", "", "order by `KEY`: "+strings.Join(app.SortKeys, ", ")+" (default added)")
		fs.BoolVar(&q.Reverse, "reverse", false, "turn the order round")
		fs.StringVar(&q.Outlet, "outlet", "", "only the reports of outlet `NAME`")
		fs.StringVar(&q.Tag, "tag", "", "only the reports tagged `TAG`")
		fs.StringVar(&q.Format, "format", "", "only the reports read as `KIND` (text, markdown, html, docx, pdf, subtitles…)")
		fs.StringVar(&q.After, "after", "", "only the reports published on or after `DATE` (2024, 2024-05 or 2024-05-01)")
		fs.StringVar(&q.Before, "before", "", "only the reports published on or before `DATE`")
		compared := fs.Bool("compared", false, "only the reports in a saved comparison")
		notCompared := fs.Bool("not-compared", false, "only the reports in no saved comparison")
		return func(c *call, rest []string) error {
			switch {
			case *compared && *notCompared:
				return c.usage("--compared and --not-compared cannot both be given")
			case *compared:
				q.Compared = app.Yes
			case *notCompared:
				q.Compared = app.No
			}
			return runList(c, q, *asJSON, rest)
		}
	},
}

func runList(c *call, q app.ReportQuery, asJSON bool, rest []string) error {
	if len(rest) > 0 {
		return c.usage("list takes no arguments")
	}
	if err := q.Check(); err != nil {
		return c.usage("%v", err)
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	reports, err := ws.FindReports(c.ctx, q)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]reportJSON, 0, len(reports))
		for _, r := range reports {
			out = append(out, listing(r))
		}
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(reports) == 0 && q == (app.ReportQuery{}) {
		fmt.Fprintln(c.env.Stdout, "The library is empty. Add reports with: parallax add FILE...")
		return nil
	}
	if len(reports) == 0 {
		fmt.Fprintln(c.env.Stdout, "No report in the library fits.")
		return nil
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tOUTLET\tPUBLISHED\tWORDS\tADDED\tTAGS")
	for _, r := range reports {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%d\t%s\t%s\n", r.ID, clip(workspace.Title(r), 60), clip(r.Outlet, 24),
			r.Published, r.Words, r.Created.Local().Format("2006-01-02 15:04"), clip(strings.Join(r.Tags, ", "), 40))
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
func (c *call) ids(args []string) ([]int64, error) {
	out := make([]int64, 0, len(args))
	for _, a := range args {
		id, err := strconv.ParseInt(a, 10, 64)
		if err != nil || id <= 0 {
			return nil, c.usage("%q is not a report ID (see parallax list)", a)
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
	tags := r.Tags
	if tags == nil {
		tags = []string{}
	}
	return reportJSON{r.ID, r.Title, r.Outlet, r.Author, r.Published, r.URL,
		r.FileName, r.Format, r.Words, r.Created.UTC().Format(time.RFC3339), tags}
}

var showCmd = command{
	name:     "show",
	args:     "ID",
	summary:  "one report's details and text",
	about:    "Prints a report's details (title, outlet, author, published date, address, file, format, words), then its text as Parallax read it.",
	examples: []string{"parallax show 3", "parallax show --json 3"},
	library:  true,
	reads:    true,
	define: func(fs *flag.FlagSet) runner {
		asJSON := fs.Bool("json", false, "print JSON: the fields of list --json, the text, ocr and, for a transcript, its cues")
		return func(c *call, rest []string) error { return runShow(c, *asJSON, rest) }
	},
}

func runShow(c *call, asJSON bool, rest []string) error {
	if len(rest) != 1 {
		return c.usage("show takes one report ID")
	}
	id, err := c.ids(rest)
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
	if asJSON {
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

var editCmd = command{
	name:    "edit",
	args:    "ID",
	summary: "correct a report's details",
	about: "Sets the details given, and only those, of a report: an empty value clears one. " +
		"A date is read as you write it and stored as a day (14/3/2025 becomes 2025-03-14).",
	examples: []string{`parallax edit 3 --outlet "Lake Wire" --date "10 August 2017"`, `parallax edit 3 --author ""`},
	library:  true,
	define: func(fs *flag.FlagSet) runner {
		var m ingest.Meta
		fs.StringVar(&m.Title, "title", "", "the new `TITLE`")
		fs.StringVar(&m.Outlet, "outlet", "", "the new outlet `NAME`")
		fs.StringVar(&m.Author, "author", "", "the new author `NAME`")
		fs.StringVar(&m.Published, "date", "", "the new published `DATE`, as you write it")
		fs.StringVar(&m.URL, "url", "", "the new original `URL`")
		return func(c *call, rest []string) error { return runEdit(c, fs, m, rest) }
	},
}

// runEdit is `parallax edit ID --title … --outlet … --author … --date …
// --url …`: it sets the details in m that fs was given (only those) and
// prints the report's new label.
func runEdit(c *call, fs *flag.FlagSet, m ingest.Meta, rest []string) error {
	if len(rest) != 1 {
		return c.usage("edit takes one report ID")
	}
	id, err := c.ids(rest)
	if err != nil {
		return err
	}
	var set workspace.Fields
	bits := map[string]workspace.Fields{"title": workspace.FieldTitle, "outlet": workspace.FieldOutlet,
		"author": workspace.FieldAuthor, "date": workspace.FieldPublished, "url": workspace.FieldURL}
	fs.Visit(func(f *flag.Flag) { set |= bits[f.Name] })
	if set == 0 {
		return c.usage("edit needs at least one of --title, --outlet, --author, --date, --url")
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

var searchCmd = command{
	name:    "search",
	args:    "QUERY...",
	summary: "the reports that mention words, best first",
	about: "Finds the reports whose text mentions the words, best match first, each with a " +
		"snippet in which the matches stand in [brackets].",
	examples: []string{"parallax search ferry captain", "parallax search Deraa --limit 5"},
	library:  true,
	reads:    true,
	define: func(fs *flag.FlagSet) runner {
		limit := fs.Int("limit", 20, "show at most `N` reports")
		return func(c *call, words []string) error { return runSearch(c, *limit, words) }
	},
}

func runSearch(c *call, limit int, words []string) error {
	query := strings.TrimSpace(strings.Join(words, " "))
	if query == "" {
		return c.usage("search needs words to look for")
	}
	if limit < 1 {
		return c.usage("--limit must be at least 1")
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	hits, err := ws.Search(c.ctx, query, limit)
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

var removeCmd = command{
	name:     "remove",
	args:     "ID...",
	summary:  "delete reports from the library",
	about:    "Deletes reports from the library, a line for each, and stops at the first ID the library does not hold.",
	examples: []string{"parallax remove 3 4"},
	library:  true,
	define:   func(*flag.FlagSet) runner { return runRemove },
}

func runRemove(c *call, rest []string) error {
	if len(rest) == 0 {
		return c.usage("remove needs report IDs (see parallax list)")
	}
	list, err := c.ids(rest)
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
