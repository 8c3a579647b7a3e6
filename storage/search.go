package storage

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"parallax/app"
)

// maxTerms bounds how many words of a query are searched for; an editor
// never types more, and a pasted paragraph should not build a huge query.
const maxTerms = 32

// snippetTokens is about how many words a snippet shows.
const snippetTokens = 12

// ellipsis marks where a snippet cuts the text.
const ellipsis = "…"

// SearchReports returns reports containing every word of query, best first,
// at most limit of them (no limit when limit <= 0). Words are runs of letters
// and digits; everything else in the query, including FTS5 syntax such as
// quotes, parentheses, AND or NEAR, is treated as text to find, so no query
// can cause an error. The last word also matches as a prefix with FTS5, so
// results appear while the editor is still typing. A query with no words
// finds nothing.
func (db *DB) SearchReports(ctx context.Context, query string, limit int) ([]app.SearchHit, error) {
	terms := queryTerms(query)
	if len(terms) == 0 {
		return nil, nil
	}
	if db.fts {
		return searchFTS(ctx, db.db, terms, limit)
	}
	return searchLike(ctx, db.db, terms, limit)
}

// queryTerms splits a query into words: maximal runs of letters, digits and
// combining marks, close to FTS5's unicode61 tokenizer. Runs without a letter
// or digit are dropped, so nothing reaches FTS5 that it would tokenize to an
// empty phrase.
func queryTerms(query string) []string {
	fields := strings.FieldsFunc(query, func(r rune) bool { return !isWordRune(r) })
	terms := fields[:0]
	for _, f := range fields {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) < 0 {
			continue
		}
		terms = append(terms, f)
		if len(terms) == maxTerms {
			break
		}
	}
	return terms
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// ftsQuery quotes every term so FTS5 reads it as a string, never as syntax,
// and marks the last as a prefix. Terms side by side must all match.
func ftsQuery(terms []string) string {
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte('"')
		b.WriteString(strings.ReplaceAll(t, `"`, `""`))
		b.WriteByte('"')
	}
	b.WriteByte('*')
	return b.String()
}

// searchFTS ranks by bm25 with the title weighted ten times the text (a word
// in the headline says more about what a report is about), outlet and author
// twice; snippet() picks the column and window that best show the match.
func searchFTS(ctx context.Context, q queryer, terms []string, limit int) ([]app.SearchHit, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := q.QueryContext(ctx, `
		SELECT r.id, r.title, r.outlet, r.author, r.published, r.url, r.file_name, r.format,
		       r.hash, r.words, r.ocr, r.created, r.updated, `+tagsOf("r")+`,
		       snippet(reports_fts, -1, ?, ?, ?, ?),
		       bm25(reports_fts, 10.0, 2.0, 2.0, 1.0) AS rank
		FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid
		WHERE reports_fts MATCH ?
		ORDER BY rank, r.id DESC
		LIMIT ?`,
		app.SnippetOpen, app.SnippetClose, ellipsis, snippetTokens, ftsQuery(terms), limit)
	if err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	defer rows.Close()
	var hits []app.SearchHit
	for rows.Next() {
		var h app.SearchHit
		if h.Report, err = scanReport(rows, &h.Snippet, &h.Rank); err != nil {
			return nil, fmt.Errorf("storage: search: %w", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	return hits, nil
}

// likeEscape makes s match literally inside a LIKE pattern with ESCAPE '\'.
// queryTerms already keeps % and _ out of terms; this is the second lock.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// searchLike is the fallback without FTS5. SQL LIKE over the folded
// columns (parallax_fold: case and diacritics removed, as FTS5's tokenizer
// does) finds the reports that contain every term; they are then checked
// here word by word with FTS5's rules (a term equals a word, the last term
// begins one), so both paths find the same reports. Ranking mirrors the bm25
// weights of searchFTS: a matching word counts ten in the title, two in
// outlet or author, one in the text.
func searchLike(ctx context.Context, q queryer, terms []string, limit int) ([]app.SearchHit, error) {
	m := matcher{terms: make([]string, len(terms))}
	where := make([]string, len(terms))
	args := make([]any, len(terms))
	for i, t := range terms {
		m.terms[i] = fold(t)
		where[i] = `parallax_fold(title || ' ' || outlet || ' ' || author || ' ' || text) LIKE ? ESCAPE '\'`
		args[i] = "%" + likeEscape(m.terms[i]) + "%"
	}
	rows, err := q.QueryContext(ctx,
		`SELECT `+reportColumns+`, text FROM reports WHERE `+strings.Join(where, " AND "), args...)
	if err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	defer rows.Close()
	var hits []app.SearchHit
	for rows.Next() {
		var text string
		r, err := scanReport(rows, &text)
		if err != nil {
			return nil, fmt.Errorf("storage: search: %w", err)
		}
		// In FTS5's column order, with its weights.
		fields := []string{r.Title, r.Outlet, r.Author, text}
		weights := []int{10, 2, 2, 1}
		found := make([]bool, len(m.terms))
		score := 0
		for i, f := range fields {
			score += weights[i] * m.count(f, found)
		}
		if slices.Contains(found, false) {
			continue // LIKE matched inside a word, FTS5 would not
		}
		// Like snippet(-1): the text when it matches, else the first
		// column that does.
		var snip string
		for _, f := range []string{text, r.Title, r.Outlet, r.Author} {
			if s, ok := m.snippet(f); ok {
				snip = s
				break
			}
		}
		hits = append(hits, app.SearchHit{Report: r, Snippet: snip, Rank: -float64(score)})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: search: %w", err)
	}
	sort.SliceStable(hits, func(i, j int) bool {
		if hits[i].Rank != hits[j].Rank {
			return hits[i].Rank < hits[j].Rank
		}
		return hits[i].Report.ID > hits[j].Report.ID
	})
	if limit > 0 && len(hits) > limit {
		hits = hits[:limit]
	}
	return hits, nil
}

// span is a word's byte range in a text.
type span struct{ start, end int }

// wordSpans finds the words of s as queryTerms defines them.
func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		switch w := isWordRune(r); {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}

// matcher applies FTS5's matching rules to folded query terms: every term
// but the last must equal a word, the last must begin one.
type matcher struct{ terms []string }

// match reports whether the word matches a term, marking in found (when not
// nil) every term it matches.
func (m matcher) match(word string, found []bool) bool {
	fw := fold(word)
	last := len(m.terms) - 1
	ok := false
	for i, t := range m.terms {
		if fw == t || (i == last && strings.HasPrefix(fw, t)) {
			ok = true
			if found == nil {
				break
			}
			found[i] = true
		}
	}
	return ok
}

// count counts the words of s that match a term, marking in found the
// terms seen.
func (m matcher) count(s string, found []bool) int {
	n := 0
	for _, w := range wordSpans(s) {
		if m.match(s[w.start:w.end], found) {
			n++
		}
	}
	return n
}

// snippet cuts about snippetTokens words of s around the first matching
// word, marking every matching word as FTS5's snippet() does, and reports
// false when no word of s matches.
func (m matcher) snippet(s string) (string, bool) {
	words := wordSpans(s)
	first := slices.IndexFunc(words, func(w span) bool { return m.match(s[w.start:w.end], nil) })
	if first < 0 {
		return "", false
	}
	// A little context before the first match, the rest after it.
	lo := max(0, first-snippetTokens/4)
	hi := min(len(words), lo+snippetTokens)
	lo = max(0, hi-snippetTokens)
	var b strings.Builder
	if lo > 0 {
		b.WriteString(ellipsis)
	}
	pos := words[lo].start
	for _, w := range words[lo:hi] {
		b.WriteString(s[pos:w.start])
		word := s[w.start:w.end]
		if m.match(word, nil) {
			word = app.SnippetOpen + word + app.SnippetClose
		}
		b.WriteString(word)
		pos = w.end
	}
	if hi < len(words) {
		b.WriteString(ellipsis)
	}
	return b.String(), true
}
