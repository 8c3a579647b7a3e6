package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"parallax/app"
	"parallax/app/files"
	"parallax/app/nouns"
	"parallax/app/workspace"
)

// The commands that look after the library file itself: check, backup and
// restore. What they guarantee is in the README ("Keeping the library
// safe").

var checkCmd = command{
	name:    "check",
	summary: "check the library file for damage",
	about: "Runs SQLite's full integrity check on the library and says whether it is sound. " +
		"It opens the library read-only, so it works on a damaged library (which Parallax " +
		"refuses to write to) and while the window is open. Exits 1 when damage is found.",
	examples: []string{"parallax check", "parallax check --db ~/newsroom.db"},
	library:  true,
	reads:    true,
	define:   func(*flag.FlagSet) runner { return runCheck },
}

// runCheck is `parallax check`.
func runCheck(c *call, rest []string) error {
	if len(rest) > 0 {
		return c.usage("check takes no arguments")
	}
	lf, done, err := c.libraryFile()
	if err != nil {
		return err
	}
	defer done()
	problems, err := lf.Check(c.ctx)
	if err != nil {
		return err
	}
	path, _ := c.dbPath()
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(c.env.Stdout, p)
		}
		return fmt.Errorf("the library %s is damaged (%s found). Put a backup back with parallax restore BACKUP",
			files.Printable(path), nouns.Count(len(problems), "problem"))
	}
	fmt.Fprintf(c.env.Stdout, "%s: ok\n", files.Printable(path))
	return nil
}

var backupCmd = command{
	name:    "backup",
	summary: "copy the library to one file, safely, even while it is in use",
	about: "Writes a copy of the whole library (reports, comparisons, verdicts, notes, fixes) " +
		"to FILE with SQLite's online backup, consistent while the window or another command " +
		"writes, checked, and self-contained (copying library.db itself while it is open can " +
		"miss the writes still in its -wal file). FILE is written as exports are: never half " +
		"written, an existing file replaced only with --force.",
	examples: []string{"parallax backup --out ~/backups/parallax-2026-12-07.db"},
	required: []string{"out"},
	library:  true,
	reads:    true,
	define: func(fs *flag.FlagSet) runner {
		var out output
		fs.StringVar(&out.path, "out", "", "write the copy to `FILE`")
		fs.BoolVar(&out.force, "force", false, "replace FILE if it exists")
		return func(c *call, rest []string) error { return runBackup(c, out, rest) }
	},
}

// runBackup is `parallax backup --out FILE`.
func runBackup(c *call, out output, rest []string) error {
	if len(rest) > 0 {
		return c.usage("backup takes no arguments (the copy's name goes after --out)")
	}
	if out.stdout() {
		return c.usage("backup needs --out FILE")
	}
	lf, done, err := c.libraryFile()
	if err != nil {
		return err
	}
	defer done()
	err = workspace.WriteWith(out.path, out.force, func(f *os.File) error { return lf.BackupTo(c.ctx, f.Name()) })
	if errors.Is(err, workspace.ErrExists) {
		return fmt.Errorf("%w (give --force to replace it)", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stderr, "Wrote %s (a copy of the library).\n", files.Printable(out.path))
	return nil
}

var restoreCmd = command{
	name:    "restore",
	args:    "BACKUP",
	summary: "put a backup of the library back",
	about: "Replaces the library's contents with the backup BACKUP (a file parallax backup " +
		"wrote, or the copy Parallax keeps before upgrading a library, library.db.bak-vN), " +
		"after checking that it is a sound library this version can read. The contents it " +
		"replaces are kept beside the library as library.db.bak-restore; a damaged library " +
		"is moved aside as library.db.damaged-TIME instead. A window open on the library " +
		"shows the restored contents once it reopens a comparison.",
	examples: []string{"parallax restore ~/backups/parallax-2026-12-07.db"},
	library:  true,
	define:   func(*flag.FlagSet) runner { return runRestore },
}

// runRestore is `parallax restore BACKUP`.
func runRestore(c *call, rest []string) error {
	if len(rest) != 1 {
		return c.usage("restore needs one backup file, got %d", len(rest))
	}
	src := rest[0]
	path, err := c.dbPath()
	if err != nil {
		return err
	}
	if fi, err := os.Stat(src); err != nil || !fi.Mode().IsRegular() {
		return fmt.Errorf("cannot restore from %s: not a file", files.Printable(src))
	}
	kept, err := c.env.Restore(c.ctx, path, src)
	var nl *app.NotLibraryError
	if errors.As(err, &nl) {
		return fmt.Errorf("cannot restore from %s: %s", files.Printable(src), nl.Reason())
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "restored the library %s from %s; what it held before is kept in %s\n",
		files.Printable(path), files.Printable(src), files.Printable(kept))
	return nil
}

var recoverCmd = command{
	name:    "recover",
	summary: "save what can be read of a damaged library into a new one",
	about: "Copies every report, comparison, verdict, note and fix that can still be read from " +
		"the library (which may be damaged; it is only read) into a new library FILE, and says " +
		"per kind how many were saved. Rows on damaged pages are lost, and a note whose " +
		"comparison was lost goes with it. Use the new library with --db FILE, or put it in " +
		"place of the damaged one with parallax restore FILE.",
	examples: []string{"parallax recover --out ~/recovered.db"},
	required: []string{"out"},
	library:  true,
	define: func(fs *flag.FlagSet) runner {
		out := fs.String("out", "", "the new library `FILE` (it must not exist)")
		return func(c *call, rest []string) error { return runRecover(c, *out, rest) }
	},
}

// tableWords name the library's tables as recover's report says them.
var tableWords = map[string]string{
	"reports":            "reports",
	"settings":           "settings",
	"comparisons":        "comparisons",
	"comparison_reports": "reports in comparisons",
	"notes":              "notes and verdicts",
	"fixes":              "manual fixes",
	"tags":               "tags",
	"report_tags":        "tags on reports",
}

// runRecover is `parallax recover --out FILE`.
func runRecover(c *call, out string, rest []string) error {
	if len(rest) > 0 {
		return c.usage("recover takes no arguments (the new library goes after --out)")
	}
	if out == "" || out == "-" {
		return c.usage("recover needs --out FILE, a new library file")
	}
	path, err := c.dbPath()
	if err != nil {
		return err
	}
	if _, err := os.Lstat(out); err == nil {
		return fmt.Errorf("cannot write %s: %w (recover makes a new library)", files.Printable(out), workspace.ErrExists)
	}
	saved, err := c.env.Recover(c.ctx, path, out)
	if err != nil {
		return err
	}
	for _, s := range saved {
		what := tableWords[s.Table]
		if what == "" {
			what = s.Table
		}
		line := fmt.Sprintf("%s: %d saved", what, s.Rows)
		if s.Lost > 0 {
			line += fmt.Sprintf(", %d dropped (what they belonged to was lost)", s.Lost)
		}
		if s.Unread > 0 {
			line += fmt.Sprintf(", %d could not be read", s.Unread)
		}
		if s.Partial {
			line += ", some on a damaged page lost"
		}
		fmt.Fprintln(c.env.Stdout, line)
	}
	fmt.Fprintf(c.env.Stdout, "The new library is %s: open it with --db %s, or put it in place with parallax restore %s\n",
		files.Printable(out), files.Printable(out), files.Printable(out))
	return nil
}
