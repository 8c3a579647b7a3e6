package nouns_test

import (
	"testing"

	"parallax/app/nouns"
)

func TestCount(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 rows"}, {1, "1 row"}, {2, "2 rows"}, {1234, "1234 rows"}} {
		if got := nouns.Count(c.n, "row"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
