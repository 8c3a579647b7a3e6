// Package nouns writes a count with its noun, "1 row" but "3 rows", for
// the messages and exports that count things: one rule, so the window, the
// command line and the memos say counts alike.
package nouns

import (
	"fmt"
	"strconv"
	"strings"
)

// Count is n with noun, which takes a plain "s" in the plural: "1 row",
// "12 rows".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// Thousands writes n with its digits grouped by commas, "500,000", as a
// message states a large count or limit for a person to read.
func Thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
