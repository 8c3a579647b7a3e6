package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkRead measures plain text and Markdown on a large report.
func BenchmarkRead(b *testing.B) {
	s := []byte(strings.Repeat("word “quoted” é and some **more** words in a sentence.\n", 50000))
	for _, n := range []string{"a.txt", "a.md"} {
		b.Run(n, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				if _, err := Read(n, s, Meta{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarkdownHostile reads lines built to make a naive stripper
// quadratic (every "[" searching for its "]", every tick run for its
// match, every closer for its opener). Each should take milliseconds;
// before bracket matching, 200,000 "[" took 50 s.
func BenchmarkMarkdownHostile(b *testing.B) {
	for name, s := range map[string]string{
		"brackets": strings.Repeat("[", 200000),
		"links":    strings.Repeat("[a](", 50000),
		"images":   strings.Repeat("![", 100000),
		"ticks":    strings.Repeat("` `` ``` ", 20000),
		"delims":   strings.Repeat("*a ", 60000) + strings.Repeat("a_ ", 60000),
		"comments": strings.Repeat("<!-- ", 60000),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Read("a.md", []byte(s), Meta{})
			}
		})
	}
}

// subtitleHour builds an hour of broadcast subtitles: 1,200 cues of two
// lines with tags, speaker labels, dialogue dashes and sound descriptions.
func subtitleHour() []byte {
	var b strings.Builder
	for i := range 1200 {
		s := time.Duration(i) * 3 * time.Second
		fmt.Fprintf(&b, "%d\r\n%s --> %s\r\n", i+1, srtTime(s), srtTime(s+2900*time.Millisecond))
		switch i % 4 {
		case 0:
			b.WriteString("REPORTER: The council voted <i>seven</i> to four\r\nto repair the harbour wall.\r\n\r\n")
		case 1:
			b.WriteString("- Was anyone hurt?\r\n- Nobody, &amp; the ferry sailed on time.\r\n\r\n")
		case 2:
			b.WriteString("[engine hums] {\\an8}<font color=\"#ffff00\">Repairs will cost 1.4 million crowns,</font>\r\n\r\n")
		default:
			b.WriteString("paid from the reserve rather than from\r\nnew taxes, the mayor said on Tuesday.\r\n\r\n")
		}
	}
	return []byte(b.String())
}

// srtTime writes d as SubRip writes times.
func srtTime(d time.Duration) string {
	ms := d.Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d,%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// BenchmarkSubtitles reads an hour of broadcast subtitles (SRT) and the
// subtitle fixtures, reporting milliseconds per file, the figure the README
// quotes for SRT.
func BenchmarkSubtitles(b *testing.B) {
	inputs := map[string][]byte{"hour.srt": subtitleHour()}
	files, _ := filepath.Glob(filepath.Join("testdata", "subtitles", "*"))
	for _, f := range files {
		if !strings.HasSuffix(f, ".golden") {
			data, _ := os.ReadFile(f)
			inputs[filepath.Base(f)] = data
		}
	}
	for name, data := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Read(name, data, Meta{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/file")
		})
	}
}

// BenchmarkSubtitlesHostile reads cue lines built to make a naive cleaner
// quadratic: every "<", "[", "(" or "{\" searching the rest of a long line
// for its closer. Each should take milliseconds.
func BenchmarkSubtitlesHostile(b *testing.B) {
	head := "1\n00:00:01,000 --> 00:00:02,000\n"
	for name, s := range map[string]string{
		"tags":      strings.Repeat("<i", 200000),
		"brackets":  strings.Repeat("[a ", 200000),
		"parens":    strings.Repeat("(a ", 200000),
		"overrides": strings.Repeat("{\\a ", 200000),
		"music":     strings.Repeat("♪ a ", 100000),
		"entities":  strings.Repeat("&amp", 200000),
		"labels":    strings.Repeat(">> A: ", 100000),
		"cues":      strings.Repeat("00:00:01,000 --> 00:00:02,000\nA B\n", 100000),
	} {
		data := []byte(head + s)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Read("a.srt", data, Meta{})
			}
		})
	}
}
