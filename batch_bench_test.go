package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// BenchmarkImportBatch imports 1,000 saved web pages with `parallax add
// FOLDER` into a fresh library on disk, as an editor's desk would after a
// day of saving pages (issue 11: at most 30 s on this 2-core machine, memory
// bounded). The pages are ../shared/data/html's real pages taken in turn,
// each copy's paragraphs given a word of its own so that every one is
// stored (a copy the library already holds skips the insert
// and its sync). It reports seconds per batch, ms per page and the peak
// heap, which must not grow with the batch.
func BenchmarkImportBatch(b *testing.B) {
	const n = 1000
	pages, _ := filepath.Glob("../shared/data/html/*.html")
	if len(pages) == 0 {
		b.Skip("../shared/data/html is not beside the checkout")
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "pages")
	if err := os.Mkdir(src, 0o700); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		data, err := os.ReadFile(pages[i%len(pages)])
		if err != nil {
			b.Fatal(err)
		}
		if i >= len(pages) {
			data = bytes.ReplaceAll(data, []byte("</p>"), fmt.Appendf(nil, " Copy %d.</p>", i))
		}
		if err := os.WriteFile(filepath.Join(src, fmt.Sprintf("page%04d.html", i)), data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	var peak uint64
	for i := 0; b.Loop(); i++ {
		db := filepath.Join(dir, fmt.Sprintf("lib%d.db", i))
		stop := watchHeap(&peak)
		start := time.Now()
		code, out, errs := run(b, db, "add", src)
		elapsed := time.Since(start)
		stop()
		if added := strings.Count(out, "added report"); added < n*9/10 {
			b.Fatalf("exit %d, %d of %d pages added:\n%s", code, added, n, firstLines(errs, 5))
		}
		b.ReportMetric(elapsed.Seconds(), "s/batch")
		b.ReportMetric(float64(elapsed.Milliseconds())/n, "ms/page")
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// watchHeap samples the live heap every 20 ms into *peak until stopped.
func watchHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			*peak = max(*peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() { close(done); <-finished; runtime.GC() }
}

// firstLines is the first k lines of s.
func firstLines(s string, k int) string {
	lines := strings.SplitN(s, "\n", k+1)
	return strings.Join(lines[:min(k, len(lines))], "\n")
}
