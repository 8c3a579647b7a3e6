package compare

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkProcess times what a user waits for: `parallax compare --format
// json --out FILE` run as a process on the long pairs of BenchmarkLong
// written to files, start-up, WordNet load and JSON export included, with
// dwdiff run on the same files in the same loop, one after the other, so
// that the ratio holds on a loaded machine. ns/op is parallax's wall time;
// dwdiff-ms is dwdiff's, x-dwdiff the ratio of the two sums, cpu-ms
// parallax's user plus system time and peak-RSS-MB the largest resident
// set of a parallax child (from its rusage). Process/version is `parallax
// version`: start-up alone.
//
// The binary is $PARALLAX_BIN when set (make bench builds bin/parallax
// first), otherwise one built for the benchmark as make build builds it.
func BenchmarkProcess(b *testing.B) {
	bin := parallaxBin(b)
	b.Run("version", func(b *testing.B) {
		var rss int64
		for b.Loop() {
			rss = max(rss, runChild(b, exec.Command(bin, "version")).rss)
		}
		b.ReportMetric(float64(rss)/(1<<10), "peak-RSS-MB")
	})
	dwdiff, _ := exec.LookPath("dwdiff")
	for _, n := range longSizes {
		paths := writeFiles(b, longPair(b, n))
		out := filepath.Join(b.TempDir(), "rows.json")
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			var own, dw, cpu time.Duration
			var rss int64
			for b.Loop() {
				r := runChild(b, exec.Command(bin, "compare", "--format", "json", "--force", "--out", out, paths[0], paths[1]))
				own += r.wall
				cpu += r.cpu
				rss = max(rss, r.rss)
				if dwdiff != "" {
					b.StopTimer()
					dw += runChild(b, exec.Command(dwdiff, paths[0], paths[1])).wall
					b.StartTimer()
				}
			}
			runs := float64(b.N)
			b.ReportMetric(float64(cpu.Milliseconds())/runs, "cpu-ms")
			b.ReportMetric(float64(rss)/(1<<10), "peak-RSS-MB")
			if dw > 0 {
				b.ReportMetric(float64(dw.Microseconds())/1e3/runs, "dwdiff-ms")
				b.ReportMetric(float64(own)/float64(dw), "x-dwdiff")
			}
		})
	}
}

// parallaxBin is the parallax binary the benchmark runs: $PARALLAX_BIN, or
// one built into a temporary folder with make build's tags.
func parallaxBin(b *testing.B) string {
	if p := os.Getenv("PARALLAX_BIN"); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			b.Fatal(err)
		}
		return abs
	}
	p := filepath.Join(b.TempDir(), "parallax")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", p, ".")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building parallax: %v\n%s", err, out)
	}
	return p
}

// writeFiles writes texts to numbered files in a temporary folder.
func writeFiles(b *testing.B, texts [2]string) []string {
	dir := b.TempDir()
	var paths []string
	for i, t := range texts {
		p := filepath.Join(dir, fmt.Sprintf("%d.txt", i))
		if err := os.WriteFile(p, []byte(t), 0o600); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// usage is what one child process cost: wall and CPU time, and its peak
// resident set in KiB.
type usage struct {
	wall, cpu time.Duration
	rss       int64
}

// runChild runs cmd to its end and measures it. dwdiff's exit status 1 (the
// files differ) is not a failure.
func runChild(b *testing.B, cmd *exec.Cmd) usage {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var ee *exec.ExitError
	if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1 && filepath.Base(cmd.Path) == "dwdiff") {
		b.Fatalf("%s: %v\n%s", cmd, err, stderr.Bytes())
	}
	ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	u := usage{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru != nil {
		u.rss = ru.Maxrss
	}
	return u
}
