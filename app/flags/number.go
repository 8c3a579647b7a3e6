package flags

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"parallax/app"
	"parallax/app/textnorm"
)

// quantity is one number of a claim read as an interval of possible values
// in a base unit: "12" is [12,12], "at least a dozen" [12,∞), "about 20"
// [16,24], "tens of thousands" [10000,100000), "100 km (60 miles)" one
// length of [100000,100000] metres.
type quantity struct {
	first, last int     // tokens, qualifier and unit (and a bracketed conversion) included
	start, end  int     // bytes: the highlight, "$" and "%" included
	lo, hi      float64 // in the dimension's base unit
	dim         string  // "" for a count; "%", "length", "mass", "$", ...
	unit        string  // the unit as written (folded), to know when values were converted
	incr        bool    // "three more bodies": an increment, not a total
	ctx         []int   // content words around the number (its head noun, its verb)
	after       int     // how many of ctx follow the number
	cat         uint16  // categories of ctx (dead, injured, ...) and of people words
	head        int     // the head noun right after the number, or -1
}

// smallNumbers are the number words below a hundred.
var smallNumbers = map[string]float64{"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4,
	"five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// multipliers scale the number before them ("1.5 million", "two thousand").
var multipliers = map[string]float64{"hundred": 100, "thousand": 1e3, "million": 1e6,
	"billion": 1e9, "trillion": 1e12, "dozen": 12, "bn": 1e9, "mln": 1e6, "mn": 1e6}

// vague plurals give an order of magnitude: "dozens", "hundreds"; "tens"
// only with "of thousands" and the like.
var vague = map[string][2]float64{"dozens": {24, 150}, "scores": {40, 200}, "tens": {10, 100},
	"hundreds": {100, 1000}, "thousands": {1e3, 1e4}, "millions": {1e6, 1e7},
	"billions": {1e9, 1e10}}

// unit is a measurement unit: its dimension and its size in the base unit.
type unit struct {
	dim    string
	factor float64
}

var units = map[string]unit{
	"km": {"length", 1000}, "kilometre": {"length", 1000}, "kilometres": {"length", 1000},
	"kilometer": {"length", 1000}, "kilometers": {"length", 1000}, "m": {"length", 1},
	"metre": {"length", 1}, "metres": {"length", 1}, "meter": {"length", 1}, "meters": {"length", 1},
	"mile": {"length", 1609.344}, "miles": {"length", 1609.344}, "mi": {"length", 1609.344},
	"ft": {"length", 0.3048}, "foot": {"length", 0.3048}, "feet": {"length", 0.3048},
	"yard": {"length", 0.9144}, "yards": {"length", 0.9144}, "cm": {"length", 0.01},
	"mm": {"length", 0.001},
	"kg": {"mass", 1}, "kilogram": {"mass", 1}, "kilograms": {"mass", 1}, "kilos": {"mass", 1},
	"tonne": {"mass", 1000}, "tonnes": {"mass", 1000}, "ton": {"mass", 1000}, "tons": {"mass", 1000},
	"lb": {"mass", 0.4536}, "lbs": {"mass", 0.4536},
	"hectare": {"area", 1e4}, "hectares": {"area", 1e4}, "acre": {"area", 4046.86}, "acres": {"area", 4046.86},
	"mph": {"speed", 0.44704}, "knots": {"speed", 0.5144}, "kph": {"speed", 1 / 3.6},
	"second": {"time", 1}, "seconds": {"time", 1}, "minute": {"time", 60}, "minutes": {"time", 60},
	"hour": {"time", 3600}, "hours": {"time", 3600}, "day": {"time", 86400}, "days": {"time", 86400},
	"week": {"time", 604800}, "weeks": {"time", 604800}, "month": {"time", 2.6298e6},
	"months": {"time", 2.6298e6}, "year": {"time", 3.15576e7}, "years": {"time", 3.15576e7},
	"percent": {"%", 1}, "pct": {"%", 1},
	"dollar": {"$", 1}, "dollars": {"$", 1}, "usd": {"$", 1}, "euro": {"€", 1}, "euros": {"€", 1},
	"pounds": {"£", 1}, "sterling": {"£", 1}, "yen": {"¥", 1}, "rupees": {"₹", 1},
	"shillings": {"shilling", 1},
}

func unitOf(norm string) (unit, bool) {
	u, ok := units[norm]
	return u, ok
}

// countHeads are nouns that make a bare four-digit number a count, not a
// year ("2015 people").
var countHeads = set("people", "person", "passenger", "soldier", "troop", "refugee", "civilian",
	"resident", "child", "student", "worker", "vehicle", "truck", "home", "house", "case", "vote",
	"dead", "death")

// qualifiers bound a number: [lo, hi] becomes the interval the words allow.
var qualifiers = map[string]string{
	"at least": "min", "more than": "min", "over": "min", "upwards of": "min", "no fewer than": "min",
	"no less than": "min", "in excess of": "min", "as many as": "max", "at most": "max",
	"less than": "max", "fewer than": "max", "up to": "max", "under": "max", "no more than": "max",
	"about": "about", "around": "about", "some": "about", "approximately": "about", "roughly": "about",
	"estimated": "about", "close to": "about", "nearly": "nearly", "almost": "nearly",
	"exactly": "exact",
}

// Categories of the words around a number. The first group is exclusive:
// "12 killed" and "12 injured" count different people and are never paired.
const (
	catDead uint16 = 1 << iota
	catInjured
	catMissing
	catRescued
	catArrested
	catDisplaced
	catPeople
	catExclusive = catDead | catInjured | catMissing | catRescued | catArrested | catDisplaced
)

var categories = map[string]uint16{
	"dead": catDead, "die": catDead, "death": catDead, "kill": catDead, "killed": catDead,
	"toll": catDead, "fatality": catDead, "body": catDead, "drown": catDead, "drowned": catDead,
	"perish": catDead, "life": catDead, "corpse": catDead,
	"injure": catInjured, "injured": catInjured, "wound": catInjured, "wounded": catInjured,
	"hurt": catInjured, "injury": catInjured,
	"missing": catMissing, "unaccounted": catMissing,
	"rescue": catRescued, "rescued": catRescued, "save": catRescued, "survive": catRescued,
	"survivor": catRescued,
	"arrest":   catArrested, "detain": catArrested, "detained": catArrested,
	"displace": catDisplaced, "displaced": catDisplaced, "flee": catDisplaced, "refugee": catDisplaced,
	"evacuate": catDisplaced, "homeless": catDisplaced,
	"people": catPeople, "person": catPeople, "passenger": catPeople, "individual": catPeople,
	"civilian": catPeople, "resident": catPeople,
}

func (c *Claim) category(i int) uint16 {
	if k, ok := categories[c.lemma[i]]; ok {
		return k
	}
	return categories[c.toks[i].Norm]
}

// currencyBefore returns the currency symbol written just before byte
// offset at ("$5", "US$5", "£5"), or "".
func currencyBefore(text string, at int) string {
	r, _ := utf8.DecodeLastRuneInString(text[:at])
	switch r {
	case '$', '£', '€', '¥', '₹':
		return string(r)
	}
	return ""
}

// parseCore reads the number proper at token i: digits with a suffix or
// multiplier ("1.5 million", "4.5bn", "$5m"), number words ("sixty-one",
// "a dozen", "two hundred and fifty") or a vague plural ("hundreds of
// thousands"). It returns the interval, the last token and a unit glued to
// the digits ("100km").
func (c *Claim) parseCore(i int, money bool) (lo, hi float64, last int, glued string, ok bool) {
	n := len(c.toks)
	t := &c.toks[i]
	if t.Kind == textnorm.Number {
		num, suffix := splitNumber(t.Norm)
		v, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return 0, 0, i, "", false
		}
		switch suffix {
		case "":
		case "bn", "b":
			v *= 1e9
		case "mn", "mln":
			v *= 1e6
		case "m":
			if money {
				v *= 1e6
			} else {
				glued = "m"
			}
		case "k":
			v *= 1e3
		default:
			if _, isUnit := unitOf(suffix); !isUnit {
				return 0, 0, i, "", false // 15th, 1990s, G7-like tokens
			}
			glued = suffix
		}
		last = i
		if glued == "" && i+1 < n && !c.brk[i+1] {
			nx := c.toks[i+1].Norm
			if m, isMul := multipliers[nx]; isMul {
				v *= m
				last = i + 1
			} else if nx == "m" && money {
				v *= 1e6
				last = i + 1
			}
		}
		return v, v, last, glued, true
	}
	if t.Kind != textnorm.Word {
		return 0, 0, i, "", false
	}
	if r, isVague := vague[t.Norm]; isVague {
		lo, hi, last = r[0], r[1], i
		if i+2 < n && c.toks[i+1].Norm == "of" && !c.brk[i+1] && !c.brk[i+2] {
			if r2, ok2 := vague[c.toks[i+2].Norm]; ok2 && c.toks[i+2].Norm != "dozens" && c.toks[i+2].Norm != "tens" {
				lo, hi, last = lo*r2[0], lo*r2[0]*(hi/lo), i+2
			}
		}
		if t.Norm == "tens" && last == i {
			return 0, 0, i, "", false
		}
		return lo, hi * 0.9999, last, "", true
	}
	// number words
	total, cur := 0.0, 0.0
	words := 0
	last = -1
	for j := i; j < n; j++ {
		if j > i && c.brk[j] {
			break
		}
		w := c.toks[j].Norm
		if v, isSmall := smallNumbers[w]; isSmall {
			cur += v
		} else if m, isMul := multipliers[w]; isMul && w != "bn" && w != "mn" && w != "mln" {
			if cur == 0 {
				cur = 1
			}
			if m >= 1000 {
				total += cur * m
				cur = 0
			} else {
				cur *= m
			}
		} else if (w == "a" || w == "an") && j == i && j+1 < n && multipliers[c.toks[j+1].Norm] > 0 {
			cur = 1
			words-- // the article alone is not a number word
		} else if w == "and" && words > 0 && j+1 < n {
			if _, nextSmall := smallNumbers[c.toks[j+1].Norm]; !nextSmall {
				break
			}
			continue
		} else {
			break
		}
		words++
		last = j
	}
	if last < 0 || words <= 0 {
		return 0, 0, i, "", false
	}
	// "one" alone is usually a pronoun ("one of the", "one woman told me").
	if words == 1 && c.toks[i].Norm == "one" {
		return 0, 0, i, "", false
	}
	v := total + cur
	return v, v, last, "", true
}

// splitNumber splits a number token's norm into its numeric part and a
// letter suffix: "4.5bn" → "4.5", "bn".
func splitNumber(norm string) (num, suffix string) {
	k := 0
	for k < len(norm) && (norm[k] >= '0' && norm[k] <= '9' || norm[k] == '.') {
		k++
	}
	return strings.TrimRight(norm[:k], "."), norm[k:]
}

// qualifierBefore returns the qualifier words just before token i and the
// index of the first of them.
func (c *Claim) qualifierBefore(i int) (kind string, first int) {
	for _, width := range []int{3, 2, 1} {
		s := i - width
		if s < 0 {
			continue
		}
		ok := true
		parts := make([]string, 0, width)
		for k := s; k < i; k++ {
			if k > s && c.brk[k] {
				ok = false
			}
			parts = append(parts, c.toks[k].Norm)
		}
		if !ok || c.brk[i] {
			continue
		}
		if q, found := qualifiers[strings.Join(parts, " ")]; found {
			return q, s
		}
	}
	return "", i
}

// parseAt reads a whole quantity starting at token i: qualifier, currency,
// number, unit. It does not read context.
func (c *Claim) parseAt(i int) (quantity, bool) {
	q := quantity{first: i, head: -1}
	if c.used[i] {
		return q, false
	}
	money := currencyBefore(c.text, c.toks[i].Start)
	lo, hi, last, glued, ok := c.parseCore(i, money != "")
	if !ok {
		return q, false
	}
	for k := i; k <= last; k++ {
		if c.used[k] {
			return q, false
		}
	}
	q.lo, q.hi, q.last = lo, hi, last
	q.start, q.end = c.toks[i].Start, c.toks[last].End
	if money != "" {
		q.dim, q.unit = money, money
		q.start -= len(money)
	}
	// unit
	if glued != "" {
		u, _ := unitOf(glued)
		q.dim, q.unit = u.dim, glued
		q.lo, q.hi = q.lo*u.factor, q.hi*u.factor
	} else if q.end < len(c.text) && c.text[q.end] == '%' && q.end < c.span.End {
		q.dim, q.unit = "%", "%"
		q.end++
	} else if k := last + 1; k < len(c.toks) && !c.brk[k] {
		nx := c.toks[k].Norm
		if nx == "per" && k+1 < len(c.toks) && c.toks[k+1].Norm == "cent" {
			q.dim, q.unit, q.last = "%", "%", k+1
		} else if nx == "percentage" && k+1 < len(c.toks) && c.toks[k+1].Norm == "points" {
			q.dim, q.unit, q.last = "pp", "pp", k+1
		} else if u, isUnit := unitOf(nx); isUnit && (q.dim == "" || q.dim == u.dim) {
			if u.dim == "time" && k+1 < len(c.toks) && c.toks[k+1].Norm == "old" {
				q.dim, q.unit, q.last = "age", "age", k+1 // "34-year-old"
			} else if q.dim == "" {
				q.dim, q.unit, q.last = u.dim, nx, k
				q.lo, q.hi = q.lo*u.factor, q.hi*u.factor
			} else {
				q.last = k // "$5 dollars": the symbol already said it
			}
		}
		q.end = max(q.end, c.toks[q.last].End)
	}
	// qualifier
	if kind, first := c.qualifierBefore(i); kind != "" {
		switch kind {
		case "min":
			q.hi = math.Inf(1)
		case "max":
			q.lo = 0
		case "about":
			q.lo, q.hi = q.lo*0.8, q.hi*1.2
		case "nearly":
			q.lo = q.lo * 0.8
		}
		q.first = first
		q.start = min(q.start, c.toks[first].Start)
	}
	return q, true
}

// findNumbers reads the quantities of the claim, with their context.
func (c *Claim) findNumbers() {
	n := len(c.toks)
	for i := 0; i < n; i++ {
		q, ok := c.parseAt(i)
		if !ok {
			continue
		}
		// "100 km (60 miles)": a conversion in brackets is the same quantity.
		if k := q.last + 1; q.dim != "" && k < n {
			gap := c.text[c.toks[q.last].End:c.toks[k].Start]
			if strings.TrimSpace(gap) == "(" {
				if conv, ok2 := c.parseAt(k); ok2 && conv.dim == q.dim {
					close := conv.last + 1
					tail := c.span.End
					if close < n {
						tail = c.toks[close].Start
					}
					if p := strings.IndexByte(c.text[c.toks[conv.last].End:tail], ')'); p >= 0 {
						q.last = conv.last
						q.end = c.toks[conv.last].End + p + 1
					}
				}
			}
		}
		for k := q.first; k <= q.last; k++ {
			c.used[k] = true
		}
		c.context(&q)
		c.nums = append(c.nums, q)
		i = q.last
	}
	// A lone count with no category of its own takes the claim's, when the
	// claim speaks of exactly one: "the death toll ... has risen to 15".
	counts := 0
	for k := range c.nums {
		if c.nums[k].dim == "" && !c.nums[k].incr {
			counts++
		}
	}
	if counts == 1 {
		var all uint16
		for k := range c.toks {
			if c.toks[k].Kind == textnorm.Word && !c.used[k] {
				all |= c.category(k) & catExclusive
			}
		}
		if all != 0 && all&(all-1) == 0 {
			for k := range c.nums {
				q := &c.nums[k]
				if q.dim == "" && !q.incr && q.cat&catExclusive == 0 {
					q.cat |= all
				}
			}
		}
	}
}

// context fills the words around a quantity: up to two content words after
// it (its head noun and verb: "people were killed") and two before ("toll
// rose to"), within the clause and not across another number or a reporting
// verb.
func (c *Claim) context(q *quantity) {
	n := len(c.toks)
	for k, seen := q.last+1, 0; k < n && seen < 5 && q.after < 2; k, seen = k+1, seen+1 {
		if c.brk[k] || c.toks[k].Kind == textnorm.Number || c.used[k] {
			break
		}
		nm := c.toks[k].Norm
		if seen == 0 && (nm == "more" || nm == "additional" || nm == "further" || nm == "extra" || nm == "other") {
			q.incr = true
		}
		if reportingClass(c, k) != "" {
			break
		}
		if c.content(k) {
			if q.after == 0 && k == q.last+1 {
				q.head = k
			}
			q.ctx = append(q.ctx, k)
			q.after++
		}
	}
	if q.first > 0 && c.toks[q.first-1].Norm == "another" {
		q.incr = true
	}
	before := 0
	for k, seen := q.first-1, 0; k >= 0 && seen < 4 && before < 2; k, seen = k-1, seen+1 {
		if c.brk[k+1] || c.toks[k].Kind == textnorm.Number || c.used[k] || reportingClass(c, k) != "" {
			break
		}
		if c.content(k) {
			q.ctx = append(q.ctx, k)
			before++
		}
	}
	for _, k := range q.ctx {
		q.cat |= c.category(k)
	}
}

// quote is the quantity as written, with its head noun when the head follows
// it directly: "Twelve people", "at least a dozen people", "100 km (60 miles)".
func (q *quantity) quote(c *Claim) (string, app.Span) {
	end := q.end
	if q.head >= 0 && q.dim == "" {
		end = c.toks[q.head].End
	}
	return c.text[q.start:end], app.Span{Start: q.start, End: end}
}

// pairScore says how surely two quantities count the same thing: 3 when
// they share a word or category of their context, 2 when they are the only
// quantity of their kind on each side and nothing contradicts that, 0 when
// they must not be compared.
func pairScore(a *Claim, x *quantity, b *Claim, y *quantity, onlyX, onlyY bool) int {
	if x.dim != y.dim || x.incr || y.incr {
		return 0
	}
	ex, ey := x.cat&catExclusive, y.cat&catExclusive
	if ex != 0 && ey != 0 && ex&ey == 0 {
		return 0
	}
	if (ex == 0) != (ey == 0) {
		return 0 // "80 people on board" is not "12 people were killed"
	}
	if ex&ey != 0 {
		return 3
	}
	for _, i := range x.ctx {
		for _, j := range y.ctx {
			if same(a, i, b, j) {
				return 3
			}
		}
	}
	if x.cat&y.cat&catPeople != 0 {
		return 3
	}
	if onlyX && onlyY && (x.after == 0 || y.after == 0) {
		return 2
	}
	return 0
}

// conflict reports whether two quantities cannot both be true. Values
// converted between units get 10% slack for rounding ("100 km" is "60
// miles"); values in the same unit are compared exactly.
func conflict(x, y *quantity) bool {
	slack := 1.0
	if x.unit != y.unit {
		slack = 1.1
	}
	return x.hi*slack < y.lo || y.hi*slack < x.lo
}

// compareNumbers pairs the quantities of a and b, best-anchored pairs first
// and each quantity at most once, and flags the pairs that conflict.
func compareNumbers(out []app.Flag, a, b *Claim) []app.Flag {
	if len(a.nums) == 0 || len(b.nums) == 0 {
		return out
	}
	type cand struct{ i, j, score int }
	var cands []cand
	for i := range a.nums {
		for j := range b.nums {
			s := pairScore(a, &a.nums[i], b, &b.nums[j], onlyOfDim(a, a.nums[i].dim), onlyOfDim(b, b.nums[j].dim))
			if s > 0 {
				cands = append(cands, cand{i, j, s})
			}
		}
	}
	sort.SliceStable(cands, func(p, q int) bool { return cands[p].score > cands[q].score })
	usedA := make([]bool, len(a.nums))
	usedB := make([]bool, len(b.nums))
	for _, cd := range cands {
		if usedA[cd.i] || usedB[cd.j] {
			continue
		}
		usedA[cd.i], usedB[cd.j] = true, true
		x, y := &a.nums[cd.i], &b.nums[cd.j]
		if !conflict(x, y) {
			continue
		}
		qa, sa := x.quote(a)
		qb, sb := y.quote(b)
		out = append(out, app.Flag{Kind: app.FlagNumber, Detail: fmt.Sprintf("%s vs %s", qa, qb), A: sa, B: sb})
	}
	return out
}

// onlyOfDim reports whether c has exactly one total (not an increment) of
// dimension dim.
func onlyOfDim(c *Claim, dim string) bool {
	n := 0
	for k := range c.nums {
		if c.nums[k].dim == dim && !c.nums[k].incr {
			n++
		}
	}
	return n == 1
}
