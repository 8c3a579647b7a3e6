package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app/apptest"
)

// runAt runs the command line with stdout a terminal or not.
func runAt(terminal bool, args ...string) (code int, stdout, stderr string) {
	return runWith("", terminal, args...)
}

// TestBinaryNotToTerminal: a PDF asked for on a terminal is refused before
// any work, with what to do instead; text formats still go to the
// terminal, and a PDF goes to a pipe or a file.
func TestBinaryNotToTerminal(t *testing.T) {
	files := apptest.SampleFiles(t)
	const refusal = "parallax: a PDF is not shown in a terminal; give --out FILE (or redirect)\n"
	for _, args := range [][]string{
		append([]string{"compare", "--format", "pdf"}, files...),
		append([]string{"compare", "--format", "PDF"}, files...),
		// Refused before the library is opened (runAt has none).
		{"export", "--comparison", "1", "--format", "pdf"},
	} {
		code, out, errs := runAt(true, args...)
		if code != 1 || out != "" || errs != refusal {
			t.Errorf("%v on a terminal: exit %d, stdout %.20q, stderr %q", args, code, out, errs)
		}
	}
	if code, out, errs := runAt(true, append([]string{"compare", "--format", "md"}, files...)...); code != 0 || !strings.HasPrefix(out, "# ") || errs != "" {
		t.Errorf("Markdown on a terminal: exit %d, stderr %q", code, errs)
	}
	if code, out, errs := runAt(false, append([]string{"compare", "--format", "pdf"}, files...)...); code != 0 || !strings.HasPrefix(out, "%PDF-") || errs != "" {
		t.Errorf("PDF to a pipe: exit %d, stdout %.10q, stderr %q", code, out, errs)
	}
	path := filepath.Join(t.TempDir(), "memo.pdf")
	code, out, errs := runAt(true, append([]string{"compare", "--format", "pdf", "--out", path}, files...)...)
	data, _ := os.ReadFile(path)
	if code != 0 || out != "" || !bytes.HasPrefix(data, []byte("%PDF-")) || !strings.HasPrefix(errs, "Wrote "+path) {
		t.Errorf("PDF to --out from a terminal: exit %d, stdout %.10q, stderr %q", code, out, errs)
	}
}

// TestWroteLine: with --out, compare says on stderr where it wrote, how many
// rows (the main rows the memo holds) and how many reports; writing to
// stdout it says nothing there.
func TestWroteLine(t *testing.T) {
	files := apptest.SampleFiles(t)
	_, out, _ := runAt(false, append([]string{"compare", "--format", "json"}, files...)...)
	var memo struct {
		Rows []struct{ Link bool }
	}
	if err := json.Unmarshal([]byte(out), &memo); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, r := range memo.Rows {
		if !r.Link {
			rows++
		}
	}
	for _, format := range []string{"md", "html", "csv", "json", "pdf"} {
		path := filepath.Join(t.TempDir(), "memo."+format)
		code, out, errs := runAt(false, append([]string{"compare", "--format", format, "--out", path}, files...)...)
		want := fmt.Sprintf("Wrote %s (%d rows, 3 reports).\n", path, rows)
		if code != 0 || out != "" || errs != want {
			t.Errorf("%s: exit %d, stdout %.20q, stderr %q, want %q", format, code, out, errs, want)
		}
		if code, _, errs := runAt(false, append([]string{"compare", "--format", format}, files...)...); code != 0 || errs != "" {
			t.Errorf("%s to stdout: exit %d, stderr %q (want nothing)", format, code, errs)
		}
	}
}

// TestIsTerminal: a file and the null device (`> /dev/null`, a character
// device too) are not terminals.
func TestIsTerminal(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if IsTerminal(f) || IsTerminal(null) {
		t.Errorf("IsTerminal: file %v, %s %v; want false for both", IsTerminal(f), os.DevNull, IsTerminal(null))
	}
}
