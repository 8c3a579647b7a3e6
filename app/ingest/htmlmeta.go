package ingest

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The metadata a saved page says about itself: what the publisher put in
// machine-readable form (JSON-LD, OpenGraph, <meta> names of the common
// publishing systems, microdata), and what the page shows (its <h1>, a
// byline, a <time>). pageClues collects every candidate in one walk of the
// tree; htmlMeta (htmlpick.go) decides between them.

// pageClues are the metadata candidates found in a page.
type pageClues struct {
	// ld holds what JSON-LD blocks say, articles first.
	ld []ldThing
	// metas maps a lower-case <meta> name, property or itemprop to its
	// contents, in page order.
	metas map[string][]string
	// titleTag is the text of <title>.
	titleTag string
	// h1 are the texts of the page's <h1> headings, in order.
	h1 []string
	// times are <time> elements' datetime attributes, with whether the
	// element is marked as a publication date (pubdate, itemprop, class).
	times []timeClue
	// bylines are the texts of elements marked as the author by rel=author,
	// itemprop=author or a class or id naming a byline, in page order.
	bylines []string
	// byText is the name in the first short element reading "By Name"
	// outside the parts around the article, for pages whose byline has
	// no mark.
	byText string
	// canonical is the href of <link rel=canonical>.
	canonical string
}

// timeClue is one <time datetime> of a page.
type timeClue struct {
	when      string
	published bool
}

// ldThing is one JSON-LD object of interest.
type ldThing struct {
	typ       string // its @type (the first, when a list)
	article   bool   // an article type (NewsArticle, BlogPosting, ...)
	headline  string
	name      string
	authors   []string
	orgs      []string // the authors that are typed as organisations
	published string
	created   string
	publisher string
	url       string
}

// ldArticleSuffixes end the schema.org types of articles, matched by suffix
// ("ReportageNewsArticle", "OpinionNewsArticle" end in "Article").
var ldArticleSuffixes = []string{"Article", "BlogPosting", "LiveBlogPosting", "Report", "SocialMediaPosting", "DiscussionForumPosting"}

// isArticleType reports whether the schema.org type t is an article.
func isArticleType(t string) bool {
	for _, s := range ldArticleSuffixes {
		if strings.HasSuffix(t, s) {
			return true
		}
	}
	return false
}

// collectClues walks doc once and gathers its metadata candidates.
func collectClues(doc *html.Node) *pageClues {
	c := &pageClues{metas: map[string][]string{}}
	// inAuthor: inside a byline already taken; aside: inside comments,
	// related links, sidebars or the page's footer, whose names are not
	// the article's author.
	var walk func(n *html.Node, inAuthor, aside bool)
	walk = func(n *html.Node, inAuthor, aside bool) {
		if n.Type == html.ElementNode {
			switch tagOf(n) {
			case atom.Title:
				if c.titleTag == "" && !inSVG(n) {
					c.titleTag = oneLine(textContent(n))
				}
				return
			case atom.Meta:
				c.meta(n)
				return
			case atom.Link:
				rel := strings.ToLower(attr(n, "rel"))
				if c.canonical == "" && hasWord(rel, "canonical") {
					c.canonical = strings.TrimSpace(attr(n, "href"))
				}
				return
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					c.ld = append(c.ld, parseLD(textContent(n))...)
				}
				return
			case atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			case atom.H1:
				if t := oneLine(nodeText(n)); t != "" {
					c.h1 = append(c.h1, t)
				}
			case atom.Time:
				if dt := strings.TrimSpace(attr(n, "datetime")); dt != "" {
					c.times = append(c.times, timeClue{when: dt, published: publishedMark(n)})
				}
			}
			if ip := strings.ToLower(attr(n, "itemprop")); ip != "" {
				c.itemprop(n, ip)
			}
			aside = aside || asideMark(n)
			if !inAuthor && !aside {
				switch {
				case bylineMark(n):
					if t := oneLine(nodeText(n)); t != "" && len(t) < 200 {
						c.bylines = append(c.bylines, t)
					}
					inAuthor = true
				case c.byText == "" && byTextTags[tagOf(n)]:
					c.byText = byName(n)
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch, inAuthor, aside)
		}
	}
	walk(doc, false, false)
	return c
}

// meta records a <meta> tag's content under its name, property and
// itemprop.
func (c *pageClues) meta(n *html.Node) {
	content, ok := attrOK(n, "content")
	if !ok {
		return
	}
	content = oneLine(html.UnescapeString(content))
	if content == "" {
		return
	}
	for _, k := range []string{"name", "property", "itemprop"} {
		if v := strings.ToLower(strings.TrimSpace(attr(n, k))); v != "" {
			for _, name := range strings.Fields(v) { // property="og:title twitter:title"
				c.metas[name] = append(c.metas[name], content)
			}
		}
	}
}

// itemprop records microdata on an element that is not a <meta>.
func (c *pageClues) itemprop(n *html.Node, ip string) {
	var v string
	switch ip {
	case "headline", "datepublished", "datecreated":
		v = attr(n, "content")
		if v == "" {
			v = attr(n, "datetime")
		}
		if v == "" {
			v = nodeText(n)
		}
	default:
		return
	}
	if v = oneLine(v); v != "" && len(v) < 300 {
		c.metas[ip] = append(c.metas[ip], v)
	}
}

// bylineRE matches class and id values of elements holding a byline.
var bylineRE = regexp.MustCompile(`(?i)(^|[-_ ])(by-?line|author(-?name)?|article-?author|post-?author|entry-?author|writer|contributor)s?($|[-_ ])`)

// bylineMark reports whether n is marked as naming the author: rel or
// itemprop author, a class or id naming a byline, or a link to an author's
// page (/author/name, the address publishing systems give them).
func bylineMark(n *html.Node) bool {
	if hasWord(strings.ToLower(attr(n, "rel")), "author") {
		return true
	}
	if tagOf(n) == atom.A {
		h := strings.ToLower(attr(n, "href"))
		if strings.Contains(h, "/author/") || strings.Contains(h, "/authors/") {
			return true
		}
	}
	if ip := strings.ToLower(attr(n, "itemprop")); hasWord(ip, "author") || hasWord(ip, "creator") {
		return true
	}
	ci := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	if !strings.Contains(ci, "by") && !strings.Contains(ci, "author") && !strings.Contains(ci, "writer") && !strings.Contains(ci, "contributor") {
		return false // most elements: spare the expression
	}
	return bylineRE.MatchString(ci)
}

// byTextTags are the elements a byline without a mark is written in.
var byTextTags = map[atom.Atom]bool{atom.P: true, atom.Span: true, atom.Div: true, atom.Li: true, atom.Address: true}

// byNameRE is a short byline in words: "By Anna Kovacs", "by Jean-Luc de
// la Tour", "By A. N. Other": two to five names, each capitalised or a
// particle.
var byNameRE = regexp.MustCompile(`^[Bb]y:?\s+((?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|di|du|la|le|bin|al|el)(?:\s+(?:\p{Lu}[\p{L}'’.-]*|van|von|de|da|del|der|di|du|la|le|bin|al|el)){1,4})$`)

// byName returns the name of an element whose whole text is a short
// byline ("By Anna Kovacs"), or "".
func byName(n *html.Node) string {
	t := textContent(n)
	if len(t) > 120 {
		return ""
	}
	if m := byNameRE.FindStringSubmatch(oneLine(t)); m != nil {
		return m[1]
	}
	return ""
}

// asideWords in a class or id mark page parts around the article.
var asideWords = []string{"comment", "related", "sidebar", "widget", "recommend", "footer", "promo", "newsletter", "popular", "trending"}

// asideMark reports whether n holds page parts around the article rather
// than the article.
func asideMark(n *html.Node) bool {
	switch tagOf(n) {
	case atom.Nav:
		return true
	}
	ci := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range asideWords {
		if strings.Contains(ci, w) {
			return true
		}
	}
	return false
}

// publishedMark reports whether a <time> is marked as the publication
// date rather than any date on the page.
func publishedMark(n *html.Node) bool {
	if _, ok := attrOK(n, "pubdate"); ok {
		return true
	}
	ip := strings.ToLower(attr(n, "itemprop"))
	if strings.Contains(ip, "datepublished") || strings.Contains(ip, "datecreated") {
		return true
	}
	cl := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(cl, "publish") || strings.Contains(cl, "posted") || strings.Contains(cl, "entry-date") || strings.Contains(cl, "post-date") || strings.Contains(cl, "pubdate")
}

// parseLD reads one JSON-LD script into the things it describes: top-level
// objects, arrays of them, @graph members, and the mainEntity of a page.
// Malformed JSON (raw line breaks in strings, trailing commas) is common
// in pages; one repair is tried before giving up.
func parseLD(s string) []ldThing {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimSuffix(s, "]]>"), "<![CDATA[")
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(s), "<!--"), "-->"))
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		if err := json.Unmarshal([]byte(repairJSON(s)), &v); err != nil {
			return nil
		}
	}
	var out []ldThing
	var visit func(v any, depth int)
	visit = func(v any, depth int) {
		if depth > 6 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e, depth+1)
			}
		case map[string]any:
			if g, ok := x["@graph"]; ok {
				visit(g, depth+1)
			}
			if t := ldType(x["@type"]); t != "" {
				out = append(out, ldObject(t, x))
			}
			if me, ok := x["mainEntity"]; ok {
				visit(me, depth+1)
			}
		}
	}
	visit(v, 0)
	// Articles first, keeping page order otherwise.
	var arts, rest []ldThing
	for _, t := range out {
		if t.article {
			arts = append(arts, t)
		} else {
			rest = append(rest, t)
		}
	}
	return append(arts, rest...)
}

// trailingCommaRE finds a comma before a closing bracket.
var trailingCommaRE = regexp.MustCompile(`,\s*([}\]])`)

// repairJSON mends the two faults publishing systems put in JSON-LD most:
// raw control characters inside strings and trailing commas.
func repairJSON(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	return trailingCommaRE.ReplaceAllString(s, "$1")
}

// ldType is the first type of a JSON-LD @type value ("NewsArticle" or
// ["NewsArticle", "Article"]), without a schema.org prefix.
func ldType(v any) string {
	var t string
	switch x := v.(type) {
	case string:
		t = x
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok {
				if t == "" || isArticleType(strings.TrimPrefix(s, "schema:")) {
					t = s
				}
			}
		}
	}
	t = strings.TrimPrefix(t, "http://schema.org/")
	t = strings.TrimPrefix(t, "https://schema.org/")
	return strings.TrimPrefix(t, "schema:")
}

// ldObject reads the fields of interest from one typed JSON-LD object.
func ldObject(t string, x map[string]any) ldThing {
	th := ldThing{
		typ:       t,
		article:   isArticleType(t),
		headline:  ldString(x["headline"]),
		name:      ldString(x["name"]),
		authors:   ldNames(x["author"], 0),
		orgs:      ldOrgs(x["author"]),
		published: ldString(x["datePublished"]),
		created:   ldString(x["dateCreated"]),
		url:       ldString(x["url"]),
	}
	if p := ldNames(x["publisher"], 0); len(p) > 0 {
		th.publisher = p[0]
	}
	if len(th.authors) == 0 {
		th.authors = ldNames(x["creator"], 0)
	}
	return th
}

// ldString is v as one line of text when it is a string (or a list whose
// first element is), else "".
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return oneLine(html.UnescapeString(x))
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	case map[string]any:
		if s, ok := x["@value"]; ok {
			return ldString(s)
		}
	}
	return ""
}

// ldNames reads a person or organisation value: a name, an object with a
// name (or given and family names), or a list of them.
func ldNames(v any, depth int) []string {
	if depth > 3 {
		return nil
	}
	switch x := v.(type) {
	case string:
		if s := ldString(x); s != "" && !looksLikeURL(s) {
			return []string{s}
		}
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, ldNames(e, depth+1)...)
		}
		return out
	case map[string]any:
		if s := ldString(x["name"]); s != "" {
			return []string{s}
		}
		if s := oneLine(ldString(x["givenName"]) + " " + ldString(x["familyName"])); s != "" {
			return []string{s}
		}
	}
	return nil
}

// ldOrgs names the organisations in a JSON-LD author value.
func ldOrgs(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			out = append(out, ldOrgs(e)...)
		}
	case map[string]any:
		if t := ldType(x["@type"]); strings.HasSuffix(t, "Organization") || t == "Corporation" {
			out = append(out, ldNames(x, 0)...)
		}
	}
	return out
}

// looksLikeURL reports whether s is an address rather than a name.
func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "/")
}

// attr returns n's attribute k, or "".
func attr(n *html.Node, k string) string {
	v, _ := attrOK(n, k)
	return v
}

// attrOK returns n's attribute k and whether it is present.
func attrOK(n *html.Node, k string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == k && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// hasWord reports whether the space-separated list s holds w.
func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// inSVG reports whether n is inside an <svg> (whose <title> names a
// drawing, not the page).
func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// textContent is the concatenated text of n's descendants, as written.
func textContent(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
