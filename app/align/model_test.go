package align_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"parallax/app/align"
	"parallax/app/align/internal/fit"
)

// dataDir is the shared evaluation data, relative to this package.
const dataDir = "../../../shared/data"

// TestCommittedModel retrains on the shared data (when present) and checks
// that the committed model is what training produces and that its recorded
// figures are reproduced and meet the quality floors. It takes a few
// seconds; -short skips it.
func TestCommittedModel(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining skipped in -short mode")
	}
	if _, err := os.Stat(filepath.Join(dataDir, "msrp", "train.tsv")); err != nil {
		t.Skip("shared data not present:", err)
	}
	d, err := fit.Load(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	r := fit.Train(d)
	info := align.Info()
	const tol = 0.005
	for _, c := range []struct {
		name     string
		got, rec float64
		floor    float64
	}{
		{"MSRP CV accuracy", r.SameFigures.MSRPAcc, info.MSRPAccuracy, 0.77},
		{"MSRP CV F1", r.SameFigures.MSRPF1, info.MSRPF1, 0.84},
		{"STS-B dev Pearson", r.ScoreFigures.Pearson, info.STSBPearson, 0.82},
	} {
		if math.Abs(c.got-c.rec) > tol {
			t.Errorf("%s: retrained %.4f, recorded %.4f: run %s", c.name, c.got, c.rec, info.Command)
		}
		if c.got < c.floor {
			t.Errorf("%s %.4f is below the floor %.2f", c.name, c.got, c.floor)
		}
	}
	score, same := align.Trained()
	for _, m := range []struct {
		name      string
		got, want align.Model
	}{{"score", r.Score, score}, {"same", r.Same, same}} {
		for i := range m.want.Weights {
			if math.Abs(m.got.Weights[i]-m.want.Weights[i]) > 1e-6 {
				t.Errorf("%s model weight %d: retrained %.6f, committed %.6f: run %s", m.name, i, m.got.Weights[i], m.want.Weights[i], info.Command)
				break
			}
		}
	}
	if !slices.Equal(score.Features, align.FeatureNames[:]) {
		t.Errorf("committed features differ from the code's")
	}
	if math.Abs(r.SameThreshold-align.Same) > 1e-3 || math.Abs(r.Related-align.Related) > 1e-3 {
		t.Errorf("thresholds: retrained %.4f/%.4f, committed %.4f/%.4f", r.SameThreshold, r.Related, align.Same, align.Related)
	}
}
