package ingest

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Choosing a page's metadata from its clues (htmlmeta.go). The rules were
// set by measuring each source on saved pages against what people read as
// the headline, byline and date (figures in the README):
//
//   - Title: the headline the reader sees. A page's <h1> that agrees with
//     what the page says of itself (JSON-LD headline, og:title, <title>,
//     or one part of a "Headline | Site" title) is the headline; else its
//     first <h1> that is not the site's name; else the JSON-LD headline,
//     og:title or <title>, cut of the site's name. Taking <title> first,
//     as go-readability does, gives "Headline | Site Name".
//   - Author: JSON-LD article authors, then <meta name=author>, then the
//     other author metas publishing systems write (parsely, sailthru,
//     Dublin Core, citation); then a byline element in the page (rel or
//     itemprop author, a class or id naming a byline) outside comments,
//     related links and sidebars. An address, a handle, a template
//     placeholder or the publisher itself (an Organization author that is
//     the site) is no author: a page that names none gets none rather than
//     a guess.
//   - Published: article:published_time, the JSON-LD article's
//     datePublished, other publication metas, a <time> marked as the
//     publication date; else go-htmldate's search of the page (textDate),
//     which may fall back on a modified date when the page gives no other.
//   - Outlet: og:site_name, the JSON-LD publisher, the site's application
//     name, then the host name of the page's address.
//   - URL: <link rel=canonical>, og:url, the JSON-LD url, when absolute.

// htmlMeta picks the metadata of a page from its clues.
func htmlMeta(c *pageClues) Meta {
	sites := c.siteNames()
	m := Meta{
		Title:     c.pickTitle(sites),
		Author:    c.pickAuthor(sites),
		Published: c.pickPublished(),
		Outlet:    c.pickOutlet(),
		URL:       c.pickURL(),
	}
	if m.Outlet == "" && m.URL != "" {
		if u, err := url.Parse(m.URL); err == nil {
			m.Outlet = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return m
}

// titleSepRE splits a title into its parts: "Headline | Site",
// "Headline - Site", "Site » Section » Headline".
var titleSepRE = regexp.MustCompile(`\s+(?:[|·»/:]|[-–—]{1,2}|::)\s+`)

// fold is s as compared: lower case, single spaces, no surrounding
// punctuation (the scorers' and an editor's sense of "the same words").
func fold(s string) string {
	s = strings.ToLower(oneLine(s))
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(".,|-–—:;", r)
	})
}

// siteNames are the folded names the page gives its site: og:site_name,
// application names, the JSON-LD publisher and WebSite or Organization
// names, and the host of its address (with and without "www.", and its
// first label: "example" of example.com).
func (c *pageClues) siteNames() map[string]bool {
	s := map[string]bool{}
	add := func(v string) {
		if f := fold(v); f != "" {
			s[f] = true
			s[strings.ReplaceAll(f, " ", "")] = true
		}
	}
	for _, k := range []string{"og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"} {
		for _, v := range c.metas[k] {
			add(strings.TrimPrefix(v, "@"))
		}
	}
	for _, t := range c.ld {
		add(t.publisher)
		if strings.HasSuffix(t.typ, "Organization") || t.typ == "WebSite" || t.typ == "Corporation" {
			add(t.name)
		}
	}
	for _, raw := range append([]string{c.canonical}, c.metas["og:url"]...) {
		if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
			h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			add(h)
			add(strings.Split(h, ".")[0])
		}
	}
	return s
}

// stripSite cuts the parts of a title that are the site's name
// ("Headline | Site" → "Headline"); a title with a " | " and no part known
// as the site keeps its first part, the usual place of the headline.
func stripSite(t string, sites map[string]bool) string {
	parts := titleSepRE.Split(t, -1)
	if len(parts) < 2 {
		return t
	}
	var keep []string
	for _, p := range parts {
		if !sites[fold(p)] && !sites[strings.ReplaceAll(fold(p), " ", "")] {
			keep = append(keep, p)
		}
	}
	if len(keep) > 0 && len(keep) < len(parts) {
		if len(keep) == 1 {
			return keep[0]
		}
		// Keep the title's own text between the kept parts.
		first, last := strings.Index(t, keep[0]), strings.LastIndex(t, keep[len(keep)-1])
		if first >= 0 && last >= first {
			return t[first : last+len(keep[len(keep)-1])]
		}
	}
	if i := strings.Index(t, " | "); i > 0 {
		return t[:i]
	}
	return t
}

// maxHeadline is the longest text, in bytes, taken for a title: longer
// ones are a page's broken markup (an unclosed <title> holds the rest of
// the page), and the report's first line names it instead.
const maxHeadline = 300

// pickTitle chooses the headline (see the file comment).
func (c *pageClues) pickTitle(sites map[string]bool) string {
	var said []string // what the page says its title is
	var ldHead string
	for _, t := range c.ld {
		if t.article && t.headline != "" && len(t.headline) <= maxHeadline {
			said = append(said, t.headline)
			if ldHead == "" {
				ldHead = t.headline
			}
		}
	}
	for _, k := range []string{"headline", "og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title"} {
		for _, v := range c.metas[k] {
			if len(v) <= maxHeadline {
				said = append(said, v)
			}
		}
	}
	titleTag := c.titleTag
	if len(titleTag) > maxHeadline {
		titleTag = ""
	}
	if titleTag != "" {
		said = append(said, titleTag)
	}
	agree := map[string]bool{}
	for _, s := range said {
		agree[fold(s)] = true
		agree[fold(stripSite(s, sites))] = true
		for _, p := range titleSepRE.Split(s, -1) {
			agree[fold(p)] = true
		}
	}
	var h1s []string
	for _, h := range c.h1 {
		if len(h) <= maxHeadline && !sites[fold(h)] {
			h1s = append(h1s, h)
		}
	}
	for _, h := range h1s {
		if agree[fold(h)] {
			return h
		}
	}
	switch {
	case len(h1s) > 0:
		return h1s[0]
	case ldHead != "":
		return ldHead
	case len(c.metas["og:title"]) > 0 && len(c.metas["og:title"][0]) <= maxHeadline:
		return stripSite(c.metas["og:title"][0], sites)
	}
	return stripSite(titleTag, sites)
}

var (
	// bylinePrefixRE is the wording before a name in a byline.
	bylinePrefixRE = regexp.MustCompile(`(?i)^(?:(?:written|posted|authored|words|story|text|reported)\s+by|by|author(?:ed)?|posted by|von|par|por|di|door)\b\s*[:\-–—]?\s*`)
	// bylineTailRE is what follows the names in a byline: a date, an
	// update note, a separator, a role ("on Facebook", "in Woodworking").
	bylineTailRE = regexp.MustCompile(`(?i)\s*(?:[|·•—–]|\bupdated\b|\bpublished\b|\b(?:on|in|for|at|via|from)\s|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}).*$`)
	// placeholderRE is a template variable left in a page
	// ("page.head.extra.author", "{{author}}").
	placeholderRE = regexp.MustCompile(`^[\w-]+(?:\.[\w-]+)+$|[{}<>]`)
)

// cleanAuthor tidies one author value, returning "" when it is not a
// name: an address, an e-mail, a handle, a template placeholder, a form
// label, or too long to be one. A site's own name is kept: personal
// blogs and company pages name the site as their author, and readers see
// it as the byline.
func cleanAuthor(a string) string {
	a = oneLine(a)
	a = strings.TrimSpace(bylinePrefixRE.ReplaceAllString(a, ""))
	a = strings.Trim(a, " ,;:")
	switch {
	case a == "", len(a) > 120, looksLikeURL(a), strings.Contains(a, "@"),
		placeholderRE.MatchString(a), strings.ContainsAny(a, "*"):
		return ""
	}
	return a
}

// authorMetas are <meta> names of an article's author other than
// "author", in the order they are trusted.
var authorMetas = []string{"parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "byl", "article:author", "og:article:author"}

// pickAuthor chooses the author (see the file comment). The page's
// metadata is trusted even where the saved page does not show the byline
// (it is often drawn by scripts): measured, asking for the name in the
// page's text lost more right authors than wrong ones it caught.
func (c *pageClues) pickAuthor(sites map[string]bool) string {
	shown := func(names []string) string {
		var out []string
		for _, a := range names {
			if a = cleanAuthor(a); a != "" {
				out = append(out, a)
			}
		}
		return strings.Join(uniqueNames(out), ", ")
	}
	for _, t := range c.ld {
		if !t.article {
			continue
		}
		var names []string
		for _, a := range t.authors {
			if !slices.Contains(t.orgs, a) || !sites[fold(a)] { // the publisher is no author
				names = append(names, a)
			}
		}
		if a := shown(names); a != "" {
			return a
		}
	}
	for _, k := range append([]string{"author"}, authorMetas...) {
		for _, v := range c.metas[k] {
			if a := shown([]string{v}); a != "" {
				return a
			}
		}
	}
	if a := shown(c.metas["citation_author"]); a != "" {
		return a
	}
	for _, b := range append(c.bylines, c.byText) {
		b = bylinePrefixRE.ReplaceAllString(oneLine(b), "")
		b = dropRoles(bylineTailRE.ReplaceAllString(b, ""))
		if a := cleanAuthor(b); a != "" && !sites[fold(a)] && len(strings.Fields(a)) <= 8 && !strings.Contains(a, ":") {
			return a
		}
	}
	return ""
}

// roleWords are words of a job title that follows a name in a byline
// ("Anna Kovacs, Senior Health Reporter").
var roleWords = map[string]bool{
	"expert": true, "editor": true, "writer": true, "reporter": true, "correspondent": true,
	"director": true, "manager": true, "contributor": true, "analyst": true, "columnist": true,
	"producer": true, "officer": true, "founder": true, "ceo": true, "president": true,
	"attorney": true, "specialist": true, "consultant": true, "journalist": true, "professor": true,
	"researcher": true, "photographer": true, "chief": true, "senior": true, "associate": true,
}

// dropRoles cuts a byline before the first comma-separated part that is a
// job title rather than a name.
func dropRoles(b string) string {
	parts := strings.Split(b, ",")
	for i, p := range parts {
		for _, w := range wordsOf(p) {
			if roleWords[w] {
				if i == 0 {
					return b
				}
				return strings.Join(parts[:i], ",")
			}
		}
	}
	return b
}

// uniqueNames drops repeated names, keeping the first of each.
func uniqueNames(names []string) []string {
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		if !seen[fold(n)] {
			seen[fold(n)] = true
			out = append(out, n)
		}
	}
	return out
}

// publishedMetas are <meta> names of a publication date, in the order they
// are trusted.
var publishedMetas = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "article.published",
	"datepublished", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
	"dcterms.date", "citation_publication_date", "citation_date", "publishdate", "publish-date",
	"published", "pubdate", "publication_date", "date", "datecreated",
}

// pickPublished chooses the publication date as an ISO date (see the file
// comment).
func (c *pageClues) pickPublished() string {
	for _, k := range publishedMetas[:1] {
		for _, v := range c.metas[k] {
			if d := isoDay(v); d != "" {
				return d
			}
		}
	}
	for _, art := range []bool{true, false} {
		for _, t := range c.ld {
			if t.article != art {
				continue
			}
			for _, v := range []string{t.published, t.created} {
				if d := isoDay(v); d != "" {
					return d
				}
			}
		}
	}
	for _, k := range publishedMetas[1:] {
		for _, v := range c.metas[k] {
			if d := isoDay(v); d != "" {
				return d
			}
		}
	}
	for _, t := range c.times {
		if t.published {
			if d := isoDay(t.when); d != "" {
				return d
			}
		}
	}
	return ""
}

// dateLayouts are the forms of dates found in pages' metadata beyond ISO
// 8601, which normaliseDate (meta.go) reads with the editor's forms.
var dateLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, "2006 Jan 2", "2006 January 2", "20060102"}

// isoDay returns the calendar day of a date as written in a page
// ("2019-11-20T01:35:00-05:00" → "2019-11-20": the day where it was
// published, not in UTC), or "" when s is not a date.
func isoDay(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if d := normaliseDate(s); isISODay(d) {
		return d
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.Format("2006-01-02")
		}
	}
	return ""
}

// isISODay reports whether s is YYYY-MM-DD.
func isISODay(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// pickOutlet chooses the outlet's name (see the file comment).
func (c *pageClues) pickOutlet() string {
	if v := c.metas["og:site_name"]; len(v) > 0 {
		return v[0]
	}
	for _, t := range c.ld {
		if t.publisher != "" && !looksLikeURL(t.publisher) {
			return t.publisher
		}
	}
	if v := c.metas["application-name"]; len(v) > 0 {
		return v[0]
	}
	for _, t := range c.ld {
		if t.typ == "WebSite" && t.name != "" {
			return t.name
		}
	}
	return ""
}

// pickURL chooses the page's address (see the file comment).
func (c *pageClues) pickURL() string {
	cands := append([]string{c.canonical}, c.metas["og:url"]...)
	for _, t := range c.ld {
		if t.article {
			cands = append(cands, t.url)
		}
	}
	for _, u := range cands {
		if p, err := url.Parse(strings.TrimSpace(u)); err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != "" {
			return p.String()
		}
	}
	return ""
}
