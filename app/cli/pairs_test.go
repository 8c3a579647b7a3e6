package cli

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

func runCLI(stdin string, args ...string) (code int, stdout, stderr string) {
	return runWith(stdin, false, args...)
}

// runWith runs the command line on stdin, with stdout a terminal or not and
// no library (a command that opens one fails the test by panicking on the
// nil OpenStore).
func runWith(stdin string, terminal bool, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" }, StdoutTerminal: terminal})
	return code, out.String(), errb.String()
}

func TestPairs(t *testing.T) {
	in := "label\tid1\tid2\ttext1\ttext2\n" +
		"1\ta1\ta2\tSyrian troops shelled Deraa on Monday, killing 12 people.\tTwelve people were killed on Monday when Syrian troops shelled Deraa.\n" +
		"0\tb1\tb2\tThe central bank raised interest rates.\tA cat sleeps on the sofa.\n" +
		"\n" +
		"0\tc1\tc2\t\t\n"
	code, out, errs := runCLI(in, "pairs")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 || lines[0] != "id1\tid2\tscore\tsame" {
		t.Fatalf("output:\n%s", out)
	}
	var scores []float64
	for i, want := range []string{"a1\ta2\t", "b1\tb2\t", "c1\tc2\t"} {
		f := strings.Split(lines[i+1], "\t")
		if len(f) != 4 || !strings.HasPrefix(lines[i+1], want) || (f[3] != "0" && f[3] != "1") {
			t.Fatalf("line %d = %q", i+1, lines[i+1])
		}
		s, err := strconv.ParseFloat(f[2], 64)
		if err != nil || s < 0 || s > 1 {
			t.Fatalf("line %d score %q", i+1, f[2])
		}
		scores = append(scores, s)
	}
	if !(scores[0] > scores[1]) || !strings.HasSuffix(lines[1], "\t1") || !strings.HasSuffix(lines[2], "\t0") {
		t.Errorf("paraphrase should be same and score above the unrelated pair:\n%s", out)
	}
}

func TestPairsBadInput(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"empty", ""},
		{"no header", "1\ta\tb\tx\ty\n"},
		{"missing column", "label\tid1\tid2\ttext1\n1\ta\tb\tx\n"},
		{"short line", "label\tid1\tid2\ttext1\ttext2\n1\ta\tb\n"},
	} {
		code, out, errs := runCLI(tc.in, "pairs")
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "pairs") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and one line", tc.name, code, out, errs)
		}
	}
	if code, _, _ := runCLI("", "pairs", "extra"); code != 2 {
		t.Errorf("an argument should be a usage error")
	}
}

// TestPairsMSRP runs the shared MSRP data through the command (in-sample
// for the committed model; the honest figure is the cross-validated one the
// align package records). Skipped when the data is absent or with -short.
func TestPairsMSRP(t *testing.T) {
	data, err := os.ReadFile("../../../shared/data/msrp/train.tsv")
	if err != nil || testing.Short() {
		t.Skip("shared data absent or -short")
	}
	code, out, errs := runCLI(string(data), "pairs")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	gold := map[string]string{}
	for _, l := range strings.Split(string(data), "\n")[1:] {
		if f := strings.Split(l, "\t"); len(f) >= 5 {
			gold[f[1]+"\t"+f[2]] = f[0]
		}
	}
	right, n := 0, 0
	for _, l := range strings.Split(out, "\n")[1:] {
		f := strings.Split(l, "\t")
		if len(f) != 4 {
			continue
		}
		n++
		if gold[f[0]+"\t"+f[1]] == f[3] {
			right++
		}
	}
	if n != len(gold) {
		t.Fatalf("%d output lines for %d pairs", n, len(gold))
	}
	if acc := float64(right) / float64(n); acc < 0.77 {
		t.Errorf("MSRP accuracy %.3f, want >= 0.77", acc)
	}
}
