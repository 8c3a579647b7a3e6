package export_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/export"
)

// chromium returns the headless browser the memo is looked at in. The test
// is skipped without one unless PARALLAX_REQUIRE_CHROMIUM is set (make test
// sets it), so CI cannot pass by skipping it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("PARALLAX_REQUIRE_CHROMIUM") != "" {
		t.Fatal("PARALLAX_REQUIRE_CHROMIUM is set but chromium is not installed (Debian: apt-get install chromium)")
	}
	t.Skip("chromium is not installed (Debian package chromium); set PARALLAX_REQUIRE_CHROMIUM=1 to fail instead")
	return ""
}

// longURL and longToken have no place a line may break at a space.
const (
	longURL   = "https://www.example.org/inquiries/lake-tamsara/2025/mv-lulinda-capsizing-final-report-and-annexes.pdf"
	longToken = "TMSREG000447120993811205LULINDAPASSENGERCLASSBREGISTRYENTRY"
)

// longWords is a memo of invented reports whose claims, column names and
// notes hold an address and a token too long for any column, on every row.
func longWords(t *testing.T) *export.Memo {
	reports := []app.Report{
		{ID: 1, Outlet: "Meridian Wire", Title: "Inquiry opens", FileName: "wire.txt",
			Text: "The inquiry's findings will be published at " + longURL + " on Monday.\n\n" +
				"The vessel's registry entry is " + longToken + ".\n\nTwelve people died when the ferry sank on Friday.\n"},
		{ID: 2, Title: "Lulinda" + longToken, FileName: "ledger.txt",
			Text: "The findings will be published at " + longURL + " next Monday.\n\n" +
				"Fifteen people died when the ferry sank on Friday.\n"},
		{ID: 3, Outlet: "Radio Horizon", FileName: "radio.txt",
			Text: "Fifteen people died when the ferry sank on Friday, police said.\n\n" +
				"Listeners wrote to " + longToken + "@example.org with what they saw.\n"},
	}
	c, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := &export.Memo{C: c, Name: "Long words", Summary: "Ask for " + longURL, Notes: make([][]app.Note, len(c.Rows))}
	for i := range c.Rows {
		m.Notes[i] = []app.Note{{Verdict: app.NeedsChecking, Text: "Compare with " + longURL + " and " + longToken}}
	}
	return m
}

// layout is what testdata/layout.js measures in the page.
type layout struct {
	Width, PageWidth, Rows              int
	Cards                               bool
	Overflow, NotStacked, NotSideBySide []string
	Unnamed                             []string
}

var layoutResult = regexp.MustCompile(`<pre id="layout-result"[^>]*>([^<]*)</pre>`)

// look opens page in headless Chromium width pixels wide, screenshots it to
// shot and returns what layout.js measured in it.
func look(t *testing.T, browser string, page []byte, width int, shot string) layout {
	t.Helper()
	script, err := os.ReadFile(filepath.Join("testdata", "layout.js"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "memo.html")
	withScript := bytes.Replace(page, []byte("</body>"), []byte("<script>\n"+string(script)+"</script>\n</body>"), 1)
	if err := os.WriteFile(file, withScript, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--disable-extensions", "--mute-audio", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--window-size="+strconv.Itoa(width)+",1600", "--screenshot="+shot, "--dump-dom", "file://"+file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dom, err := cmd.Output()
	if err != nil {
		t.Fatalf("chromium at %d px: %v\n%s", width, err, stderr.String())
	}
	m := layoutResult.FindSubmatch(dom)
	if m == nil {
		t.Fatalf("chromium at %d px: the page did not report its layout\n%s", width, stderr.String())
	}
	var l layout
	if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &l); err != nil {
		t.Fatal(err)
	}
	return l
}

// TestHTMLInBrowser opens the HTML memo in headless Chromium at a laptop's
// width (1366 px) and a narrow window's (800 px): no cell's content spills
// out of its box and the page never scrolls sideways; at 1366 px the
// reports stand side by side, at 800 px each row is a stack of cards, each
// named by its report. The screenshots are kept for a person to judge; go
// test -v prints where.
func TestHTMLInBrowser(t *testing.T) {
	browser := chromium(t)
	shots, err := os.MkdirTemp("", "parallax-memo-")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)
	opt := export.Options{Editor: "Anna Berg", Exported: exportedAt}
	for name, m := range map[string]*export.Memo{"samples": annotated(t), "long-words": longWords(t)} {
		var page bytes.Buffer
		if err := export.HTML(&page, m, opt); err != nil {
			t.Fatal(err)
		}
		for _, width := range []int{1366, 800} {
			t.Run(name+"-"+strconv.Itoa(width), func(t *testing.T) {
				shot := filepath.Join(shots, name+"-"+strconv.Itoa(width)+".png")
				l := look(t, browser, page.Bytes(), width, shot)
				t.Logf("%s: %+v", shot, l)
				if l.Width != width || l.Rows == 0 {
					t.Fatalf("the page is %d px wide with %d rows, want %d px and rows", l.Width, l.Rows, width)
				}
				if len(l.Overflow) > 0 || l.PageWidth > width {
					t.Errorf("content spills out of its box (page %d px wide):\n%s", l.PageWidth, strings.Join(l.Overflow, "\n"))
				}
				if want := width < 900; l.Cards != want {
					t.Errorf("cards %v at %d px, want %v", l.Cards, width, want)
				}
				for _, bad := range [][]string{l.NotStacked, l.NotSideBySide, l.Unnamed} {
					if len(bad) > 0 {
						t.Errorf("at %d px, rows laid out wrong:\n%s", width, strings.Join(bad, "\n"))
					}
				}
			})
		}
	}
}
