package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// benchPages are the saved pages the HTML benchmarks read: every third page
// of ../shared/data/html when present, else the golden pages.
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(sharedPages, "*.html"))
	step := 3
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("testdata", "html", "*.html"))
		step = 1
	}
	var out [][]byte
	for i, f := range files {
		if i%step != 0 {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, src)
	}
	return out
}

// BenchmarkHTML measures the HTML reader per page (ms/page): the whole
// import (decode, parse, both extractors, metadata), and each step alone,
// so the README can say where the time goes. A batch of 1,000 pages must
// import in 30 s, which leaves well under 30 ms a page.
func BenchmarkHTML(b *testing.B) {
	pages := benchPages(b)
	perPage := func(b *testing.B, fn func(src []byte)) {
		cpu0 := cpuTime()
		for b.Loop() {
			for _, p := range pages {
				fn(p)
			}
		}
		n := float64(b.N * len(pages))
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/n, "ms/page")
		// On a shared machine the wall clock counts other programs' turns;
		// the process's CPU time does not (it counts the GC's too).
		b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/n, "cpu-ms/page")
	}
	docs := make([]*html.Node, len(pages))
	for i, p := range pages {
		s, _ := decodeHTML(p)
		docs[i], _ = html.Parse(strings.NewReader(s))
		prune(docs[i])
	}
	b.Run("import", func(b *testing.B) {
		perPage(b, func(src []byte) { Read("page.html", src, Meta{}) })
	})
	b.Run("parse", func(b *testing.B) {
		perPage(b, func(src []byte) {
			s, _ := decodeHTML(src)
			html.Parse(strings.NewReader(s))
		})
	})
	i := 0
	next := func() *html.Node { i++; return docs[i%len(docs)] }
	b.Run("readability", func(b *testing.B) {
		perPage(b, func([]byte) { runReadability(next(), nil) })
	})
	cands := make([]*html.Node, len(docs))
	for j, d := range docs {
		cands[j], _ = runReadability(d, nil)
	}
	b.Run("trafilatura", func(b *testing.B) { // as the import runs it
		perPage(b, func([]byte) { d := next(); runTrafilatura(d, nil, cands[i%len(docs)]) })
	})
	b.Run("trafilatura-own-fallbacks", func(b *testing.B) { // as a library alone
		perPage(b, func([]byte) { runTrafilatura(next(), nil, nil) })
	})
	b.Run("metadata", func(b *testing.B) {
		perPage(b, func([]byte) { htmlMeta(collectClues(next())) })
	})
	b.Run("htmldate", func(b *testing.B) {
		perPage(b, func([]byte) { textDate(next(), "") })
	})
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
