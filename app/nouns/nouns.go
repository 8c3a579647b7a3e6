// Package nouns writes a count with its noun, "1 row" but "3 rows", for
// the messages and exports that count things: one rule, so the window, the
// command line and the memos say counts alike.
package nouns

import "fmt"

// Count is n with noun, which takes a plain "s" in the plural: "1 row",
// "12 rows".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
