package align

import "math"

// Model is a linear model over standardised pair features: z =
// Bias + Σ Weights[i]·(f[i]−Mean[i])/Scale[i], and the score is the
// logistic σ(z) (Logistic) or z clamped to [0,1].
//
// Why linear: a throwaway prototype found a regularised linear model over a
// few dozen standardised features as good as boosted trees on MSRP and
// STS-B; the features set the ceiling, and a linear model is cheap, stable
// across genres, readable (a weight per named feature) and small enough to
// commit as Go source. The committed model is written by
// `go run ./app/align/internal/train` into model_gen.go.
type Model struct {
	// Features names the inputs; it must equal FeatureNames.
	Features []string
	Mean     []float64
	Scale    []float64
	Weights  []float64
	Bias     float64
	Logistic bool
	// Quadratic models see every feature and its square (Features then
	// lists NumFeatures names; the inputs are twice as many).
	Quadratic bool
}

// ZClip bounds every standardised feature to [−ZClip, ZClip], in training
// and in prediction alike.
//
// Why: the training pairs are short sentences (MSRP, STS-B), and news
// claims of 40 to 60 words put length and unaligned-word features 5 to 15
// standard deviations out, where a linear model extrapolates freely: two
// long claims sharing little more than their topic scored 0.69 ("roughly
// equivalent") on the seed reports. Clipped, a feature far out counts as
// merely very high, which is all the training data can vouch for.
const ZClip = 3

// Standardize maps a raw feature value to its clipped z-score.
func Standardize(v, mean, scale float64) float64 {
	return min(max((v-mean)/scale, -ZClip), ZClip)
}

// Predict returns the model's score of a feature vector (of NumFeatures
// values), in [0,1].
func (m *Model) Predict(f []float64) float64 {
	z := m.Bias
	n := len(f)
	for i := range n {
		z += m.Weights[i] * Standardize(f[i], m.Mean[i], m.Scale[i])
	}
	if m.Quadratic {
		for i := range n {
			z += m.Weights[n+i] * Standardize(f[i]*f[i], m.Mean[n+i], m.Scale[n+i])
		}
	}
	return m.squash(z)
}

func (m *Model) squash(z float64) float64 {
	if m.Logistic {
		return 1 / (1 + math.Exp(-z))
	}
	return min(max(z, 0), 1)
}

// ModelInfo records how the committed model was made and what it measured,
// so a test can check that retraining reproduces it.
type ModelInfo struct {
	// Command is the command that wrote model_gen.go; Data the training data.
	Command, Data string
	// MSRPAccuracy and MSRPF1 are of the Paraphrase >= Same decision,
	// 10-fold cross-validated on MSRP train (the threshold chosen inside each
	// fold); STSBPearson is of Score on STS-B dev, with a model trained on
	// STS-B train only.
	MSRPAccuracy, MSRPF1, STSBPearson float64
}

// Info returns the committed model's provenance and measured figures.
func Info() ModelInfo { return modelInfo }

// Trained returns the committed models: the graded score and the
// paraphrase classifier.
func Trained() (score, same Model) { return scoreModel, sameModel }

// Score returns the graded claim-pair score of a and b in [0,1]: how
// nearly they state the same thing, on the scale of STS-B's annotators
// (0 unrelated, 0.4 "share some details", 1 equivalent). It is symmetric,
// cheap (the work is in Prepare) and does not allocate. Use Compare when the
// same/related decision is needed too.
func Score(a, b *Prepared) float64 {
	var f [numFeatures]float64
	features(a, b, &f)
	return scoreModel.Predict(f[:])
}

// Level is how two claims relate at a given strictness.
type Level uint8

// Levels, weakest first.
const (
	LevelNone    Level = iota // nothing worth linking
	LevelRelated              // overlapping claims: share some details
	LevelSame                 // the same claim, reworded or not
)

// String names the level as DESIGN.md's compare output does.
func (l Level) String() string {
	switch l {
	case LevelSame:
		return "same"
	case LevelRelated:
		return "related"
	}
	return "none"
}

// Result is the judgement of one claim pair.
//
// Why two numbers: measured on the shared data, one score cannot serve both
// uses. A graded model trained on STS-B (Score) correlates best with human
// similarity but, thresholded, decides MSRP's "same claim" question 4 points
// of accuracy worse than a classifier trained on MSRP's labels; that
// classifier (Paraphrase) ranks STS-B pairs poorly (Pearson ~0.6), because
// MSRP calls a sentence with an extra clause a paraphrase and STS-B does
// not. Mixing the two in one model or averaging them lost on both measures
// (see internal/train). So `parallax pairs` decides "same" by Paraphrase, and
// Rows, whose claims are news sentences rather than MSRP pairs, ranks and
// decides by Score crossed with report evidence (see Rows).
type Result struct {
	// Score is the graded similarity (see Score).
	Score float64
	// Paraphrase is the probability that the claims state the same thing,
	// from a logistic model trained on MSRP's labels.
	Paraphrase float64
}

// Compare scores a pair once for both uses. It does not allocate.
func Compare(a, b *Prepared) Result {
	var f [numFeatures]float64
	features(a, b, &f)
	return Result{Score: scoreModel.Predict(f[:]), Paraphrase: sameModel.Predict(f[:])}
}

// Level is the pair's level at default strictness: same when Paraphrase
// reaches Same, else related when Score reaches Related.
func (r Result) Level() Level { return r.LevelAt(Same, Related) }

// LevelAt is Level with other thresholds, for a stricter or looser setting.
func (r Result) LevelAt(same, related float64) Level {
	switch {
	case r.Paraphrase >= same:
		return LevelSame
	case r.Score >= related:
		return LevelRelated
	}
	return LevelNone
}
