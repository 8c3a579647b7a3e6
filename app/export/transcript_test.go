package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"parallax/app/compare"
	"parallax/app/export"
)

// transcriptSRT is a broadcast's subtitles of the ferry story: cues with
// speaker labels, one claim running over two cues.
const transcriptSRT = "1\r\n00:00:01,000 --> 00:00:04,000\r\nPRESENTER: Good evening. A ferry carrying\r\n" +
	"eighty-two people ran aground off Skarra Point\r\n\r\n2\r\n00:00:04,200 --> 00:00:07,000\r\n" +
	"this morning, and all of them were rescued.\r\n\r\n3\r\n00:12:04,500 --> 00:12:08,000\r\n" +
	"<i>CAPTAIN ODA:</i> The tide was lower than forecast.\r\n\r\n4\r\n00:12:08,200 --> 00:12:11,000\r\n" +
	"The harbour office will publish its report on Friday.\r\n"

// transcriptReport is a wire report of the same story.
const transcriptReport = "A ferry carrying 82 people ran aground off Skarra Point on Tuesday morning, and all of them were rescued.\n\n" +
	"The captain, Ken Oda, said the tide was lower than forecast.\n\n" +
	"The harbour office said it would publish a report on Friday.\n"

// transcriptComparison compares the subtitles with the wire report, read
// from files as `parallax compare` reads them.
func transcriptComparison(t *testing.T) *compare.Comparison {
	t.Helper()
	dir := t.TempDir()
	srt, txt := filepath.Join(dir, "evening-news.srt"), filepath.Join(dir, "wire.txt")
	if err := os.WriteFile(srt, []byte(transcriptSRT), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(txt, []byte(transcriptReport), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := compare.Files(context.Background(), []string{srt, txt}, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Docs {
		c.Docs[i].Path = filepath.Base(c.Docs[i].Path)
	}
	return c
}

// TestTranscriptJSON checks that `compare --format json` gives each claim
// of a transcript the time and speaker of the cue it begins in, keeps its
// span a span of the .srt file's bytes, and gives other reports' claims
// neither.
func TestTranscriptJSON(t *testing.T) {
	c := transcriptComparison(t)
	var b bytes.Buffer
	if err := export.Write(&b, "json", &export.Memo{C: c}, export.Options{}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Documents []struct {
			Claims []struct {
				Start, End    int
				Text          string
				Time, Speaker string
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	type want struct{ text, time, speaker string }
	var got []want
	for _, cl := range out.Documents[0].Claims {
		got = append(got, want{cl.Text, cl.Time, cl.Speaker})
		// The span is a span of the file: its first and last words are
		// the claim's.
		span := transcriptSRT[cl.Start:cl.End]
		words := strings.Fields(cl.Text)
		if !strings.HasPrefix(span, words[0]) || !strings.HasSuffix(span, words[len(words)-1]) {
			t.Errorf("claim %q maps to file bytes %q", cl.Text, span)
		}
	}
	wants := []want{
		{"Good evening.", "00:00:01", "PRESENTER"},
		{"A ferry carrying eighty-two people ran aground off Skarra Point this morning, and all of them were rescued.", "00:00:01", "PRESENTER"},
		{"The tide was lower than forecast.", "00:12:04", "CAPTAIN ODA"},
		{"The harbour office will publish its report on Friday.", "00:12:08", "CAPTAIN ODA"},
	}
	if len(got) != len(wants) {
		t.Fatalf("claims %+v", got)
	}
	for i := range wants {
		if got[i] != wants[i] {
			t.Errorf("claim %d = %+v, want %+v", i, got[i], wants[i])
		}
	}
	for _, cl := range out.Documents[1].Claims {
		if cl.Time != "" || cl.Speaker != "" {
			t.Errorf("a wire claim has a time: %+v", cl)
		}
	}
	if !strings.Contains(b.String(), `"text":"The tide was lower than forecast.","time":"00:12:04","speaker":"CAPTAIN ODA"`) {
		t.Errorf("time and speaker not written after the text: %s", b.String())
	}
}

// TestTranscriptMemos checks that every other format writes a transcript's
// claim after "[00:12:04]" and its speaker, and a wire claim without one.
func TestTranscriptMemos(t *testing.T) {
	m := &export.Memo{C: transcriptComparison(t)}
	write := func(format string) string {
		var b bytes.Buffer
		if err := export.Write(&b, format, m, export.Options{}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	md := write("md")
	for _, s := range []string{`\[00:12:04\] CAPTAIN ODA: The tide was lower than forecast.`,
		`\[00:00:01\] PRESENTER: A ferry carrying`} {
		if !strings.Contains(md, s) {
			t.Errorf("Markdown lacks %q:\n%s", s, md)
		}
	}
	if regexp.MustCompile(`\*\*\[2\][^\n]*\\\[\d`).MatchString(md) {
		t.Errorf("a wire claim has a time:\n%s", md)
	}
	golden(t, "transcript.md", []byte(md))

	html := write("html")
	if !strings.Contains(html, `<span class="cue">[00:12:04] CAPTAIN ODA:</span> `) {
		t.Errorf("HTML lacks the cue:\n%s", html)
	}

	rows, err := csv.NewReader(strings.NewReader(write("csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows[1:] {
		if r[0] == "[00:12:04] CAPTAIN ODA: The tide was lower than forecast." {
			found = true
		}
		if strings.HasPrefix(r[1], "[") {
			t.Errorf("a wire claim has a time: %q", r[1])
		}
	}
	if !found {
		t.Errorf("CSV lacks the timed claim: %q", rows)
	}

	text, _, err := export.LayoutPDF(m, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `"[00:12:04] CAPTAIN ODA:"`) {
		t.Errorf("PDF lacks the cue:\n%s", text)
	}
}
