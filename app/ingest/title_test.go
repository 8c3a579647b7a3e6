package ingest

import (
	"testing"

	"parallax/app"
)

// TestDisplayTitle: a report is named by its real title, else its file
// name made readable, never by its first sentence, also when a library
// stored before that rule kept a title made from the sentence.
func TestDisplayTitle(t *testing.T) {
	sentence := "The ferry Kestrel ran aground off Skarra Point early on Sunday, the coastguard said."
	body := sentence + "\n\nA tug was sent."
	lead := "twelve people were killed when the passenger ferry MV Lulinda capsized on Lake Tamsara early on Friday, police said."
	wire := "KIVANGU (Meridian Wire) -\n" + lead + "\nMore."
	for _, c := range []struct {
		name string
		r    app.Report
		want string
	}{
		{"a given title", app.Report{Title: "Kestrel aground", FileName: "kestrel.txt", Text: body}, "Kestrel aground"},
		{"a heading", app.Report{Title: "Kestrel aground", FileName: "kestrel.txt", Text: "Kestrel aground\n\n" + body}, "Kestrel aground"},
		{"no title", app.Report{FileName: "harbour_office-kestrel.txt", Text: body}, "Harbour office kestrel"},
		// Stored with the title the first sentence gave it.
		{"stored sentence title", app.Report{Title: titleFrom(sentence), FileName: "kestrel.txt", Text: body}, "Kestrel"},
		{"stored sentence after a dateline", app.Report{Title: titleFrom(lead), FileName: "wire 12.txt", Text: wire}, "Wire 12"},
		{"stored, listed without its text", app.Report{Title: titleFrom(sentence), FileName: "kestrel.txt"}, titleFrom(sentence)},
		// Pasted text has no other name than its first line.
		{"pasted", app.Report{Title: titleFrom(sentence), Text: body}, titleFrom(sentence)},
		{"a name that says nothing", app.Report{FileName: "12.txt", Text: body}, "12"},
		{"a path", app.Report{FileName: "/tmp/x/evening-news.srt", Text: body}, "Evening news"},
		{"nothing", app.Report{Text: body}, ""},
	} {
		if got := DisplayTitle(c.r); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
