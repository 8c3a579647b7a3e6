package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app/apptest"
	"parallax/app/compare"
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

// TestCompareJSONTimes compares subtitles (a UTF-16 .srt, so the file's
// bytes are not the text's) with a text report: each transcript claim
// carries the time and speaker of the cue it begins in, and its span is
// the span of the file holding its words.
func TestCompareJSONTimes(t *testing.T) {
	dir := t.TempDir()
	srt := "1\r\n00:00:02,000 --> 00:00:05,000\r\nMAYOR: The harbour wall will be repaired\r\nthis summer.\r\n\r\n" +
		"2\r\n01:02:03,000 --> 01:02:06,000\r\n>> JENS HOLM: It will cost 1.9 million crowns.\r\n"
	var u16 []byte
	for _, r := range "\uFEFF" + srt {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	files := []string{filepath.Join(dir, "council.srt"), filepath.Join(dir, "wire.txt")}
	os.WriteFile(files[0], u16, 0o644)
	os.WriteFile(files[1], []byte("The mayor said the harbour wall would be repaired this summer. Repairs will cost 1.4 million crowns.\n"), 0o644)
	code, out, errs := compareRun(append([]string{"--format", "json"}, files...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Documents []struct {
			Claims []struct {
				Start, End          int
				Text, Time, Speaker string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	type claim struct{ text, time, speaker, file string }
	var claims []claim
	for _, c := range got.Documents[0].Claims {
		var file strings.Builder
		for i := c.Start; i+1 < c.End; i += 2 {
			file.WriteRune(rune(u16[i]) | rune(u16[i+1])<<8)
		}
		claims = append(claims, claim{c.Text, c.Time, c.Speaker, file.String()})
	}
	want := []claim{
		{"The harbour wall will be repaired this summer.", "00:00:02", "MAYOR", "The harbour wall will be repaired\r\nthis summer."},
		{"It will cost 1.9 million crowns.", "01:02:03", "JENS HOLM", "It will cost 1.9 million crowns."},
	}
	if len(claims) != len(want) {
		t.Fatalf("claims %+v", claims)
	}
	for i := range want {
		if claims[i] != want[i] {
			t.Errorf("claim %d = %+v\nwant %+v", i, claims[i], want[i])
		}
	}
	for _, c := range got.Documents[1].Claims {
		if c.Time != "" {
			t.Errorf("a text report's claim has a time: %+v", c)
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
		want := "parallax: cannot write " + path + ": it already exists (give --force to replace it)\n"
		if data, _ := os.ReadFile(path); code != 1 || errs != want || string(data) != "old contents" {
			t.Errorf("%s over a file without --force: exit %d, stderr %q, file %.20q", format, code, errs, data)
		}
		code, out, errs = compareRun(append([]string{"--out", path, "--force", "--format", format}, files...)...)
		if code != 0 || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", format, code, out, errs)
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), prefix) {
			t.Errorf("%s: %v, file starts %.40q", format, err, data)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: the replaced file's mode is %v, was -rw-------", format, fi.Mode())
		}
		code, out, errs = compareRun(append([]string{"--out", "-", "--format", format}, files...)...)
		if code != 0 || !strings.HasPrefix(out, prefix) || errs != "" {
			t.Errorf("%s to --out -: exit %d, stdout %.20q, stderr %q", format, code, out, errs)
		}
		left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp"))
		if len(left) > 0 {
			t.Errorf("%s: temporary files left: %v", format, left)
		}
	}
}

// TestCompareErrors: a mistake is one line on stderr, with nothing on
// stdout: exit 2 and the usage for a call that is wrong, exit 1 with the
// reason for files that cannot be compared or written.
func TestCompareErrors(t *testing.T) {
	files := apptest.SampleFiles(t)
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.txt")
	long := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(long, []byte(strings.Repeat("the ferry capsized near the harbour ", compare.MaxWords/6+1)), 0o644); err != nil {
		t.Fatal(err)
	}
	many := make([]string, compare.MaxReports+1)
	for i := range many {
		many[i] = files[i%len(files)]
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no files", nil, 2, "at least two"},
		{"one file", files[:1], 2, "at least two"},
		{"unknown format", append([]string{"--format", "docx"}, files...), 2, `unknown format "docx" (use md, html, csv, json, pdf)`},
		{"unreadable", []string{files[0], missing}, 1, missing + ": no such file"},
		{"folder", []string{files[0], filepath.Dir(files[0])}, 1, "folder"},
		{"no folder to write in", append([]string{"--out", filepath.Join(missing, "x.md")}, files...), 1,
			"cannot write " + filepath.Join(missing, "x.md") + ": there is no folder " + missing},
		{"out is a folder", append([]string{"--out", dir}, files...), 1, "cannot write " + dir + ": it is a folder"},
		{"too many files", many, 1, "a comparison takes at most 64 reports; 65 given"},
		{"too many words", []string{long, files[0]}, 1, "words or more, and a comparison takes at most 500,000 (about 3 MB of text)"},
	} {
		code, out, errs := compareRun(tc.args...)
		if code != tc.code || out != "" || strings.Count(errs, "\n") != 1 || !strings.HasPrefix(errs, "parallax: ") ||
			!strings.Contains(errs, tc.want) || strings.Contains(errs, ".tmp") {
			t.Errorf("%s: exit %d, stdout %.60q, stderr %q; want exit %d and one line with %q", tc.name, code, out, errs, tc.code, tc.want)
		}
	}
}

// TestCompareEditor signs the memo with --editor, else PARALLAX_EDITOR,
// and dates it.
func TestCompareEditor(t *testing.T) {
	files := apptest.SampleFiles(t)
	for _, tc := range []struct {
		env  string
		args []string
		want string
	}{
		{"Anna Berg", nil, " by Anna Berg."},
		{"Anna Berg", []string{"--editor", "Jo Lind"}, " by Jo Lind."},
		{"", nil, "Exported on "},
	} {
		var out, errb strings.Builder
		args := append(append([]string{"compare"}, tc.args...), files...)
		code := Run(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb, Getenv: func(k string) string {
			if k == "PARALLAX_EDITOR" {
				return tc.env
			}
			return ""
		}})
		head, _, _ := strings.Cut(out.String(), "\n1. ")
		if code != 0 || !strings.Contains(head, tc.want) || !strings.Contains(head, "Exported on ") {
			t.Errorf("%v with PARALLAX_EDITOR=%q: exit %d, header %q, want %q; %s", tc.args, tc.env, code, head, tc.want, errb.String())
		}
		if tc.env == "" && strings.Contains(head, " by ") {
			t.Errorf("unsigned memo says %q", head)
		}
	}
}

// TestDBBeforeCommand: `parallax --db PATH COMMAND ...`, the order many
// tools take their global options in, runs COMMAND with that library,
// as `parallax COMMAND --db PATH ...` does.
func TestDBBeforeCommand(t *testing.T) {
	files := apptest.SampleFiles(t)
	want, _, _ := runAt(false, append([]string{"compare", "--db", "lib.db"}, files...)...)
	for _, lead := range [][]string{{"--db", "lib.db"}, {"-db", "lib.db"}, {"--db=lib.db"}} {
		code, out, errs := runAt(false, append(append(lead, "compare"), files...)...)
		if code != want || !strings.HasPrefix(out, "# ") || errs != "" {
			t.Errorf("%v compare: exit %d (want %d), stderr %q", lead, code, want, errs)
		}
	}
}

// TestCompareHelpLimits: compare --help states the limits the command
// enforces, from the same constants.
func TestCompareHelpLimits(t *testing.T) {
	code, out, _ := compareRun("--help")
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"up to 64 files", "at most 500,000 words together", "at most 12 reports side by side"} {
		if code != 0 || !strings.Contains(flat, want) {
			t.Errorf("compare --help (exit %d) does not say %q:\n%s", code, want, out)
		}
	}
}
