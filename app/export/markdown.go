package export

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"

	"parallax/app"
	"parallax/app/compare"
)

// mdEscape backslash-escapes the characters Markdown would read as syntax
// (CommonMark allows a backslash before any ASCII punctuation), so report
// text shows as written and raw HTML in a report stays text.
var mdEscape = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`,
	`<`, `\<`, `>`, `\>`, `|`, `\|`, `#`, `\#`, `{`, `\{`, `}`, `\}`,
)

func md(s string) string { return mdEscape.Replace(oneLine(s)) }

// spaces matches white space that Markdown output folds to one space.
var spaces = regexp.MustCompile(`\s+`)

// paraBreak matches a blank line, which ends a paragraph of the editor's
// text.
var paraBreak = regexp.MustCompile(`\n\s*\n`)

// blockStart matches what would open a list, a thematic break or a setext
// heading at the start of a line the escapes above leave alone: "- ", "+ ",
// "=", "~~~", "1. ", "2) ".
var blockStart = regexp.MustCompile(`^([-+=~]|\d+[.)])`)

// mdText writes the editor's text (a note, a summary) as Markdown, keeping
// its paragraphs (blank lines) and line breaks (a backslash hard break);
// indent starts every line after the first, so the text can continue a
// list item. A line's start is escaped where it would open a block.
func mdText(s, indent string) string {
	var paras []string
	for _, p := range paraBreak.Split(strings.TrimSpace(s), -1) {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = md(l); l != "" {
				if m := blockStart.FindString(l); m != "" {
					l = m[:len(m)-1] + `\` + l[len(m)-1:]
				}
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\\\n"+indent))
		}
	}
	return strings.Join(paras, "\n\n"+indent)
}

// mdURL writes a report's URL as an autolink when it is a plain web
// address, else as escaped text.
func mdURL(s string) string {
	if u, err := url.Parse(s); err == nil && (u.Scheme == "http" || u.Scheme == "https") &&
		!strings.ContainsAny(s, " <>\t\n") {
		return "<" + s + ">"
	}
	return md(s)
}

// mdRuns writes runs in worddiff.Format's notation: [-missing-], {+added+}
// and [-was-]{+changed+}. Text brackets are escaped, so the marks are
// unambiguous. The words a reworded claim shares with its reference
// (compare.Shared) are written plain: the mark is a reading aid of the
// window, and Markdown has no quiet way to show it.
func mdRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		t := md(r.Text)
		switch r.Kind {
		case compare.Same, compare.Shared:
			b.WriteString(mdEscape.Replace(spaces.ReplaceAllString(r.Text, " ")))
		case compare.Missing, compare.Was:
			b.WriteString("[-" + t + "-]")
		case compare.Added, compare.Changed:
			b.WriteString("{+" + t + "+}")
		}
	}
	return strings.TrimSpace(b.String())
}

// mdNotes writes a row's notes as paragraphs, "**Verdict: disputed.** text",
// each following line starting with indent.
func mdNotes(lines []noteLine, indent string) string {
	var paras []string
	for _, n := range lines {
		p := "**" + md(n.Lead) + "**"
		if t := mdText(n.Text, indent); t != "" {
			p += " " + t
		}
		paras = append(paras, p)
	}
	return strings.Join(paras, "\n\n"+indent)
}

// Markdown writes m as a readable memo, the default of `parallax compare`:
// when and by whom it was exported (opt), the reports, a counts line, the
// editor's summary, then each claim shared by two or more reports as quotes
// labelled by report (a transcript's claims after their time and speaker,
// "[00:12:04] Anna:"), headed by how strong the match is ("same claim",
// "weak match"), with word differences marked against the row's reference
// claim, the flags listed and the editor's verdict and notes, then the
// related (overlapping) claims, by report what only one report states, and
// last the notes whose claims are in no row any more.
func Markdown(w io.Writer, m *Memo, opt Options) error {
	c := m.C
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }

	p("# %s\n\n", md(m.title()))
	if e := exported(opt); e != "" {
		p("%s.\n\n", md(e))
	}
	for d := range c.Docs {
		p("%d. **%s**", d+1, md(title(c, d)))
		if by := byline(c, d); by != "" {
			p(" — %s", md(by))
		}
		if u := strings.TrimSpace(c.Docs[d].Report.URL); u != "" {
			p(" — %s", mdURL(u))
		}
		if c.Docs[d].Path != "" {
			p(" (%s)", md(c.Docs[d].Path))
		}
		if d == c.Base {
			p(" — base report")
		}
		p("\n")
	}
	p("\n%s.\n", counts(c))
	if s := m.selection(); s != "" {
		p("\nRows written here: %s.\n", md(s))
	}
	if t := mdText(m.Summary, ""); t != "" {
		p("\n## Summary\n\n%s\n", t)
	}
	p("\nDifferences are marked against each row's reference claim (the base report's where it has one): " +
		"\\[-missing-\\] words are the reference's, \\{+added+\\} words this report's.\n")
	p("\n%s\n", md(strengthLegend()))

	rowBlock := func(n int, r row) {
		p("\n### %s\n\n", m.heading(n, r))
		for k, cl := range r.Claims {
			if k > 0 {
				p(">\n")
			}
			ref := ""
			if cl.Ref {
				ref = " (reference)"
			}
			p("> **%s**%s: %s\n", md(label(c, cl.Doc)), ref, withCue(md(cl.Cue), mdRuns(cl.Runs)))
		}
		if len(r.Flags) > 0 {
			p("\n")
			for _, f := range r.Flags {
				p("- **%s** (%s): %s\n", f.Kind, md(f.Against), md(f.Detail))
			}
		}
		if notes := noteLines(r.Notes); len(notes) > 0 {
			p("\n%s\n", mdNotes(notes, ""))
		}
	}

	o := m.outline()
	if len(o.Shared) > 0 || m.Only == nil {
		p("\n## Shared claims\n")
	}
	for k, r := range o.Shared {
		rowBlock(k+1, r)
	}
	if len(o.Shared) == 0 && m.Only == nil {
		p("\nNo claim is stated by two or more reports.\n")
	}
	if len(o.Links) > 0 {
		p("\n## Links between rows (related claims, and the same claim stated twice by one report)\n")
	}
	for k, r := range o.Links {
		rowBlock(len(o.Shared)+k+1, r)
	}
	if o.Weak > 0 {
		p("\n%s\n", md(leftOut(o.Weak)))
	}

	opened := false
	for d, rows := range o.Single {
		if len(rows) == 0 && m.Only != nil {
			continue
		}
		if !opened {
			p("\n## Single-source claims\n")
			opened = true
		}
		p("\n### Only in %s\n\n", md(label(c, d)))
		if len(rows) == 0 {
			p("Nothing that no other report states.\n")
			continue
		}
		for _, r := range rows {
			p("- %s", withCue(md(r.Claims[0].Cue), mdRuns(r.Claims[0].Runs)))
			if r.Manual {
				p(" (manual)")
			}
			if notes := noteLines(r.Notes); len(notes) > 0 {
				p("\n\n  %s\n", mdNotes(notes, "  "))
			}
			p("\n")
		}
	}

	if len(o.Orphans) > 0 {
		p("\n## Orphaned notes\n\nThese notes were written on claims that are in no row any more " +
			"(a report was removed or its words changed); they are kept here so that nothing is lost.\n")
	}
	for k, on := range o.Orphans {
		p("\n### Orphaned note %d\n\n", k+1)
		if notes := noteLines([]app.Note{on.Note}); len(notes) > 0 {
			p("%s\n", mdNotes(notes, ""))
		}
		for j, q := range on.About {
			if j == 0 {
				p("\n")
			} else {
				p(">\n")
			}
			p("> **%s**: %s\n", md(q.Label), md(q.Text))
		}
	}
	return bw.Flush()
}
