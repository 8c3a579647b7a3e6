package fit

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"parallax/app/align"
)

// Data is the featurised training and evaluation data.
type Data struct {
	MSRP, STSTrain, STSDev []Pair
	XM, XS, XD             [][]float64
}

// Load reads and featurises msrp/train.tsv, stsb/train.tsv and
// stsb/dev.tsv under dir. Each file gets its own IDF, fitted on its texts,
// as `parallax pairs` does with its input.
func Load(dir string) (*Data, error) {
	d := &Data{}
	var err error
	if d.MSRP, err = ReadTSV(filepath.Join(dir, "msrp", "train.tsv")); err != nil {
		return nil, err
	}
	if d.STSTrain, err = ReadTSV(filepath.Join(dir, "stsb", "train.tsv")); err != nil {
		return nil, err
	}
	if d.STSDev, err = ReadTSV(filepath.Join(dir, "stsb", "dev.tsv")); err != nil {
		return nil, err
	}
	d.XM, d.XS, d.XD = Featurize(d.MSRP), Featurize(d.STSTrain), Featurize(d.STSDev)
	return d, nil
}

// Option is one way of training a model.
type Option struct {
	Name string
	// UseSTS and UseMSRP say which training sets it learns from (STS-B gold
	// scaled to [0,1] as a soft target, MSRP 0/1 labels); MSRPWeight is the
	// sample weight of an MSRP pair relative to an STS-B pair.
	UseSTS, UseMSRP bool
	MSRPWeight      float64
	// Logistic fits L2 logistic regression, else ridge regression.
	Logistic bool
	// Quadratic adds the square of every feature.
	Quadratic bool
	Lambda    float64
}

// The shipped options: the graded score and the paraphrase classifier.
var (
	ScoreOption = Option{Name: "score: ridge on STS-B", UseSTS: true, Lambda: 1}
	SameOption  = Option{Name: "same: logistic on MSRP, quadratic", UseMSRP: true, MSRPWeight: 1, Logistic: true, Quadratic: true, Lambda: 1}
)

// Options are the candidates the training command measures with -all; the
// first two are the shipped ones.
var Options = []Option{
	ScoreOption,
	SameOption,
	{Name: "ridge on STS-B, quadratic", UseSTS: true, Quadratic: true, Lambda: 1},
	{Name: "logistic on STS-B soft targets", UseSTS: true, Logistic: true, Lambda: 1},
	{Name: "logistic on MSRP, linear", UseMSRP: true, MSRPWeight: 1, Logistic: true, Lambda: 1},
	{Name: "logistic on STS-B soft + MSRP", UseSTS: true, UseMSRP: true, MSRPWeight: 1, Logistic: true, Lambda: 1},
	{Name: "logistic on STS-B soft + MSRP, quadratic", UseSTS: true, UseMSRP: true, MSRPWeight: 1, Logistic: true, Quadratic: true, Lambda: 1},
}

// Figures are an option's measurements.
type Figures struct {
	MSRPAcc, MSRPF1 float64 // 10-fold CV, threshold chosen in the training folds
	Pearson         float64 // STS-B dev, trained without it
	PearsonGenre    map[string]float64
}

// model fits opt on the given rows; msrp rows are the MSRP training rows
// to use (may be nil).
func (opt Option) model(d *Data, msrpRows []int) align.Model {
	var X [][]float64
	var y, sw []float64
	if opt.UseSTS {
		for i, x := range d.XS {
			X = append(X, x)
			y = append(y, d.STSTrain[i].Label/5)
			sw = append(sw, 1)
		}
	}
	if opt.UseMSRP {
		for _, i := range msrpRows {
			X = append(X, d.XM[i])
			y = append(y, d.MSRP[i].Label)
			sw = append(sw, opt.MSRPWeight)
		}
	}
	if opt.Quadratic {
		X = expand(X)
	}
	st := FitStandardizer(X)
	Z := st.Apply(X)
	var w []float64
	var b float64
	if opt.Logistic {
		w, b = Logistic(Z, y, sw, opt.Lambda)
	} else {
		w, b = Ridge(Z, y, opt.Lambda)
	}
	return align.Model{Features: align.FeatureNames[:], Mean: st.Mean, Scale: st.Scale, Weights: w, Bias: b,
		Logistic: opt.Logistic, Quadratic: opt.Quadratic}
}

// expand appends the square of every feature to copies of the rows.
func expand(X [][]float64) [][]float64 {
	out := make([][]float64, len(X))
	for i, x := range X {
		e := make([]float64, 0, 2*len(x))
		e = append(e, x...)
		for _, v := range x {
			e = append(e, v*v)
		}
		out[i] = e
	}
	return out
}

// Folds is the number of cross-validation folds on MSRP.
const Folds = 10

// Measure cross-validates opt on MSRP and measures it on STS-B dev.
func (opt Option) Measure(d *Data) Figures {
	var fig Figures
	scores := make([]float64, len(d.MSRP))
	decide := make([]float64, len(d.MSRP))
	labels := make([]float64, len(d.MSRP))
	for i := range d.MSRP {
		labels[i] = d.MSRP[i].Label
	}
	for k := range Folds {
		var train []int
		for i := range d.MSRP {
			if i%Folds != k {
				train = append(train, i)
			}
		}
		m := opt.model(d, train)
		trs, trl := make([]float64, len(train)), make([]float64, len(train))
		for n, i := range train {
			trs[n], trl[n] = m.Predict(d.XM[i]), labels[i]
		}
		thr := BestThreshold(trs, trl)
		for i := k; i < len(d.MSRP); i += Folds {
			scores[i] = m.Predict(d.XM[i])
			if scores[i] >= thr {
				decide[i] = 1
			}
		}
	}
	fig.MSRPAcc, fig.MSRPF1 = Binary(decide, labels, 0.5)

	m := opt.model(d, allRows(len(d.MSRP)))
	fig.Pearson, fig.PearsonGenre = pearsonDev(&m, d)
	return fig
}

func allRows(n int) []int {
	r := make([]int, n)
	for i := range r {
		r[i] = i
	}
	return r
}

func pearsonDev(m *align.Model, d *Data) (float64, map[string]float64) {
	var xs, ys []float64
	gx, gy := map[string][]float64{}, map[string][]float64{}
	for i, p := range d.STSDev {
		s := m.Predict(d.XD[i])
		xs, ys = append(xs, s), append(ys, p.Label)
		g, _, _ := strings.Cut(p.ID1, "/")
		gx[g], gy[g] = append(gx[g], s), append(gy[g], p.Label)
	}
	genre := map[string]float64{}
	for g := range gx {
		genre[g] = Pearson(gx[g], gy[g])
	}
	return Pearson(xs, ys), genre
}

// Result is the trained pair of models ready to be written out.
type Result struct {
	Score, Same   align.Model
	SameThreshold float64 // on Same's output
	Related       float64 // on Score's output
	// Figures: MSRP from the Same model, Pearson from the Score model.
	ScoreFigures, SameFigures Figures
}

// Train measures and fits the shipped models on all their training data.
// The Same threshold is the accuracy+F1-optimal MSRP threshold of the final
// paraphrase model; Related is the F1-optimal Score threshold for "STS-B
// gold >= 2" (the annotators' "not equivalent, but share some details") on
// STS-B train.
func Train(d *Data) Result {
	r := Result{ScoreFigures: ScoreOption.Measure(d), SameFigures: SameOption.Measure(d)}
	all := allRows(len(d.MSRP))
	r.Score, r.Same = ScoreOption.model(d, all), SameOption.model(d, all)
	ms, ml := make([]float64, len(d.MSRP)), make([]float64, len(d.MSRP))
	for i := range d.MSRP {
		ms[i], ml[i] = r.Same.Predict(d.XM[i]), d.MSRP[i].Label
	}
	r.SameThreshold = BestThreshold(ms, ml)
	ss, sl := make([]float64, len(d.STSTrain)), make([]float64, len(d.STSTrain))
	for i := range d.STSTrain {
		ss[i], sl[i] = r.Score.Predict(d.XS[i]), d.STSTrain[i].Label
	}
	r.Related = BestF1Threshold(ss, sl, 2)
	return r
}

// Report prints fig as one line.
func (fig Figures) Report(w io.Writer, name string) {
	fmt.Fprintf(w, "%-42s MSRP CV acc %.3f F1 %.3f | STS-B dev Pearson %.3f (news %.3f captions %.3f forum %.3f)\n",
		name, fig.MSRPAcc, fig.MSRPF1, fig.Pearson,
		fig.PearsonGenre["main-news"], fig.PearsonGenre["main-captions"], fig.PearsonGenre["main-forum"]+fig.PearsonGenre["main-forums"])
}
