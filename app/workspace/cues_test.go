package workspace_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/workspace"
)

// bulletin is a broadcast's subtitles: four cues, two speakers.
const bulletin = "1\n00:00:01,000 --> 00:00:04,000\nPRESENTER: The ferry ran agound off Skarra Point.\n\n" +
	"2\n00:00:04,500 --> 00:00:07,000\nEighty-two people were on board.\n\n" +
	"3\n00:12:04,000 --> 00:12:08,000\n>> ANNA SMITH: Nobody was hurt, the coastguard said.\n\n" +
	"4\n00:12:08,500 --> 00:12:11,000\nThe harbour stays closed until Friday.\n"

// importBulletin stores the subtitles as the window's import does.
func importBulletin(t *testing.T) (*workspace.Workspace, app.Report) {
	t.Helper()
	ws := workspace.New(apptest.NewStore())
	path := filepath.Join(t.TempDir(), "bulletin.srt")
	if err := os.WriteFile(path, []byte(bulletin), 0o644); err != nil {
		t.Fatal(err)
	}
	res := ws.Import(context.Background(), []string{path}, workspace.ImportOptions{}, nil)
	if len(res) != 1 || res[0].Err != nil {
		t.Fatalf("import: %+v", res)
	}
	r, err := ws.Report(context.Background(), res[0].Report.ID)
	if err != nil || len(r.Cues) != 4 {
		t.Fatalf("report %+v, %v", r, err)
	}
	return ws, r
}

// timeOf is the time and speaker of the cue the words w begin in.
func timeOf(t *testing.T, r app.Report, w string) string {
	t.Helper()
	i := strings.Index(r.Text, w)
	if i < 0 {
		t.Fatalf("no %q in %q", w, r.Text)
	}
	c, ok := r.CueAt(i)
	if !ok {
		return "none"
	}
	return app.Timestamp(c.Start) + " " + c.Speaker
}

// TestEditTextMovesCues corrects a transcript in the window's editor (a
// typo, a sentence added, a paragraph break removed): every word keeps
// the time and speaker it had.
func TestEditTextMovesCues(t *testing.T) {
	ws, r := importBulletin(t)
	before := map[string]string{}
	words := []string{"The ferry", "Eighty-two", "Nobody", "The harbour"}
	for _, w := range words {
		before[w] = timeOf(t, r, w)
	}
	edited := strings.Replace(r.Text, "agound", "aground", 1)
	edited = strings.Replace(edited, "Nobody was hurt,", "Nobody was hurt, and the ferry was towed back,", 1)
	edited = "Breaking news. " + edited
	got, err := ws.EditText(context.Background(), r.ID, edited)
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := ws.Report(context.Background(), r.ID)
	if len(stored.Cues) != len(got.Cues) {
		t.Fatalf("stored cues %+v, returned %+v", stored.Cues, got.Cues)
	}
	for _, w := range words {
		if now := timeOf(t, stored, w); now != before[w] {
			t.Errorf("%q said at %s before the edit, %s after", w, before[w], now)
		}
	}
	if now := timeOf(t, stored, "Breaking news"); now != before["The ferry"] {
		t.Errorf("words added at the start have time %s", now)
	}
	if now := timeOf(t, stored, "towed back"); now != "00:12:04 ANNA SMITH" {
		t.Errorf("words added inside a cue have time %s", now)
	}
	// Deleting a cue's words: its claim goes, the others keep theirs.
	cut := strings.Replace(stored.Text, " Eighty-two people were on board.", "", 1)
	got, err = ws.EditText(context.Background(), r.ID, cut)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Cues) != 3 || timeOf(t, got, "Nobody") != before["Nobody"] || timeOf(t, got, "The harbour") != before["The harbour"] {
		t.Errorf("after a cue's words were cut: %+v", got.Cues)
	}
}

// TestReimportMovesCues re-imports a transcript: from a text file (the
// transcript corrected in a word processor) the old cues move with the
// words; from subtitles, the file's own cues are taken.
func TestReimportMovesCues(t *testing.T) {
	ws, r := importBulletin(t)
	dir := t.TempDir()
	txt := filepath.Join(dir, "bulletin-corrected.txt")
	if err := os.WriteFile(txt, []byte(strings.Replace(r.Text, "agound", "aground", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ws.Reimport(context.Background(), r.ID, txt)
	if err != nil {
		t.Fatal(err)
	}
	if timeOf(t, got, "Nobody") != "00:12:04 ANNA SMITH" || timeOf(t, got, "Eighty-two") != "00:00:04 PRESENTER" {
		t.Errorf("text re-import: cues %+v", got.Cues)
	}
	srt := filepath.Join(dir, "bulletin-v2.srt")
	if err := os.WriteFile(srt, []byte(strings.Replace(bulletin, "00:12:04,000", "00:13:00,000", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = ws.Reimport(context.Background(), r.ID, srt)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cues[2].Start != 13*time.Minute || timeOf(t, got, "Nobody") != "00:13:00 ANNA SMITH" {
		t.Errorf("subtitle re-import: cues %+v", got.Cues)
	}
}
