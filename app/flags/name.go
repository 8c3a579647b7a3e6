package flags

import (
	"fmt"
	"strings"

	"parallax/app"
	"parallax/app/lexicon"
	"parallax/app/textnorm"
)

// namelike reports whether token i may be a name: a word of four or more
// letters that is not a stop word and either unknown to WordNet or written
// with a capital inside a sentence. Lower-cased wire copy gives no capitals,
// so there only unknown words count ("deraa", "nasib").
func (c *Claim) namelike(i int) bool {
	t := &c.toks[i]
	if t.Kind != textnorm.Word || t.Has(textnorm.Stop) || t.Has(textnorm.Acronym) || len(t.Norm) < 4 {
		return false
	}
	for k := 0; k < len(t.Norm); k++ {
		if t.Norm[k] < 'a' || t.Norm[k] > 'z' {
			return false
		}
	}
	if !c.known[i] {
		return true
	}
	return t.Has(textnorm.Capital) && !c.sentenceStart(i)
}

// inflections are endings that make a different word of a name rather than
// another spelling of it: Syria/Syrian, Kivangu/Kivangus.
var inflections = set("s", "n", "an", "ian", "i", "is", "es", "e")

// nameVariant reports whether token i of a and token j of b look like two
// spellings of one name: the same NameKey (Deraa/Daraa, Gaddafi/Qadhafi) or
// one edit apart with the same first letter (Mwanza/Mwansa,
// Kivangu/Kiwangu), but not the same word inflected.
func nameVariant(a *Claim, i int, b *Claim, j int) bool {
	x, y := a.toks[i].Norm, b.toks[j].Norm
	if x == y || a.toks[i].Stem == b.toks[j].Stem || a.lemma[i] == b.lemma[j] {
		return false
	}
	if len(x) < 4 || len(y) < 4 {
		return false
	}
	short, long := x, y
	if len(short) > len(long) {
		short, long = long, short
	}
	if strings.HasPrefix(long, short) && in(inflections, long[len(short):]) {
		return false
	}
	if kx := a.toks[i].Key; len(kx) >= 3 && kx == b.toks[j].Key {
		return true
	}
	return len(short) >= 5 && x[0] == y[0] && osa(x, y) == 1
}

// osa is the optimal string alignment distance (Levenshtein with adjacent
// transpositions) between two short ASCII words.
func osa(x, y string) int {
	if len(x) > 40 || len(y) > 40 {
		return 99
	}
	var prev2, prev, cur [41]int
	for j := 0; j <= len(y); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev = prev, cur
	}
	return prev[len(y)]
}

// hasNorm reports whether c contains a token with this folded form.
func (c *Claim) hasNorm(norm string) bool {
	for k := range c.toks {
		if c.toks[k].Norm == norm {
			return true
		}
	}
	return false
}

// compareNames flags spelling variants of one name, once per pair of
// spellings, and different names after the same title.
func compareNames(out []app.Flag, a, b *Claim) []app.Flag {
	type pair struct{ x, y string }
	var seen []pair
	for i := range a.toks {
		if !a.namelike(i) || b.hasNorm(a.toks[i].Norm) {
			continue
		}
		for j := range b.toks {
			if !b.namelike(j) || !nameVariant(a, i, b, j) || a.hasNorm(b.toks[j].Norm) {
				continue
			}
			x, y := a.toks[i].Norm, b.toks[j].Norm
			// Two dictionary words are variants only if WordNet says they
			// name the same thing (Gaddafi/Qadhafi share a synset).
			if lexicon.Known(x) && lexicon.Known(y) && !lexicon.Synonyms(x, y) {
				continue
			}
			dup := false
			for _, p := range seen {
				if p.x == x && p.y == y {
					dup = true
				}
			}
			if dup {
				break
			}
			seen = append(seen, pair{x, y})
			out = append(out, app.Flag{
				Kind:   app.FlagName,
				Detail: fmt.Sprintf("%q vs %q (spelling variant)", a.toks[i].Text, b.toks[j].Text),
				A:      a.spanOf(i, i),
				B:      b.spanOf(j, j),
			})
			break
		}
	}
	return compareRoles(out, a, b)
}

// --- different name in the same role ---

// roleName is a title followed by a name: "Captain Amos Mwanza", "the
// captain, Amos Mwanza".
type roleName struct {
	role        int
	first, last int // the name's tokens
}

var roles = set("captain", "president", "minister", "spokesman", "spokeswoman", "spokesperson",
	"general", "commander", "king", "queen", "prince", "governor", "mayor", "chief", "director",
	"senator", "judge", "colonel", "sheikh", "pope", "chairman", "chairwoman", "ambassador",
	"lieutenant", "sergeant", "inspector", "superintendent", "premier", "chancellor", "skipper")

// findRoles reads titles directly followed by a name. In mixed-case text a
// name is a run of capitalised words; in lower-cased copy, of words WordNet
// does not know. The role's comma ("the captain, Amos Mwanza") may be
// crossed, nothing else.
func (c *Claim) findRoles() {
	n := len(c.toks)
	for i := 0; i < n; i++ {
		if !in(roles, c.toks[i].Norm) {
			continue
		}
		r := roleName{role: i, first: -1, last: -1}
		for k := i + 1; k < n && k <= i+3; k++ {
			if c.brk[k] && !(k == i+1 && strings.TrimSpace(c.text[c.toks[i].End:c.toks[k].Start]) == ",") {
				break
			}
			t := &c.toks[k]
			if t.Kind != textnorm.Word || t.Has(textnorm.Stop) || in(roles, t.Norm) {
				break
			}
			isName := t.Has(textnorm.Capital)
			if c.lower {
				isName = !c.known[k]
			}
			if !isName {
				break
			}
			if r.first < 0 {
				r.first = k
			}
			r.last = k
		}
		if r.first >= 0 {
			c.roles = append(c.roles, r)
		}
	}
}

// countRole reports how many roles of c have the title of token i of a.
func countRole(a *Claim, i int, c *Claim) int {
	n := 0
	for _, r := range c.roles {
		if same(a, i, c, r.role) {
			n++
		}
	}
	return n
}

// compareRoles flags a title that is the only one of its kind on each side
// and is followed by names that share no word, not even as a spelling
// variant: "Captain Amos Mwanza" vs "Captain John Okello".
func compareRoles(out []app.Flag, a, b *Claim) []app.Flag {
	for _, x := range a.roles {
		if countRole(a, x.role, a) != 1 || countRole(a, x.role, b) != 1 {
			continue
		}
		for _, y := range b.roles {
			if !same(a, x.role, b, y.role) {
				continue
			}
			shared := false
			for i := x.first; i <= x.last; i++ {
				for j := y.first; j <= y.last; j++ {
					if same(a, i, b, j) || nameVariant(a, i, b, j) {
						shared = true
					}
				}
			}
			if !shared {
				out = append(out, app.Flag{
					Kind:   app.FlagName,
					Detail: fmt.Sprintf("%q vs %q (different name)", a.quote(x.role, x.last), b.quote(y.role, y.last)),
					A:      a.spanOf(x.role, x.last),
					B:      b.spanOf(y.role, y.last),
				})
			}
		}
	}
	return out
}
