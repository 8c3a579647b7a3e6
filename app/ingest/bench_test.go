package ingest

import (
	"strings"
	"testing"
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
