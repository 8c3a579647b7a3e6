package compare

import (
	"testing"

	"parallax/app/align"
)

func TestStrength(t *testing.T) {
	two := []align.Ref{{Doc: 0, Claim: 0}, {Doc: 1, Claim: 0}}
	for _, c := range []struct {
		row  Row
		want string
	}{
		{Row{Claims: two[:1], Level: align.LevelSame, Score: 1}, ""},
		{Row{Claims: two, Level: align.LevelSame, Score: 0.9}, "same claim"},
		{Row{Claims: two, Level: align.LevelSame, Score: WeakBelow - 0.01}, "weak match"},
		{Row{Claims: two, Level: align.LevelRelated, Score: 0.9}, "related"},
	} {
		if got := c.row.Strength().String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.row, got, c.want)
		}
	}
	if got := StrengthOf(align.LevelSame, WeakBelow-0.01).String(); got != "weak match" {
		t.Errorf("a weak link between rows reads %q, want weak match", got)
	}
}
