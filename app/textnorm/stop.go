package textnorm

// stopWords are English function words: words that carry grammar rather than
// content, so two claims sharing them says little about whether they state
// the same thing. The list is written for news text and kept here as Go code
// for now; DESIGN.md puts word lists in assets/ eventually.
//
// Deliberately absent:
//   - negations (not, no, never, nor, none, nothing, don't, won't, ...):
//     "talks resumed" and "talks never resumed" must not look alike to an
//     aligner that ignores stop words;
//   - number words (one, two, ...): numbers are facts an editor checks;
//   - reporting verbs (said, says, told): attribution is content here.
//
// Present although unusual: "al" and "el", the Arabic article in names
// written apart ("al Jazeera", "said omar al nouri").
var stopWords = map[string]struct{}{}

func init() {
	for _, w := range stopList {
		stopWords[w] = struct{}{}
	}
}

var stopList = [...]string{
	"a", "about", "above", "after", "again", "against", "ago", "all", "almost", "along", "already",
	"also", "although", "am", "among", "amongst", "an", "and", "another", "any", "anyone",
	"anything", "are", "around", "as", "at", "be", "became", "because", "become", "been",
	"before", "being", "below", "beside", "besides", "between", "both", "but", "by", "can",
	"could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else",
	"even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having",
	"he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i",
	"if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "let", "like",
	"many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "now", "of",
	"off", "often", "on", "once", "only", "onto", "or", "other", "others", "otherwise", "our",
	"ours", "ourselves", "out", "over", "own", "per", "perhaps", "quite", "rather", "same",
	"shall", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their",
	"theirs", "them", "themselves", "then", "there", "therefore", "these", "they", "this",
	"those", "though", "through", "thus", "to", "too", "toward", "towards", "under", "until",
	"up", "upon", "us", "very", "via", "was", "we", "well", "were", "what", "whatever", "when",
	"whenever", "where", "whereas", "whether", "which", "while", "who", "whoever", "whom",
	"whose", "why", "will", "with", "within", "would", "yet", "you", "your", "yours",
	"yourself", "yourselves",
	// contractions, apostrophe folded to '
	"i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he's", "he'd",
	"he'll", "she's", "she'd", "she'll", "it's", "it'd", "it'll", "we're", "we've", "we'd",
	"we'll", "they're", "they've", "they'd", "they'll", "that's", "there's", "here's",
	"what's", "who's", "let's",
	// Arabic article written as a word
	"al", "el",
}

// IsStop reports whether norm, a folded word (Token.Norm), is an English
// stop word. Negations are never stop words; see the list's comment.
func IsStop(norm string) bool {
	_, ok := stopWords[norm]
	return ok
}
