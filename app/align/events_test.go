package align

import (
	"math"
	"slices"
	"testing"
)

// Two invented stories of one kind (a bridge collapse), three reports each:
// the words of the kind of event are in every report, the names, places and
// numbers are a story's own.
var twoStories = [][]string{
	{"A bridge collapsed over the Varn river in Holtby on Tuesday, killing four people.", "Mayor Ilse Drauk said rescue teams searched the water all night.", "The bridge was built in 1962."},
	{"Four people died when a bridge over the Varn collapsed in Holtby.", "Rescue teams searched the river, Mayor Ilse Drauk said.", "Engineers had inspected the 1962 bridge last spring."},
	{"Holtby's Varn bridge collapsed on Tuesday; four people were killed.", "Ilse Drauk, the mayor, praised the rescue teams.", "The collapse closed the main road."},
	{"A bridge collapsed in Quessel on Sunday, injuring eleven people.", "Governor Tomas Ferrini said the bridge had been closed for repairs.", "Rescue teams pulled two cars from the Lume river."},
	{"Eleven people were injured when a Quessel bridge collapsed over the Lume.", "The bridge was closed for repairs, said Governor Tomas Ferrini.", "Rescue teams worked through Sunday."},
	{"Governor Tomas Ferrini visited the collapsed bridge in Quessel.", "Eleven people were hurt on Sunday when it fell into the Lume river.", "Rescue teams searched for a missing driver."},
}

func TestStoryAffinityIgnoresTermsOfEveryReport(t *testing.T) {
	docs := prepareReports([][]string{
		{"A bridge collapsed, rescue teams said."},
		{"Rescue teams reached the collapsed bridge."},
		{"The bridge collapsed and rescue teams came."},
	})
	rep, story := reportAffinity(docs, 0.5), storyAffinity(docs, 0.5)
	if rep[0][1] <= 0 {
		t.Fatalf("report affinity %.2f, want > 0", rep[0][1])
	}
	if story[0][1] != 0 {
		t.Errorf("story affinity of reports sharing only what every report says = %.2f, want 0", story[0][1])
	}
}

func TestGroupSplitsStoriesOfOneKind(t *testing.T) {
	docs := prepareReports(twoStories)
	got := defaultPolicy.group(docs, reportAffinity(docs, defaultPolicy.NameWeight))
	if want := []int{0, 0, 0, 1, 1, 1}; !slices.Equal(got, want) {
		t.Errorf("groups = %v, want %v", got, want)
	}
	// Story affinity alone would split one story's reports by the details
	// they happen to share; report affinity keeps them together.
	one := prepareReports(append(slices.Clone(twoStories[:3]),
		[]string{"Four people died as the Holtby bridge over the Varn collapsed."},
		[]string{"The Varn bridge in Holtby collapsed: four people died."}))
	if got := defaultPolicy.group(one, reportAffinity(one, defaultPolicy.NameWeight)); slices.Max(got) != 0 {
		t.Errorf("five reports of one story grouped %v, want one group", got)
	}
}

// Inside a story group a related link needs a Score of GroupedRelFloor on
// its own: affinity lifts weak pairs of one story's reports above
// RelatedAt, and an editor reads a link at 0.05 as noise.
func TestGroupedRelatedLinksHaveAFloor(t *testing.T) {
	docs := prepareReports(twoStories)
	pol := defaultPolicy
	pol.MinShared, pol.SharedOrAff = 1<<30, math.Inf(1) // only the group vouches
	weakest := func(pol policy) float64 {
		w := math.Inf(1)
		for _, r := range rowsWith(docs, Options{}, pol) {
			if r.Link && r.Level == LevelRelated {
				w = min(w, r.Score)
			}
		}
		return w
	}
	if w := weakest(pol); w < pol.GroupedRelFloor {
		t.Errorf("a related link scores %.2f, below the floor %.2f", w, pol.GroupedRelFloor)
	}
	pol.GroupedRelFloor = 0
	if w := weakest(pol); w >= defaultPolicy.GroupedRelFloor {
		t.Errorf("without the floor the weakest related link scores %.2f; the test no longer sees weak links", w)
	}
}
