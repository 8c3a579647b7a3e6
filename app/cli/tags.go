package cli

import (
	"errors"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"parallax/app"
	"parallax/app/nouns"
)

var tagCmd = command{
	name:    "tag",
	args:    "ID... +TAG... -TAG...",
	summary: "put tags on reports, or take them off",
	about: "Adds every +TAG to, and takes every -TAG from, each report ID (see parallax list), " +
		"in one change: an unknown ID changes nothing. A report may carry several tags; a tag " +
		"is the same whatever its case (it keeps the spelling it was first given) and is gone " +
		"once no report carries it. Quote a tag with spaces: +\"needs check\". With --rename OLD " +
		"NEW, renames a tag on every report, merging it into NEW when that tag exists. " +
		"parallax tags lists the tags; parallax list shows each report's.",
	examples: []string{
		"parallax tag 3 4 +ferry +\"needs check\"",
		"parallax tag 4 -\"needs check\"",
		"parallax tag --rename ferry \"ferry sinking\"",
	},
	library:  true,
	dashArgs: true,
	define: func(fs *flag.FlagSet) runner {
		rename := fs.Bool("rename", false, "rename the tag OLD to NEW (the two arguments) on every report")
		return func(c *call, args []string) error {
			if *rename {
				return runRenameTag(c, args)
			}
			return runTag(c, args)
		}
	},
}

// runTag is `parallax tag ID... +TAG -TAG`.
func runTag(c *call, args []string) error {
	var idArgs, add, remove []string
	for _, a := range args {
		switch {
		case strings.HasPrefix(a, "+"):
			add = append(add, a[1:])
		case strings.HasPrefix(a, "-"):
			remove = append(remove, a[1:])
		default:
			idArgs = append(idArgs, a)
		}
	}
	if len(idArgs) == 0 || len(add)+len(remove) == 0 {
		return c.usage("tag needs report IDs and at least one +TAG or -TAG")
	}
	ids, err := c.ids(idArgs)
	if err != nil {
		return err
	}
	for _, t := range append(append([]string{}, add...), remove...) {
		if _, err := app.CheckTag(t); err != nil {
			return c.usage("%v", err)
		}
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	if err := ws.TagReports(c.ctx, ids, add, remove); err != nil {
		var nr *app.NoReportError
		if errors.As(err, &nr) {
			return fmt.Errorf("%w; nothing was changed (see parallax list)", err)
		}
		return err
	}
	for _, id := range ids {
		r, err := ws.Report(c.ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "report %d: %s\n", id, tagLine(r.Tags))
	}
	return nil
}

// tagLine is a report's tags as the command line shows them.
func tagLine(tags []string) string {
	if len(tags) == 0 {
		return "no tags"
	}
	return strings.Join(tags, ", ")
}

// runRenameTag is `parallax tag --rename OLD NEW`.
func runRenameTag(c *call, args []string) error {
	if len(args) != 2 {
		return c.usage("tag --rename needs the tag's name and its new name, got %d arguments", len(args))
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	if err := ws.RenameTag(c.ctx, args[0], args[1]); err != nil {
		if errors.Is(err, app.ErrNotFound) {
			return fmt.Errorf("no tag %q in the library (see parallax tags)", args[0])
		}
		if errors.Is(err, app.ErrBadTag) {
			return c.usage("%v", err)
		}
		return err
	}
	fmt.Fprintf(c.env.Stdout, "renamed tag %q to %q\n", args[0], strings.Join(strings.Fields(args[1]), " "))
	return nil
}

var tagsCmd = command{
	name:     "tags",
	summary:  "the library's tags, with how many reports carry each",
	about:    "Lists every tag on the library's reports, by name, with its number of reports.",
	examples: []string{"parallax tags"},
	library:  true,
	reads:    true,
	define:   func(*flag.FlagSet) runner { return runTags },
}

// runTags is `parallax tags`.
func runTags(c *call, rest []string) error {
	if len(rest) > 0 {
		return c.usage("tags takes no arguments")
	}
	ws, done, err := c.workspace()
	if err != nil {
		return err
	}
	defer done()
	tags, err := ws.Tags(c.ctx)
	if err != nil {
		return err
	}
	if len(tags) == 0 {
		fmt.Fprintln(c.env.Stdout, `No tags yet. Put one on reports with: parallax tag ID... +TAG`)
		return nil
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TAG\tREPORTS")
	for _, t := range tags {
		fmt.Fprintf(tw, "%s\t%s\n", t.Name, nouns.Count(t.Reports, "report"))
	}
	return tw.Flush()
}
