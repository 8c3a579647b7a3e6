package compare

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"parallax/app"
	"parallax/app/apptest"
)

// The speed benchmarks of the claim engine, end to end in process (read,
// segment, prepare, align, diff and flag): `make bench` runs them and
// prints the table the README quotes. They read real text from ../shared
// and skip when it is absent.

const sharedDir = "../../../shared"

// BenchmarkSeeds compares the three seed reports (target: 30 ms).
func BenchmarkSeeds(b *testing.B) {
	paths, _ := filepath.Glob(filepath.Join(sharedDir, "seeds", "*.txt"))
	if len(paths) < 2 {
		b.Skip("no seed reports in ../shared/seeds")
	}
	sort.Strings(paths)
	for b.Loop() {
		if _, err := Files(context.Background(), paths, Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func ecbDocs(b *testing.B) [][]string { return apptest.ECBTopics(b, sharedDir) }

func reportsOf(texts []string) []app.Report { return apptest.Reports(texts) }

// BenchmarkECBTopic compares the ECB+ topic whose size is nearest 20
// reports, all at once (target: 300 ms).
func BenchmarkECBTopic(b *testing.B) {
	topics := ecbDocs(b)
	best := topics[0]
	for _, t := range topics {
		if abs(len(t)-20) < abs(len(best)-20) {
			best = t
		}
	}
	reports := reportsOf(best)
	c, err := Texts(context.Background(), reports, Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Texts(context.Background(), reports, Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(reports)), "reports")
	b.ReportMetric(float64(crossPairs(c)), "claim-pairs")
}

func abs(x int) int { return max(x, -x) }

// crossPairs counts the claim pairs of different reports: what a
// comparison would score without its candidate index.
func crossPairs(c *Comparison) int {
	n, sq := 0, 0
	for _, d := range c.Docs {
		n += len(d.Claims)
		sq += len(d.Claims) * len(d.Claims)
	}
	return (n*n - sq) / 2
}

// longPair builds two long reports of about n words each from the ECB+
// articles: the first reads them in order, the second in reverse, so the
// two share many claims in different places, as two long reports of one
// story do.
func longPair(b *testing.B, n int) [2]string {
	var docs []string
	for _, t := range ecbDocs(b) {
		docs = append(docs, t...)
	}
	build := func(order func(i int) int) string {
		var sb strings.Builder
		words := 0
		for i := 0; words < n; i++ {
			d := docs[order(i%len(docs))]
			sb.WriteString(d)
			sb.WriteString("\n")
			words += len(strings.Fields(d))
		}
		return sb.String()
	}
	return [2]string{
		build(func(i int) int { return i }),
		build(func(i int) int { return len(docs) - 1 - i }),
	}
}

var longSizes = []int{2_000, 20_000, 200_000}

// BenchmarkLong compares two reports of 2k, 20k and 200k words each
// (target: 20k words in 1 s and 200 MB; ten times the words at most
// fifteen times the time). peak-MB is the largest live heap seen while it
// ran.
func BenchmarkLong(b *testing.B) {
	for _, n := range longSizes {
		texts := longPair(b, n)
		reports := reportsOf(texts[:])
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			peak := watchHeap()
			for b.Loop() {
				if _, err := Texts(context.Background(), reports, Options{}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(peak())/(1<<20), "peak-MB")
		})
	}
}

// watchHeap samples the live heap every few milliseconds until the
// returned function is called, which reports the largest value seen.
func watchHeap() func() uint64 {
	runtime.GC()
	var max atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > max.Load() {
				max.Store(ms.HeapAlloc)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return max.Load()
	}
}

// BenchmarkDwdiff runs dwdiff, the Debian word-diff tool, on the same two
// long reports, for the ratio of our time to a plain word diff's.
func BenchmarkDwdiff(b *testing.B) {
	bin, err := exec.LookPath("dwdiff")
	if err != nil {
		b.Skip("dwdiff is not installed (Debian package dwdiff)")
	}
	for _, n := range longSizes {
		paths := writeFiles(b, longPair(b, n))
		b.Run(fmt.Sprintf("words=%d", n), func(b *testing.B) {
			for b.Loop() {
				runChild(b, exec.Command(bin, paths[0], paths[1]))
			}
		})
	}
}
