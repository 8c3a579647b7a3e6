package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// viaHTML marks a golden whose text came through the HTML reader: only its
// details are compared, since the text is the HTML reader's to define.
const viaHTML = "(the HTML part, read by the HTML reader)\n"

// goldenReport renders what a golden file holds: the details, a blank
// line, the text.
func goldenReport(d Document, text string) string {
	r := d.Report
	return fmt.Sprintf("title: %s\nauthor: %s\noutlet: %s\npublished: %s\nurl: %s\nformat: %s\n\n%s",
		r.Title, r.Author, r.Outlet, r.Published, r.URL, r.Format, text)
}

// TestEMLGolden reads each testdata/eml/*.eml and compares its details and
// text with the .golden next to it (go test -run Golden -update rewrites
// them; a golden whose text is viaHTML keeps it). Bodies from an HTML part
// are checked for tags once an HTML reader is registered.
func TestEMLGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "eml", "*.eml"))
	if err != nil || len(files) == 0 {
		t.Fatal("no golden inputs", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := Read(f, src, Meta{})
			if err != nil {
				t.Fatal(err)
			}
			checkReportText(t, d)
			golden := strings.TrimSuffix(f, ".eml") + ".golden"
			want, _ := os.ReadFile(golden)
			text := d.Report.Text + "\n"
			html := strings.HasSuffix(string(want), "\n\n"+viaHTML)
			if html {
				text = viaHTML
			}
			got := goldenReport(d, text)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != string(want) {
				t.Errorf("differs from %s:\n got: %s\nwant: %s", golden, got, want)
			}
			if html && htmlReader() && strings.ContainsAny(d.Report.Text, "<>") {
				t.Errorf("tags in a body read by the HTML reader: %q", d.Report.Text)
			}
		})
	}
}

// TestEMLBodyChoice checks which part of a message becomes the report.
func TestEMLBodyChoice(t *testing.T) {
	for _, c := range []struct {
		file, has, lacks string
	}{
		{"alternative.eml", "footbridge over the River Alder.\n\nThe bridge", "<p>"},
		{"html-only.eml", "fire damaged the café on Mill Street", "\uFFFD"},
		{"stub-plain.eml", "granted planning consent on Friday", "open it in a web browser"},
		{"stub-plain.eml", "Residents’ groups", "Attached notes"},
		{"stub-plain.eml", "eighteen months", "%PDF"},
		{"release-plain.eml", "harbour master Ruth Abernethy. The Café", "+44 1632"},
		{"windows-1252.eml", "The “great clock” in the hall", "\n clock"},
		{"windows-1252.eml", "noon.\n\nFrom the first of April", " From the first"},
		{"forwarded-inline.eml", "The coast road between Saltby", "FYI"},
		{"forwarded-inline.eml", "reopen by the weekend.", "Forwarded message"},
		{"outlook-forward.eml", "Valley Water lifted the hosepipe ban", "tomorrow's paper"},
		{"forwarded-attachment.eml", "on Monday, ending a two-year wait", "See the attached"},
	} {
		t.Run(c.file+": "+c.has, func(t *testing.T) {
			d, err := ReadFile(filepath.Join("testdata", "eml", c.file), Meta{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Report.Text, c.has) || strings.Contains(d.Report.Text, c.lacks) {
				t.Errorf("text %q\nshould hold %q and not %q", d.Report.Text, c.has, c.lacks)
			}
		})
	}
}

// TestEMLAlternatives checks the choice between the plain and the HTML
// rendering of one message.
func TestEMLAlternatives(t *testing.T) {
	msg := func(plain, html string) []byte {
		return []byte("From: a@b.example\nSubject: x\nContent-Type: multipart/alternative; boundary=q\n\n" +
			"--q\nContent-Type: text/plain; charset=utf-8\n\n" + plain + "\n" +
			"--q\nContent-Type: text/html; charset=utf-8\n\n" + html + "\n--q--\n")
	}
	story := "<p>The council voted nine to four for the bridge on Monday.</p><p>Work starts in September and ends in 2027.</p>"
	cases := []struct {
		name, plain, html, want string
	}{
		{"fair plain kept", "The council voted 9-4 for the bridge on Monday.\n\nWork starts in September and ends in 2027.", story, "voted 9-4"},
		{"stub plain", "View this e-mail in your browser.", story, "nine to four"},
		{"markup as plain", "<html><body><p>The council voted nine to four.</p></body></html>", story, "nine to four for the bridge"},
		{"blank plain", "  \n ", story, "nine to four"},
		{"blank html", "The council voted 9-4.", " ", "voted 9-4"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("a.eml", msg(c.plain, c.html), Meta{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Report.Text, c.want) {
				t.Errorf("text %q, want it to hold %q", d.Report.Text, c.want)
			}
		})
	}
}

// TestEMLMetaFromEditor checks that the editor's details win over the
// message's.
func TestEMLMetaFromEditor(t *testing.T) {
	d, err := ReadFile(filepath.Join("testdata", "eml", "alternative.eml"), Meta{Outlet: "Lakeside Council", Published: "11 March 2025"})
	if err != nil {
		t.Fatal(err)
	}
	if r := d.Report; r.Outlet != "Lakeside Council" || r.Published != "2025-03-11" || r.Author != "Jane Okafor" {
		t.Errorf("details %q %q %q", r.Outlet, r.Published, r.Author)
	}
}

func TestSender(t *testing.T) {
	cases := []struct {
		name, addr, org string
		author, outlet  string
	}{
		{"Jane Doe", "jane@acme.example", "", "Jane Doe", "acme.example"},
		{"Jane Doe", "jane@press.acme.co.uk", "", "Jane Doe", "acme.co.uk"},
		{"Jane Doe", "jane@acme.example", "Acme Holdings", "Jane Doe", "Acme Holdings"},
		{"Acme Press Office", "press@acme.example", "", "", "Acme Press Office"},
		{"City Council Newsroom", "news@city.example", "Ignored", "", "City Council Newsroom"},
		{"NASA", "info@nasa.example", "", "", "NASA"},
		{"Acme", "hello@acme.example", "", "", "Acme"},
		{"Jane", "jane@acme.example", "", "Jane", "acme.example"},
		{"", "press@acme.example", "", "", "acme.example"},
		{"Sam Reyes", "sam.reyes@gmail.com", "", "Sam Reyes", ""},
		{"Sam Reyes", "sam@yahoo.co.uk", "", "Sam Reyes", ""},
		{"Acme Corp via PR Wire", "noreply@prnewswire.com", "", "", "Acme Corp"},
		{"Jane Doe (Acme Corp)", "jane@mail.example", "", "Jane Doe", "Acme Corp"},
		{"Jane Doe | Acme", "jane@mail.example", "", "Jane Doe", "Acme"},
		{"Acme (Press Office)", "p@acme.example", "", "", "Acme (Press Office)"},
		{`"jane@acme.example"`, "jane@acme.example", "", "", "acme.example"},
		{"Doe, Jane", "jane@acme.example", "", "Doe, Jane", "acme.example"},
	}
	for _, c := range cases {
		a, o := sender(c.name, c.addr, c.org)
		if a != c.author || o != c.outlet {
			t.Errorf("sender(%q, %q, %q) = %q, %q; want %q, %q", c.name, c.addr, c.org, a, o, c.author, c.outlet)
		}
	}
}

func TestCleanSubject(t *testing.T) {
	cases := map[string]string{
		"Re: Fwd: FW: Ferry resumes":              "Ferry resumes",
		"AW: WG: Brücke genehmigt":                "Brücke genehmigt",
		"RE[2]: Vote count":                       "Vote count",
		"[EXTERNAL] Wind farm":                    "Wind farm",
		"[Fwd: Council vote]":                     "[Fwd: Council vote]",
		"=?UTF-8?B?RndkOiBDYWbDqSBjbG9zZXM=?=":    "Café closes",
		"=?iso-8859-1?q?R=E9sidents_meet?= again": "Résidents meet again",
		"Reform bill passes":                      "Reform bill passes",
		"Fwdx: not a prefix":                      "Fwdx: not a prefix",
	}
	for in, want := range cases {
		if got := cleanSubject(in); got != want {
			t.Errorf("cleanSubject(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnflow(t *testing.T) {
	cases := []struct {
		in    string
		delsp bool
		want  string
	}{
		{"one \ntwo\nthree", false, "one two\nthree"},
		{"one \ntwo", true, "onetwo"},
		{" From here\n>> quoted \n>> more\nend", false, "From here\n>> quoted more\nend"},
		{"soft \n> quoted", false, "soft \n> quoted"},
		{"text\n-- \nsig", false, "text\n-- \nsig"},
	}
	for _, c := range cases {
		if got := unflow(c.in, c.delsp); got != c.want {
			t.Errorf("unflow(%q, %v) = %q, want %q", c.in, c.delsp, got, c.want)
		}
	}
}

func TestDropSignature(t *testing.T) {
	long := "Body.\n-- \n" + strings.Repeat("line\n", maxSignatureLines+2)
	cases := map[string]string{
		"Body.\n-- \nJane\nPress Office\n": "Body.\n",
		"Body.\n-- ":                       "Body.",
		"Body.\n--\nnot a signature\n":     "Body.\n--\nnot a signature\n",
		long:                               long,
	}
	for in, want := range cases {
		if got := dropSignature(in); got != want {
			t.Errorf("dropSignature(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitForward(t *testing.T) {
	cases := []struct {
		name, in        string
		ok              bool
		body, from, sub string
	}{
		{"apple", "Begin forwarded message:\n\nFrom: Ann Lee <ann@x.example>\nSubject: Vote\nDate: 3 March 2025\nTo: desk\n\nThe vote passed.", true, "The vote passed.", "Ann Lee", "Vote"},
		{"thunderbird quoted", "-------- Forwarded Message --------\n> Subject: Bridge\n> From: Bo <bo@x.example>\n>\n> The bridge opened.\n> Crowds came.", true, "The bridge opened.\nCrowds came.", "Bo", "Bridge"},
		{"german", "-------- Weitergeleitete Nachricht --------\nBetreff: Brücke\nVon: Uta <uta@x.example>\n\nDie Brücke ist offen.", true, "Die Brücke ist offen.", "Uta", "Brücke"},
		{"bold fields", "---------- Forwarded message ---------\n*From:* Cy <cy@x.example>\n*Subject:* Dam\n\nThe dam held.", true, "The dam held.", "Cy", "Dam"},
		{"long cover note", strings.Repeat("word ", maxCoverWords+1) + "\n-----Original Message-----\nFrom: a@x.example\n\nbody", false, "", "", ""},
		{"marker with nothing after", "note\n---------- Forwarded message ---------\n", false, "", "", ""},
		{"from line in prose", "From: the mayor's office, a statement.\nIt said little.", false, "", "", ""},
		{"no forward", "Just a message.\n\nTwo paragraphs.", false, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body, h, ok := splitForward(c.in)
			if ok != c.ok {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				if body != c.in {
					t.Errorf("text changed: %q", body)
				}
				return
			}
			if body != c.body || h.name != c.from || h.subject != c.sub {
				t.Errorf("= %q from %q subject %q", body, h.name, h.subject)
			}
		})
	}
}
