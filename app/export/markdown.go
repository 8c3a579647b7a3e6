package export

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strings"

	"parallax/app/align"
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

// mdRuns writes runs in worddiff.Format's notation: [-missing-], {+added+}
// and [-was-]{+changed+}. Text brackets are escaped, so the marks are
// unambiguous.
func mdRuns(runs []Run) string {
	var b strings.Builder
	for _, r := range runs {
		t := md(r.Text)
		switch r.Kind {
		case compare.Same:
			b.WriteString(mdEscape.Replace(spaces.ReplaceAllString(r.Text, " ")))
		case compare.Missing, compare.Was:
			b.WriteString("[-" + t + "-]")
		case compare.Added, compare.Changed:
			b.WriteString("{+" + t + "+}")
		}
	}
	return strings.TrimSpace(b.String())
}

// Markdown writes c as a readable summary, the default of `parallax
// compare`: the reports, a counts line, then each claim shared by two or
// more reports as quotes labelled by report, with word differences marked
// against the row's reference claim and the flags listed, then the related
// (overlapping) claims and, by report, what only one report states.
func Markdown(w io.Writer, c *compare.Comparison) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }

	p("# Comparison of %d reports\n\n", len(c.Docs))
	for d := range c.Docs {
		p("%d. **%s**", d+1, md(title(c, d)))
		if by := byline(c, d); by != "" {
			p(" — %s", md(by))
		}
		if c.Docs[d].Path != "" {
			p(" (%s)", md(c.Docs[d].Path))
		}
		if d == c.Base {
			p(" — base report")
		}
		p("\n")
	}
	p("\n%s.\n\n", c.Counts())
	p("Differences are marked against each row's reference claim (the base report's where it has one): " +
		"\\[-missing-\\] words are the reference's, \\{+added+\\} words this report's.\n")

	rowBlock := func(n int, r *compare.Row) {
		var kinds []string
		seen := map[string]bool{}
		for _, f := range r.Flags {
			if !seen[string(f.Kind)] {
				seen[string(f.Kind)] = true
				kinds = append(kinds, string(f.Kind))
			}
		}
		level := r.Level.String()
		if r.Link && r.Level == align.LevelSame {
			level = "same claim, in another row too"
		}
		p("\n### %d. %s, score %.2f", n, level, r.Score)
		if len(kinds) > 0 {
			p(" — flagged: %s", strings.Join(kinds, ", "))
		}
		p("\n\n")
		for k, ref := range r.Claims {
			if k > 0 {
				p(">\n")
			}
			note := ""
			if k == r.Ref {
				note = " (reference)"
			}
			p("> **%s**%s: %s\n", md(label(c, ref.Doc)), note, mdRuns(c.ClaimRuns(r, k)))
		}
		if len(r.Flags) > 0 {
			p("\n")
			for i, f := range r.Flags {
				p("- **%s** (%s): %s\n", f.Kind, md(label(c, r.Claims[r.FlagOf[i]].Doc)), md(f.Detail))
			}
		}
	}

	p("\n## Shared claims\n")
	n := 0
	for i := range c.Rows {
		if r := &c.Rows[i]; r.Shared() {
			n++
			rowBlock(n, r)
		}
	}
	if n == 0 {
		p("\nNo claim is stated by two or more reports.\n")
	}
	// A summary lists the links worth reading: same-claim links and
	// related claims whose own score says they share details. The weaker
	// links (claims of one story that merely touch) stay in the JSON.
	related, weak := false, 0
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Shared() || len(r.Claims) < 2 {
			continue
		}
		if r.Level == align.LevelRelated && r.Score < align.Related {
			weak++
			continue
		}
		if !related {
			p("\n## Links between rows (related claims, and the same claim stated twice by one report)\n")
			related = true
		}
		n++
		rowBlock(n, r)
	}

	if weak > 0 {
		p("\n%d weaker links between claims of the same story are left out here; `--format json` lists them.\n", weak)
	}

	p("\n## Single-source claims\n")
	for d := range c.Docs {
		var lines []string
		for i := range c.Rows {
			r := &c.Rows[i]
			if len(r.Claims) == 1 && r.Claims[0].Doc == d {
				lines = append(lines, "- "+md(c.Docs[d].ClaimText(r.Claims[0].Claim)))
			}
		}
		p("\n### %s\n\n", md(label(c, d)))
		if len(lines) == 0 {
			p("Nothing that no other report states.\n")
			continue
		}
		p("%s\n", strings.Join(lines, "\n"))
	}
	return bw.Flush()
}
