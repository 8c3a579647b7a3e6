package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMHTMLPage checks, for each saved page under testdata/mhtml, the page
// chosen and decoded for the HTML reader against its .page.html golden
// (go test -run MHTMLPage -update rewrites them): the root part found by
// the start parameter or as the first HTML part, its quoted-printable
// undone and its charset converted to UTF-8.
func TestMHTMLPage(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "mhtml", "*.mht*"))
	if len(files) == 0 {
		t.Fatal("no saved pages")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			root, err := parseMIME(src, "a saved web page")
			if err != nil {
				t.Fatal(err)
			}
			page := rootPage(root)
			if page == nil {
				t.Fatal("no page found")
			}
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + ".page.html"
			if *update {
				if err := os.WriteFile(golden, page.Content, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(page.Content) != string(want) {
				t.Errorf("page differs from %s:\n got: %q\nwant: %q", golden, page.Content, want)
			}
		})
	}
}

// TestMHTMLRead checks the reports made from saved pages: the address
// recorded by the browser when the page names none, the title, the right
// part and charset. The checks of the text itself that depend on the HTML
// reader's extraction run once one is registered.
func TestMHTMLRead(t *testing.T) {
	cases := []struct {
		file, url, title string
		has, lacks       []string
		// extracted must hold, and furniture must not, once the HTML reader
		// extracts the article.
		extracted, furniture []string
	}{
		{
			file: "chrome.mhtml",
			// The page's canonical link, once the HTML reader reads it;
			// until then the address Chrome recorded.
			url:       "https://gazette.portmere.example/news/2025/03/ferry-collision",
			title:     "Ferry collision: service to resume Thursday",
			has:       []string{"sail again on Thursday", "“The crews worked through the night,”", "The café on the pier"},
			lacks:     []string{"sea kayak", "font-family", "iVBOR", "Ã©"},
			extracted: []string{"two days after it struck a moored fishing boat in the harbour.\n\nThe harbour master"},
			furniture: []string{"<", "Home", "© Portmere Gazette"},
		},
		{
			file: "start-param.mht", url: "http://www.council.example/minutes.htm", title: "Minutes of the council meeting",
			has:       []string{"objections of the Résidents’ association"},
			lacks:     []string{"Navigation frame", "color: navy"},
			furniture: []string{"<"},
		},
		{
			file: "word.mht", url: "",
			has:       []string{"opening of the new children’s ward."},
			lacks:     []string{"MainFile", "Single File Web Page"},
			extracted: []string{"Families no longer need"},
			furniture: []string{"<"},
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			d, err := ReadFile(filepath.Join("testdata", "mhtml", c.file), Meta{})
			if err != nil {
				t.Fatal(err)
			}
			checkReportText(t, d)
			r := d.Report
			if r.Format != "mhtml" {
				t.Errorf("format %q", r.Format)
			}
			wantURL := c.url
			if c.file == "chrome.mhtml" && !htmlReader() {
				wantURL += "?utm_source=share"
			}
			if r.URL != wantURL {
				t.Errorf("url = %q, want %q", r.URL, wantURL)
			}
			if !strings.HasPrefix(r.Title, c.title) {
				t.Errorf("title = %q, want %q", r.Title, c.title)
			}
			for _, s := range c.has {
				if !strings.Contains(r.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, r.Text)
				}
			}
			for _, s := range c.lacks {
				if strings.Contains(r.Text, s) {
					t.Errorf("text holds %q:\n%s", s, r.Text)
				}
			}
			if !htmlReader() {
				return
			}
			for _, s := range c.extracted {
				if !strings.Contains(r.Text, s) {
					t.Errorf("extracted text lacks %q:\n%s", s, r.Text)
				}
			}
			for _, s := range c.furniture {
				if strings.Contains(r.Text, s) {
					t.Errorf("extracted text holds %q:\n%s", s, r.Text)
				}
			}
		})
	}
}

// TestMHTMLMetaFromEditor checks that the editor's address wins over the
// recorded one.
func TestMHTMLMetaFromEditor(t *testing.T) {
	d, err := ReadFile(filepath.Join("testdata", "mhtml", "start-param.mht"), Meta{URL: "https://council.example/m"})
	if err != nil || d.Report.URL != "https://council.example/m" {
		t.Errorf("url %q, %v", d.Report.URL, err)
	}
}
