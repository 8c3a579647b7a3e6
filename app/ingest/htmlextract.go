package ingest

import (
	"cmp"
	"hash/fnv"
	"io"
	"log/slog"
	"net/url"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Finding the article in a page. Two maintained extractors read it:
// go-readability (Mozilla's Readability.js ported) and go-trafilatura
// (trafilatura ported), the second given the first's result as its
// fallback candidate, so readability runs once and trafilatura's own
// comparison with it decides its output. Measured
// on saved pages, trafilatura so fed is the better of the two (README),
// yet each loses pages the other reads well, in two ways that their
// outputs show:
//
//   - trafilatura keeps a part of the article only: its text is nearly
//     all inside readability's, and readability's surplus reads as prose
//     (paragraphs of sentences). Then readability's is the article;
//   - trafilatura adds boilerplate: readability's text is nearly all in
//     trafilatura's, and trafilatura's surplus is not prose (link lists,
//     captions, labels). Then readability's is the article.
//
// Otherwise trafilatura's stands, unless the two hold the same words and
// readability's keeps more of the page's paragraph and line breaks. When both fail (nothing found, or a
// library panics on the page), a plain extraction of our own reads the
// page's main element without its navigation, headers, footers, asides
// and forms. The thresholds are round numbers fixed before measuring and
// not tuned on the pages (a grid around them moves F1 by under 0.002).

// extractArticle finds the article text of doc, whose address (for
// resolving links; may be empty) is pageURL. doc is not changed.
func extractArticle(doc *html.Node, pageURL string) string {
	u, _ := url.Parse(pageURL)
	if u != nil && u.Host == "" {
		u = nil
	}
	rNode, rText := runReadability(doc, u)
	markBreaks(doc) // readability has its own copy
	tText := runTrafilatura(doc, u, rNode)
	text := chooseArticle(rText, tText)
	if rText == "" && len(tText) < shortPage {
		// Neither found an article: a short page, such as an e-mail's
		// HTML part, whose text trafilatura's rescue runs together (and
		// may repeat). The plain extraction keeps its blocks.
		if f := fallbackText(doc); f != "" {
			text = f
		}
	}
	return dropRepeats(text)
}

// shortPage is the length, in bytes, under which trafilatura's text of a
// page readability found no article in is its rescue of the whole page
// (it rescues below 250 characters of article).
const shortPage = 500

// dropRepeats removes a paragraph that repeats the one before it, or the
// run of paragraphs before it glued together: trafilatura's rescue of a
// short page appends the page's text run together after its paragraphs
// ("A.\n\nB.\n\nA.B."). Words are compared as letters and digits only,
// lower-cased, so spacing and punctuation cannot hide the repeat. A
// paragraph said again further on (a table of contents, then the
// headings it lists) is kept: measured on the development pages, the
// annotators keep such repeats.
func dropRepeats(text string) string {
	paras := strings.Split(text, "\n\n")
	out := paras[:0]
	var kept []string // compact forms of out
	for _, p := range paras {
		c := compact(p)
		if repeatsRun(c, kept) || c == "" && len(out) > 0 && p == out[len(out)-1] {
			continue
		}
		kept = append(kept, c)
		out = append(out, p)
	}
	return strings.Join(out, "\n\n")
}

// repeatsRun reports whether c is the last of kept, or the last few of
// kept joined.
func repeatsRun(c string, kept []string) bool {
	rest := c
	for i := len(kept) - 1; i >= 0 && rest != ""; i-- {
		if !strings.HasSuffix(rest, kept[i]) {
			return false
		}
		rest = strings.TrimSuffix(rest, kept[i])
	}
	return rest == "" && c != ""
}

// compact is s lower-cased with everything but letters and digits removed.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// discard is the logger readability writes to: nowhere.
var discard = slog.New(slog.NewTextHandler(io.Discard, nil))

// runReadability returns go-readability's article node and its text; nil
// and "" when it finds none or fails.
func runReadability(doc *html.Node, u *url.URL) (node *html.Node, text string) {
	defer func() {
		if r := recover(); r != nil {
			node, text = nil, ""
		}
	}()
	p := readability.NewParser()
	p.Logger = discard
	art, err := p.ParseDocument(doc, u)
	if err != nil || art.Node == nil {
		return nil, ""
	}
	return art.Node, nodeText(art.Node)
}

// breakMark stands for a <br> in text: go-trafilatura drops line breaks
// and glues the words on either side ("morning.<br>The" reads
// "morning.The"), so each <br> is followed by this private-use character,
// which it keeps as a letter, and the text writer turns it back into a
// line break.
const breakMark = '\uE000'

// markBreaks puts a breakMark after every <br> of doc.
func markBreaks(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Br {
			n.InsertBefore(&html.Node{Type: html.TextNode, Data: string(breakMark)}, c.NextSibling)
			c = c.NextSibling
			continue
		}
		markBreaks(c)
	}
}

// runTrafilatura returns go-trafilatura's article text, with candidate
// (readability's article) as its fallback; "" when it finds none or
// fails. Its search for a date is off: the page's metadata gives the date
// (htmlpick.go), and textDate searches the text only when that has none.
func runTrafilatura(doc *html.Node, u *url.URL, candidate *html.Node) (text string) {
	defer func() {
		if r := recover(); r != nil {
			text = ""
		}
	}()
	opts := trafilatura.Options{
		OriginalURL:     u,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	}
	if candidate != nil {
		// Readability's article stands in for DOM Distiller's too: the
		// distiller costs a third of trafilatura's time and, measured,
		// changed no page's choice.
		opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: candidate, Distiller: candidate}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil || res == nil {
		return ""
	}
	return trimmedText(res.ContentNode)
}

// textDate is the publication date go-htmldate finds in a page that
// declares none (in its text, its address, its elements' dates), as an
// ISO day, or "".
func textDate(doc *html.Node, pageURL string) (day string) {
	defer func() {
		if r := recover(); r != nil {
			day = ""
		}
	}()
	res, err := htmldate.FromDocument(doc, htmldate.Options{URL: pageURL, UseOriginalDate: true})
	if err != nil || res.IsZero() {
		return ""
	}
	return res.DateTime.Format("2006-01-02")
}

// Thresholds of chooseArticle (see the file comment).
const (
	nearlyAll   = 0.85 // share of one text's shingles in the other's: "nearly all inside"
	plainlyLess = 0.75 // below it, a text lacks much of the other
	proseShare  = 0.5  // share of the surplus's words in prose paragraphs
	sameShare   = 0.98 // share of shingles in common for "the same text"
)

// chooseArticle picks readability's text r or trafilatura's t.
func chooseArticle(r, t string) string {
	if t == "" || r == "" || t == r {
		return cmp.Or(t, r)
	}
	rs, ts := shingleSet(r), shingleSet(t)
	common, nr, nt := 0, 0, 0
	for k, n := range ts {
		common += min(n, rs[k])
		nt += n
	}
	for _, n := range rs {
		nr += n
	}
	if nr == 0 || nt == 0 {
		return t
	}
	tInR, rInT := float64(common)/float64(nt), float64(common)/float64(nr)
	switch {
	case tInR >= sameShare && rInT >= sameShare && strings.Count(r, "\n") > strings.Count(t, "\n"):
		return r // the same words, and readability kept the page's breaks
		// (trafilatura runs sibling <div>s together)
	case tInR >= nearlyAll && rInT < plainlyLess && proseOf(surplus(r, t)) >= proseShare:
		return r // trafilatura kept part of the article
	case rInT >= 0.95 && tInR < nearlyAll && nr*2 >= nt && proseOf(surplus(t, r)) < proseShare:
		return r // trafilatura added boilerplate
	}
	return t
}

// shingleSet counts the text's 4-word shingles (lower-cased words of
// letters and digits), the unit the two outputs are compared in, each
// kept as a 64-bit hash of its words.
func shingleSet(s string) map[uint64]int {
	w := wordsOf(s)
	hs := make([]uint64, len(w))
	for i, x := range w {
		h := fnv.New64a()
		h.Write([]byte(x))
		hs[i] = h.Sum64()
	}
	m := make(map[uint64]int, len(w))
	for i := 0; i+4 <= len(hs); i++ {
		m[hs[i]*0x9E3779B97F4A7C15^hs[i+1]*0xC2B2AE3D27D4EB4F^hs[i+2]*0x165667B19E3779F9^hs[i+3]]++
	}
	return m
}

// wordsOf splits s into lower-cased runs of letters, digits and marks.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != '_'
	})
}

// surplus returns the paragraphs of a that b does not have.
func surplus(a, b string) []string {
	have := map[string]bool{}
	for _, p := range strings.Split(b, "\n\n") {
		have[strings.Join(wordsOf(p), " ")] = true
	}
	var out []string
	for _, p := range strings.Split(a, "\n\n") {
		if k := strings.Join(wordsOf(p), " "); k != "" && !have[k] {
			out = append(out, p)
		}
	}
	return out
}

// proseOf is the share of the words of paras that stand in prose
// paragraphs: eight words or more, ending as a sentence ends.
func proseOf(paras []string) float64 {
	all, prose := 0, 0
	for _, p := range paras {
		n := len(wordsOf(p))
		all += n
		p = strings.TrimSpace(p)
		if n >= 8 && strings.ContainsAny(lastRune(p), `.!?"”:)`) {
			prose += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(prose) / float64(all)
}

func lastRune(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			return s[i:]
		}
	}
	return ""
}

// boilerTags are page parts that are never the article.
var boilerTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Menu: true, atom.Dialog: true,
}

// boilerRoles are ARIA roles of page parts that are never the article.
var boilerRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true, "menubar": true,
}

// fallbackText is the plain extraction used when both libraries fail: the
// text of the page's largest <article>, else its <main>, else its body,
// without navigation, headers, footers, asides, forms and dialogs.
func fallbackText(doc *html.Node) (text string) {
	defer func() {
		if r := recover(); r != nil {
			text = ""
		}
	}()
	var best *html.Node
	bestLen := 0
	var mainEl, body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch tagOf(n) {
			case atom.Article:
				if l := len(textContent(n)); l > bestLen {
					best, bestLen = n, l
				}
			case atom.Main:
				if mainEl == nil {
					mainEl = n
				}
			case atom.Body:
				body = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	root := doc
	switch {
	case best != nil:
		root = best
	case mainEl != nil:
		root = mainEl
	case body != nil:
		root = body
	}
	w := textWriter{skip: func(n *html.Node) bool {
		return boilerTags[tagOf(n)] || boilerRoles[strings.ToLower(attr(n, "role"))]
	}}
	w.node(root)
	return w.String()
}

// streamText reads the text of a page the HTML parser refuses (nested too
// deeply to build as a tree), token by token: text outside scripts, styles and the
// head, with block elements as paragraph breaks.
func streamText(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var w textWriter
	skipping := 0 // depth inside skipped elements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return w.String()
		case html.TextToken:
			if skipping == 0 {
				w.text(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skipTags[a] && !voidSkip[a] {
				if tt == html.StartTagToken {
					skipping++
				} else if tt == html.EndTagToken && skipping > 0 {
					skipping--
				}
				continue
			}
			switch {
			case a == atom.Br:
				w.brk(1)
			case blockTags[a]:
				w.brk(2)
			}
		}
	}
}

// voidSkip are skipped elements that have no content to skip.
var voidSkip = map[atom.Atom]bool{
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Base: true, atom.Embed: true,
}
