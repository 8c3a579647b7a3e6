// Package align scores claim pairs: how nearly two claims from different
// reports state the same thing, reworded or reordered, and whether they are
// the same claim, related (overlapping) claims, or neither.
//
// # Preprocess once, compare cheaply
//
// An aligner compares every claim of a report with many claims of the
// others, so each claim is analysed once by Prepare (tokens from textnorm,
// WordNet lemmas from lexicon, stems, hashed n-gram and character n-gram
// sets, numbers, name keys, negation and hedge markers, IDF weights), and
// a pair is then scored by merging sorted uint64 slices and filling a
// relation matrix on the stack: Score and Compare allocate nothing and take
// a few microseconds (BenchmarkScore).
//
// # Features, and where they come from
//
// The features (FeatureNames; documented at their constants in
// features.go) are the ones that carried weight in a prototype and in the
// literature on paraphrase identification and semantic textual similarity:
// BLEU-style n-gram precision in both directions (Papineni et al. 2002, used
// for paraphrase identification by Madnani, Tetreault & Chodorow 2012), IDF
// weighting and TF-IDF cosine (Spärck Jones 1972; Salton & Buckley 1988),
// monolingual word alignment accepting identical words, lemmas, stems,
// WordNet synonyms, derivations and hypernyms (Sultan, Bethard & Sumner
// 2014, whose aligned-word proportion was the core of their SemEval STS
// systems), longest common subsequence (as in ROUGE-L, Lin 2004), character
// n-grams for spelling variants, and the facts an editor checks: numbers,
// names, negation and hedges. Every feature is symmetric, so the score is.
//
// # Models
//
// Two linear models over the same standardised features, trained in pure Go
// by internal/train on the shared data and committed as model_gen.go:
//
//   - Score: ridge regression on STS-B train (gold/5), a graded similarity
//     that ranks candidates and, above Related, links overlapping claims;
//   - Result.Paraphrase: L2 logistic regression on MSRP train labels over
//     the features and their squares, deciding "same" above Same.
//
// One model for both was measured and rejected (see Result): MSRP and STS-B
// disagree on what "the same" means, and a compromise lost on both.
//
// # IDF
//
// IDF weights come from an IDF fitted on the claims at hand (the reports
// of a comparison, or all texts given to `parallax pairs`); see IDF for why
// that transfers from training to use.
package align
