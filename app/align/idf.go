package align

import (
	"math"

	"parallax/app/textnorm"
)

// IDF holds document frequencies of content-word stems (and number values)
// over a corpus of claims: the inverse document frequency of Spärck Jones
// (1972) that weighs "Assad" above "said".
//
// Which corpus? The one being compared. A comparison fits an IDF on the
// claims of its own reports, so a word that every report repeats (the
// story's subject) counts less than the detail only two of them share;
// `parallax pairs` fits one on all texts of its input. The weights enter
// features only through ratios (weighted overlap, cosine), which makes them
// insensitive to the corpus size, so the model trained with an IDF fitted on
// a data set's texts serves an IDF fitted on a handful of reports. With few
// documents every weight is close to the maximum and the weighted features
// fall back to their unweighted versions, which is the right failure.
//
// An IDF is filled by Add and then only read: reads are safe from any
// goroutine once adding is done. The zero value is an empty table; a nil
// *IDF weighs every word 1.
type IDF struct {
	df   map[uint64]int32
	docs int
	// scratch reused by Add to collect a document's distinct keys.
	seen []uint64
}

// NewIDF returns an empty table.
func NewIDF() *IDF { return &IDF{df: make(map[uint64]int32)} }

// FitIDF returns the table of texts, each distinct text one document (a
// claim repeated across pairs or reports is counted once).
func FitIDF(texts []string) *IDF {
	d := NewIDF()
	seen := make(map[string]bool, len(texts))
	for _, t := range texts {
		if !seen[t] {
			seen[t] = true
			d.Add(t)
		}
	}
	return d
}

// Add counts text as one more document.
func (d *IDF) Add(text string) {
	if d.df == nil {
		d.df = make(map[uint64]int32)
	}
	toks := textnorm.Analyze(text)
	d.seen = d.seen[:0]
	for i := 0; i < len(toks); i++ {
		if v, skip, ok := numberAt(toks, i); ok {
			d.seen = append(d.seen, v)
			i += skip
			continue
		}
		if toks[i].Has(textnorm.Stop) {
			continue
		}
		d.seen = append(d.seen, hashString(toks[i].Stem))
	}
	d.addSeen()
}

// addSeen counts the keys collected in d.seen as one more document, each
// key once. Add and PrepareAll collect them; both must agree with the
// words Prepare weighs.
func (d *IDF) addSeen() {
	for _, h := range sortedSet(d.seen) {
		d.df[h]++
	}
	d.docs++
}

// Docs returns the number of documents added.
func (d *IDF) Docs() int {
	if d == nil {
		return 0
	}
	return d.docs
}

// Weight returns the IDF weight of a word (its stem is looked up), at least 1.
func (d *IDF) Weight(w string) float64 {
	return d.weight(hashString(textnorm.Stem(textnorm.Fold(w))))
}

// weight is the smoothed IDF, log((N+1)/(df+1)) + 1, of a key; an unseen
// key gets the weight of a word seen once (it is at least as rare).
func (d *IDF) weight(h uint64) float64 {
	if d == nil || d.docs == 0 {
		return 1
	}
	df := d.df[h]
	if df < 1 {
		df = 1
	}
	return math.Log(float64(d.docs+1)/float64(df+1)) + 1
}

// maxWeight is the weight of a word seen in at most one document: the
// largest weight the table gives.
func (d *IDF) maxWeight() float64 {
	if d == nil || d.docs == 0 {
		return 1
	}
	return math.Log(float64(d.docs+1)/2) + 1
}
