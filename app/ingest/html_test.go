package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestHTMLGolden reads each testdata/html/*.html page and compares its
// text with the .txt next to it (go test -run Golden -update rewrites
// them), and its metadata and encoding with htmlGoldenMeta.
func TestHTMLGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatal("no golden inputs", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		want, ok := htmlGoldenMeta[name]
		if !ok {
			continue // pages with no text are tested below
		}
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// Named .txt, as a saved page often is: found by content.
			d, err := Read(strings.TrimSuffix(name, ".html")+".txt", src, Meta{})
			if err != nil {
				t.Fatal(err)
			}
			r := d.Report
			checkText(t, r.Text)
			if d.Source.TextLen() != len(r.Text) || !d.Source.Identity() {
				t.Errorf("offsets are not the identity on the text")
			}
			got := htmlMetaWant{r.Title, r.Author, r.Published, r.Outlet, r.URL, d.Encoding, r.Format}
			if got != want {
				t.Errorf("metadata\n got: %+v\nwant: %+v", got, want)
			}
			golden := strings.TrimSuffix(f, ".html") + ".txt"
			if *update {
				if err := os.WriteFile(golden, []byte(r.Text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			wantText, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if r.Text != string(wantText) {
				t.Errorf("text differs from %s:\n got: %q\nwant: %q", golden, r.Text, wantText)
			}
		})
	}
}

type htmlMetaWant struct{ title, author, published, outlet, url, encoding, format string }

var htmlGoldenMeta = map[string]htmlMetaWant{
	"news.html": {"Ferry runs aground off Kelsey Point, 212 passengers brought ashore", "Mira Okonkwo, Tomas Lindqvist",
		"2024-03-14", "The Harbour Gazette", "https://harbourgazette.example/news/ferry-aground", "utf-8", "html"},
	"council-1252.html": {"Brenmoor council approves café licence after “long and heated” vote", "Ines Ferreira",
		"2023-11-02", "", "", "windows-1252", "html"},
	"wrong-charset.html": {"Lighthouse keeper’s log found in Skerrow attic", "", "", "", "", "utf-8", "html"},
	"bom-utf8.html":      {"Market day returns to Ostrel", "", "", "", "", "utf-8", "html"},
	"old-br.html":        {"Parish notes", "", "", "", "", "utf-8", "html"},
}

// TestHTMLDropsBoilerplate checks the ferry page keeps its article and
// none of the page around it.
func TestHTMLDropsBoilerplate(t *testing.T) {
	d, err := ReadFile(filepath.Join("testdata", "html", "news.html"), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	text := d.Report.Text
	for _, keep := range []string{
		"The evening ferry from Port Aldous ran aground",
		"Rescue in the dark",
		"We heard a long scraping sound",
		"a full refund of the fare, or",
		"would publish its first findings",
	} {
		if !strings.Contains(text, keep) {
			t.Errorf("article text lost %q", keep)
		}
	}
	for _, drop := range []string{
		"cookies", "Accept all", "Sport", "Buy three tide tables", "Related stories",
		"Channel markers to be reviewed", "SeaDog77", "lifeboat crews, as always", "newsletter",
		"Subscribe", "All rights reserved", "not text", "Share on social media",
	} {
		if strings.Contains(text, drop) {
			t.Errorf("boilerplate %q kept", drop)
		}
	}
	if strings.HasPrefix(text, "Ferry runs aground") {
		t.Errorf("the headline is repeated as the first paragraph")
	}
	for _, p := range []string{"Rescue in the dark", "a replacement coach to Port Aldous leaving at 09:00,"} {
		if !strings.Contains(text, "\n\n"+p+"\n\n") {
			t.Errorf("%q is not a paragraph of its own", p)
		}
	}
}

// TestHTMLRefusals checks pages with nothing to read are refused with the
// package's error, not a panic or an empty report.
func TestHTMLRefusals(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "html", "no-body.html"))
	if err != nil {
		t.Fatal(err)
	}
	for name, in := range map[string][]byte{
		"no body":     src,
		"empty page":  []byte("<!DOCTYPE html><html><head></head><body></body></html>"),
		"only script": []byte("<html><body><script>document.write('hi')</script></body></html>"),
	} {
		if _, err := Read("page.html", in, Meta{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: got %v, want ErrEmpty", name, err)
		}
	}
}

// TestHTMLHostile reads pages built to break parsers: each must come back
// quickly, as text or a package error.
func TestHTMLHostile(t *testing.T) {
	deep := strings.Repeat("<div>", 5000) + "Deep text that is still read." + strings.Repeat("</div>", 5000)
	cases := map[string]string{
		"deep nesting":   "<!DOCTYPE html><html><body>" + deep + "</body></html>",
		"inline image":   "<html><body><p>Caption text here.</p><img src=\"data:image/png;base64," + strings.Repeat("A", 1<<20) + "\"></body></html>",
		"unclosed tags":  "<html><body>" + strings.Repeat("<b><i><font>", 3000) + "words</body></html>",
		"broken table":   "<html><body><table>" + strings.Repeat("<tr><td>cell<table>", 400) + "</body></html>",
		"comment opener": "<!DOCTYPE html><html><body><p>a</p><!--" + strings.Repeat("-", 100000),
		"bad json-ld":    `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":` + strings.Repeat("[", 100000) + `</script></head><body><p>Some words.</p></body></html>`,
		"nul bytes":      "<html><body><p>a\x00b\x00c</p></body></html>",
	}
	for name, in := range cases {
		d, err := Read("x.html", []byte(in), Meta{})
		if err != nil {
			if !errors.Is(err, ErrEmpty) {
				t.Errorf("%s: unexpected error %v", name, err)
			}
			continue
		}
		checkText(t, d.Report.Text)
	}
	d, err := Read("x.html", []byte(cases["deep nesting"]), Meta{})
	if err != nil || !strings.Contains(d.Report.Text, "Deep text that is still read.") {
		t.Errorf("deep page: %v %q", err, d.Report.Text)
	}
}

// TestHTMLLibraryPanics checks a panic inside a library becomes "found
// nothing", so the page falls back instead of crashing the program.
func TestHTMLLibraryPanics(t *testing.T) {
	if n, s := runReadability(nil, nil); n != nil || s != "" {
		t.Errorf("readability on nil: %v %q", n, s)
	}
	if s := runTrafilatura(nil, nil, nil); s != "" {
		t.Errorf("trafilatura on nil: %q", s)
	}
	if s := textDate(nil, ""); s != "" {
		t.Errorf("htmldate on nil: %q", s)
	}
	if s := fallbackText(nil); s != "" {
		t.Errorf("fallback on nil: %q", s)
	}
}

// TestSniffHTML checks the sniffer takes pages and only pages.
func TestSniffHTML(t *testing.T) {
	for in, want := range map[string]bool{
		"<!DOCTYPE html><html>":                            true,
		"<!doctype HTML PUBLIC \"-//W3C//DTD\">":           true,
		"\xEF\xBB\xBF<html lang=en>":                       true,
		"  \n<!-- saved from url=(0040)x -->\n<html>":      true,
		"<?xml version=\"1.0\"?>\n<!DOCTYPE html>":         true,
		"<head><title>x</title>":                           true,
		"<body>":                                           true,
		"<HTML>":                                           true,
		"\xFF\xFE<\x00h\x00t\x00m\x00l\x00>\x00":           true,
		"<htmlx>":                                          false,
		"<div align=\"center\">logo</div>\n# Title":        false,
		"# Notes\n\nSome <b>bold</b> and <html> in prose.": false,
		"The <html> tag starts a page.":                    false,
		"<p>A fragment</p>":                                false,
		"<!-- a comment that never ends":                   false,
		"<!doctype something-else>":                        false,
		"":                                                 false,
	} {
		if got := sniffHTML([]byte(in)); got != want {
			t.Errorf("sniffHTML(%q) = %v, want %v", in, got, want)
		}
	}
	if f := formatFor("saved.txt", []byte("<!DOCTYPE html><html><body>x</body></html>")); f.name != "html" {
		t.Errorf("a page named .txt is read as %s", f.name)
	}
	if f := formatFor("notes.md", []byte("<div>hi</div>\n\n# Notes")); f.name != "markdown" {
		t.Errorf("Markdown starting with a tag is read as %s", f.name)
	}
}

// TestDecodeHTML checks the order of charset evidence.
func TestDecodeHTML(t *testing.T) {
	latin := "<meta charset=windows-1252><p>caf\xe9 \x93quoted\x94</p>"
	cases := []struct {
		name, in, enc, contains string
	}{
		{"declared windows-1252", latin, enc1252, "café “quoted”"},
		{"latin-1 label reads as windows-1252", "<meta charset=\"ISO-8859-1\"><p>\x93x\x94 caf\xe9</p>", enc1252, "“x” café"},
		{"http-equiv", "<meta http-equiv=\"content-type\" content=\"text/html; charset='windows-1252'\"><p>caf\xe9</p>", enc1252, "café"},
		{"BOM beats meta", "\xEF\xBB\xBF<meta charset=windows-1252><p>café</p>", encUTF8, "café"},
		{"declared legacy, bytes UTF-8", "<meta charset=iso-8859-1><p>café – ok</p>", encUTF8, "café – ok"},
		{"declared UTF-8, bytes windows-1252", "<meta charset=utf-8><p>caf\xe9 na\xefve \x93q\x94</p>", enc1252, "café naïve “q”"},
		{"undeclared UTF-8", "<p>" + strings.Repeat("x", 2000) + " café</p>", encUTF8, "café"},
		{"undeclared windows-1252", "<p>caf\xe9</p>", enc1252, "café"},
		{"meta after a long head", "<head><script>" + strings.Repeat("x", 5000) + "</script><meta charset=windows-1252></head><p>caf\xe9</p>", enc1252, "café"},
		{"xml declaration", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><p>caf\xe9</p>", enc1252, "café"},
		{"unknown label", "<meta charset=no-such-charset><p>café</p>", encUTF8, "café"},
		{"utf-16 label in ASCII bytes", "<meta charset=utf-16><p>café</p>", encUTF8, "café"},
		{"shift_jis", "<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>", "shift_jis", "日本"},
		{"utf-16le BOM", "\xFF\xFE<\x00p\x00>\x00\xe9\x00", encUTF16LE, "<p>é"},
	}
	for _, c := range cases {
		got, enc := decodeHTML([]byte(c.in))
		if enc != c.enc || !strings.Contains(got, c.contains) || !utf8.ValidString(got) {
			t.Errorf("%s: got %q as %s, want %q as %s", c.name, got, enc, c.contains, c.enc)
		}
	}
}

// TestDecodeHTMLBrokenDecoder checks a decoder that fails on the bytes
// (ISO-2022-JP fed arbitrary bytes) falls back to sniffing.
func TestDecodeHTMLBrokenDecoder(t *testing.T) {
	in := "<meta charset=iso-2022-jp><p>caf\xe9 \x1b$B\xff\xfe\x1b(B and more</p>"
	got, enc := decodeHTML([]byte(in))
	if !utf8.ValidString(got) || !strings.Contains(got, "and more") {
		t.Errorf("got %q as %s", got, enc)
	}
}

// checkText checks the invariants of a report text whose offsets are the
// identity on itself (HTML and other formats whose text is not a stretch
// of the file): valid UTF-8, no CR or control characters, single blank
// lines between paragraphs, no white space at either end of a line.
func checkText(t testing.TB, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	for i, r := range text {
		if r == '\n' {
			continue
		}
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF {
			t.Fatalf("text holds control %U at %d: %q", r, i, text)
		}
	}
	if strings.Contains(text, "\n\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
		t.Fatalf("text has stray blank lines: %q", text)
	}
	for _, l := range strings.Split(text, "\n") {
		if l != strings.TrimSpace(l) {
			t.Fatalf("line with white space at an end: %q", l)
		}
	}
}

// TestChooseArticle checks the choice between readability's text and
// trafilatura's on the two ways they part.
func TestChooseArticle(t *testing.T) {
	prose := func(s string) string {
		return "The " + s + " ferry left the harbour at six in the evening and reached the island late that night."
	}
	a, b, c, d := prose("first"), prose("second"), prose("third"), prose("fourth")
	links := "Home\n\nSport\n\nWeather\n\nSubscribe now\n\nMore from the Gazette\n\nTop stories today"
	cases := []struct {
		name, r, t, want string
	}{
		{"same", a, a, a},
		{"readability found nothing", "", b, b},
		{"trafilatura found nothing", a, "", a},
		{"trafilatura kept part of the article", a + "\n\n" + b + "\n\n" + c + "\n\n" + d, a, a + "\n\n" + b + "\n\n" + c + "\n\n" + d},
		{"readability's surplus is boilerplate", a + "\n\n" + links, a, a},
		{"trafilatura added boilerplate", a + "\n\n" + b, a + "\n\n" + b + "\n\n" + links, a + "\n\n" + b},
		{"trafilatura's surplus is prose", a + "\n\n" + b, a + "\n\n" + b + "\n\n" + c, a + "\n\n" + b + "\n\n" + c},
		{"they disagree", a + "\n\n" + b, c + "\n\n" + d, c + "\n\n" + d},
	}
	for _, c := range cases {
		if got := chooseArticle(c.r, c.t); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestHTMLMeta checks where each field comes from, one source at a time.
func TestHTMLMeta(t *testing.T) {
	body := "<p>" + strings.Repeat("The harbour board met on Monday to discuss the new ferry timetable for the winter. ", 6) + "</p>"
	page := func(head, top string) string {
		return "<!DOCTYPE html><html><head>" + head + "</head><body>" + top + "<article>" + body + "</article></body></html>"
	}
	ld := func(j string) string { return `<script type="application/ld+json">` + j + `</script>` }
	cases := []struct {
		name, in string
		want     Meta
	}{
		{"json-ld array, author string",
			page(ld(`[{"@type":"WebPage","name":"Page"},{"@type":"NewsArticle","headline":"Board meets","author":"Ana Ruiz","datePublished":"2021-05-04T23:30:00-05:00"}]`), ""),
			Meta{Title: "Board meets", Author: "Ana Ruiz", Published: "2021-05-04"}},
		{"json-ld graph, authors, publisher",
			page(ld(`{"@context":"https://schema.org","@graph":[{"@type":["ReportageNewsArticle"],"headline":"Timetable &amp; fares","author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","givenName":"Li","familyName":"Wei"}],"publisher":{"@type":"Organization","name":"Harbour Post"},"datePublished":"2021-05-04"}]}`), ""),
			Meta{Title: "Timetable & fares", Author: "Ana Ruiz, Li Wei", Published: "2021-05-04", Outlet: "Harbour Post"}},
		{"publisher as author is no author",
			page(`<meta property="og:site_name" content="Harbour Post">`+ld(`{"@type":"Article","headline":"Board meets","author":{"@type":"Organization","name":"Harbour Post"}}`), ""),
			Meta{Title: "Board meets", Outlet: "Harbour Post"}},
		{"repaired json-ld",
			page(ld("{\"@type\":\"BlogPosting\",\"headline\":\"Line\nbreak\",\"author\":{\"name\":\"Ana Ruiz\"},}"), ""),
			Meta{Title: "Line break", Author: "Ana Ruiz"}},
		{"title cut of the site's name",
			page(`<title>Board meets on timetable | Harbour Post</title><meta property="og:site_name" content="Harbour Post">`, ""),
			Meta{Title: "Board meets on timetable", Outlet: "Harbour Post"}},
		{"h1 agreeing with og:title; logo h1 skipped",
			page(`<meta property="og:title" content="Board meets - Harbour Post"><meta property="og:site_name" content="Harbour Post">`, "<h1>Harbour Post</h1><h1>Board meets</h1>"),
			Meta{Title: "Board meets", Outlet: "Harbour Post"}},
		{"shown headline over metadata",
			page(`<meta property="og:title" content="SEO title for the board story">`, "<h1>Board meets over winter timetable</h1>"),
			Meta{Title: "Board meets over winter timetable"}},
		{"parsely and sailthru",
			page(`<title>T</title><meta name="parsely-author" content="Ana Ruiz"><meta name="sailthru.date" content="2020-02-03 10:00:00">`, ""),
			Meta{Title: "T", Author: "Ana Ruiz", Published: "2020-02-03"}},
		{"microdata",
			page(`<title>T</title>`, `<div itemprop="author" itemscope><span itemprop="name">Ana Ruiz</span></div><meta itemprop="datePublished" content="2019-12-01">`),
			Meta{Title: "T", Author: "Ana Ruiz", Published: "2019-12-01"}},
		{"rel=author byline and time pubdate",
			page(`<title>T</title>`, `<p class="meta">By <a rel="author" href="/p/ana">Ana Ruiz</a></p><time datetime="2018-07-08T09:00" pubdate>8 July</time>`),
			Meta{Title: "T", Author: "Ana Ruiz", Published: "2018-07-08"}},
		{"byline with a role and a date",
			page(`<title>T</title>`, `<div class="byline">By Ana Ruiz, Senior Transport Reporter | Updated May 4, 2021</div>`),
			Meta{Title: "T", Author: "Ana Ruiz", Published: "2021-05-04"}}, // the date from the text, by go-htmldate
		{"plain By line",
			page(`<title>T</title>`, `<p>By Ana de la Ruiz</p>`),
			Meta{Title: "T", Author: "Ana de la Ruiz"}},
		{"comment author is not the author",
			page(`<title>T</title>`, `<div class="comments"><span class="comment-author">SeaDog77</span></div>`),
			Meta{Title: "T"}},
		{"placeholder, address and handle are no authors",
			page(`<title>T</title><meta name="author" content="page.head.extra.author"><meta property="article:author" content="https://facebook.com/ana"><meta name="parsely-author" content="@ana">`, ""),
			Meta{Title: "T"}},
		{"published before modified",
			page(`<title>T</title><meta property="article:modified_time" content="2022-01-01"><meta property="article:published_time" content="2021-03-03">`, ""),
			Meta{Title: "T", Published: "2021-03-03"}},
		{"a modified date only, as go-htmldate takes it",
			page(`<title>T</title><meta property="article:modified_time" content="2022-01-01">`, ""),
			Meta{Title: "T", Published: "2022-01-01"}},
		{"canonical beats og:url; relative is skipped",
			page(`<title>T</title><link rel="canonical" href="/rel"><meta property="og:url" content="https://www.harbourpost.example/board">`, ""),
			Meta{Title: "T", URL: "https://www.harbourpost.example/board", Outlet: "harbourpost.example"}},
	}
	for _, c := range cases {
		d, err := Read("p.html", []byte(c.in), Meta{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		r := d.Report
		got := Meta{Title: r.Title, Author: r.Author, Published: r.Published, Outlet: r.Outlet, URL: r.URL}
		if got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// TestXHTMLEmptyTags checks XHTML's empty elements do not swallow the page
// (<script/> read as an open script would hide all that follows).
func TestXHTMLEmptyTags(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Pier reopens</title><script type="text/javascript" src="a.js"/><style type="text/css"/></head>
<body><div class="spacer"/><p>The pier at Sandholm reopened on Saturday after a winter of repairs to its timber deck, the harbour office said.</p>
<p>Anglers were back at the end of it by seven in the morning.<br/>The café follows in May.</p></body></html>`
	d, err := Read("pier.xhtml", []byte(src), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	want := "The pier at Sandholm reopened on Saturday after a winter of repairs to its timber deck, the harbour office said.\n\nAnglers were back at the end of it by seven in the morning.\nThe café follows in May."
	if d.Report.Text != want || d.Report.Title != "Pier reopens" {
		t.Errorf("got %q titled %q", d.Report.Text, d.Report.Title)
	}
}

// TestHTMLPartOfMessage reads HTML as the MHTML and e-mail readers hand it
// over (UTF-8 with a byte order mark, often a short fragment): the BOM
// wins over the stale <meta charset>, and a short text is neither lost nor
// repeated.
func TestHTMLPartOfMessage(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"\xEF\xBB\xBF<html><head><meta charset=iso-8859-1></head><body><p>Short statement: the café is closed.</p></body></html>",
			"Short statement: the café is closed."},
		{"\xEF\xBB\xBF<div>The council meets on Monday.</div><div>Regards,<br>Anna Ruiz</div>",
			"The council meets on Monday.\n\nRegards,\nAnna Ruiz"},
	} {
		f := formatFor("page.html", []byte(c.in))
		p, err := f.read([]byte(c.in), Options{})
		if f.name != "html" || err != nil || p.text != c.want || p.encoding != encUTF8 {
			t.Errorf("%s reader: %q as %s (%v), want %q", f.name, p.text, p.encoding, err, c.want)
		}
	}
}

// TestDropRepeats checks that a paragraph repeating the one before, or the
// run before it glued together (trafilatura's rescue of a short page), is
// dropped, while a paragraph said again further on is kept.
func TestDropRepeats(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"A\n\nB\n\nAB", "A\n\nB"},
		{"The ferry sank.\n\nTwelve died.\n\nThe ferry sank.Twelve died.", "The ferry sank.\n\nTwelve died."},
		{"Yes.\n\nNo.\n\nYes.", "Yes.\n\nNo.\n\nYes."},
		{"Contents\n\nThe vote\n\nThe vote\n\nIt was close.", "Contents\n\nThe vote\n\nIt was close."},
		{"The vote\n\nThe reaction\n\nThe vote\n\nIt was close.", "The vote\n\nThe reaction\n\nThe vote\n\nIt was close."},
	} {
		if got := dropRepeats(c.in); got != c.want {
			t.Errorf("dropRepeats(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, page := range []string{"<p>A</p><p>B</p>", "<html><body><p>The ferry sank.</p><p>Twelve died.</p></body></html>"} {
		d, err := Read("a.html", []byte(page), Meta{})
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(d.Report.Text, "\n\n"); n != 1 {
			t.Errorf("%s read as %q, want two paragraphs", page, d.Report.Text)
		}
	}
}
