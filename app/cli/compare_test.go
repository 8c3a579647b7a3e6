package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app/apptest"
)

// compareRun runs compare with a --db that cannot be opened and an Env
// without OpenStore, so touching the library would fail the test.
func compareRun(args ...string) (int, string, string) {
	return runCLI("", append([]string{"compare", "--db", "/nonexistent/dir/lib.db"}, args...)...)
}

func TestCompareJSON(t *testing.T) {
	files := apptest.SampleFiles(t)
	code, out, errs := compareRun(append([]string{"--format", "json"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Documents []struct {
			Path   string
			Claims []struct {
				Start, End int
				Text       string
			}
		}
		Rows []struct {
			Claims []struct{ Doc, Claim int }
			Level  string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Documents) != 3 || len(got.Rows) == 0 {
		t.Fatalf("%d documents, %d rows", len(got.Documents), len(got.Rows))
	}
	for d, doc := range got.Documents {
		data, _ := os.ReadFile(files[d])
		if doc.Path != files[d] {
			t.Errorf("path %q, want %q", doc.Path, files[d])
		}
		for _, c := range doc.Claims {
			if string(data[c.Start:c.End]) != c.Text {
				t.Errorf("doc %d: span %d-%d is %q, text %q", d, c.Start, c.End, data[c.Start:c.End], c.Text)
			}
		}
	}
}

func TestCompareFormatsAndOut(t *testing.T) {
	files := apptest.SampleFiles(t)
	code, out, errs := compareRun(files...)
	if code != 0 || !strings.HasPrefix(out, "# Comparison of 3 reports") {
		t.Fatalf("default format: exit %d, stderr %q, out %.80q", code, errs, out)
	}
	for format, prefix := range map[string]string{"md": "# ", "html": "<!DOCTYPE html>", "csv": "[1] ", "json": `{"documents":`, "pdf": "%PDF-"} {
		path := filepath.Join(t.TempDir(), "out."+format)
		os.WriteFile(path, []byte("old contents"), 0o600)
		code, out, errs := compareRun(append([]string{"--out", path, "--format", format}, files...)...)
		if code != 0 || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", format, code, out, errs)
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), prefix) {
			t.Errorf("%s: %v, file starts %.40q", format, err, data)
		}
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
		if len(left) > 0 {
			t.Errorf("%s: temporary files left: %v", format, left)
		}
	}
}

func TestCompareErrors(t *testing.T) {
	files := apptest.SampleFiles(t)
	missing := filepath.Join(t.TempDir(), "missing.txt")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no files", nil, "at least two"},
		{"one file", files[:1], "at least two"},
		{"unknown format", append([]string{"--format", "docx"}, files...), "unknown format"},
		{"unreadable", []string{files[0], missing}, missing},
		{"folder", []string{files[0], filepath.Dir(files[0])}, "folder"},
		{"bad out", append([]string{"--out", filepath.Join(missing, "x.md")}, files...), "cannot write"},
	} {
		code, out, errs := compareRun(tc.args...)
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, stdout %.60q, stderr %q; want exit 1 and one line with %q", tc.name, code, out, errs, tc.want)
		}
	}
}
