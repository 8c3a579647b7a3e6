package flags

import (
	"fmt"
	"strconv"
	"strings"

	"parallax/app"
	"parallax/app/textnorm"
)

// dateExpr is one date or clock time in a claim: "Friday", "10 August 2017",
// "August 10", "in 2015", "6 a.m.". Components the text does not give are 0
// (hour is -1).
type dateExpr struct {
	first, last         int
	weekday, month, day int
	year, hour          int
	gov                 int  // the content word the date is attached to, or -1
	speech              bool // attached to a reporting verb: the date of a statement
}

var weekdays = map[string]int{"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4,
	"friday": 5, "saturday": 6, "sunday": 7}

var months = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5,
	"june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
	"december": 12, "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12}

// datePreps are words that make an ambiguous month ("may", "march") or a
// bare four-digit number a date: "in May", "since 2015".
var datePreps = set("in", "since", "until", "till", "by", "from", "during", "early", "late", "mid",
	"last", "next", "this", "of", "before", "after", "on", "between", "through", "throughout")

// dateModifiers are skipped when looking for the word a date is attached to.
var dateModifiers = set("early", "late", "shortly", "morning", "afternoon", "evening", "night",
	"overnight", "last", "next", "this", "midday", "noon", "later", "earlier", "week", "weekend")

// monthAt returns the month named by token i, or 0. "may" and "march" are
// months only next to a day or year, or after a date preposition.
func (c *Claim) monthAt(i int) int {
	if i < 0 || i >= len(c.toks) || c.toks[i].Kind != textnorm.Word {
		return 0
	}
	m := months[c.toks[i].Norm]
	if m == 0 {
		return 0
	}
	switch c.toks[i].Norm {
	case "may", "march", "jun", "jan", "dec", "sep", "nov", "oct", "aug", "apr", "feb", "jul":
		if c.dayAt(i+1) > 0 || c.yearAt(i+1) > 0 || c.dayAt(i-1) > 0 && !c.brk[i] {
			return m
		}
		if c.toks[i].Norm == "may" || c.toks[i].Norm == "march" {
			if i > 0 && !c.brk[i] && in(datePreps, c.toks[i-1].Norm) && (c.toks[i].Has(textnorm.Capital) || c.lower) {
				if c.toks[i].Norm == "march" && !c.toks[i].Has(textnorm.Capital) {
					return 0 // "the march from", lower case: the walk
				}
				return m
			}
		}
		return 0
	}
	return m
}

// dayAt returns the day of month written by token i (10, 10th), or 0.
func (c *Claim) dayAt(i int) int {
	if i < 0 || i >= len(c.toks) || c.toks[i].Kind != textnorm.Number {
		return 0
	}
	n := strings.TrimRight(c.toks[i].Norm, "stndrh")
	if len(n) > 2 {
		return 0
	}
	d, err := strconv.Atoi(n)
	if err != nil || d < 1 || d > 31 {
		return 0
	}
	return d
}

// yearAt returns the year written by token i, or 0: four digits from 1800 to
// 2100, not part of a money amount and not counting something ("2015
// people" is a count).
func (c *Claim) yearAt(i int) int {
	if i < 0 || i >= len(c.toks) || c.toks[i].Kind != textnorm.Number {
		return 0
	}
	t := &c.toks[i]
	if len(t.Text) != 4 || t.Norm != t.Text {
		return 0
	}
	y, err := strconv.Atoi(t.Norm)
	if err != nil || y < 1800 || y > 2100 {
		return 0
	}
	if currencyBefore(c.text, t.Start) != "" {
		return 0
	}
	if i+1 < len(c.toks) && !c.brk[i+1] {
		if _, ok := unitOf(c.toks[i+1].Norm); ok || in(countHeads, c.lemma[i+1]) {
			return 0
		}
	}
	return y
}

// hourAt returns the hour of a clock time starting at token i ("6 a.m.",
// "six pm", "10am") and the last token of it, or -1.
func (c *Claim) hourAt(i int) (hour, last int) {
	t := &c.toks[i]
	h := 0
	if t.Kind == textnorm.Number {
		n := t.Norm
		suffix := ""
		if strings.HasSuffix(n, "am") || strings.HasSuffix(n, "pm") {
			n, suffix = n[:len(n)-2], n[len(n)-2:]
		}
		v, err := strconv.Atoi(n)
		if err != nil || v < 1 || v > 12 {
			return -1, i
		}
		h = v
		if suffix != "" {
			return clock(h, suffix), i
		}
	} else if v, ok := smallNumbers[t.Norm]; ok && v >= 1 && v <= 12 {
		h = int(v)
	} else {
		return -1, i
	}
	if i+1 < len(c.toks) && !c.brk[i+1] {
		switch c.toks[i+1].Norm {
		case "am", "pm":
			return clock(h, c.toks[i+1].Norm), i + 1
		case "o'clock":
			return h, i + 1
		}
	}
	return -1, i
}

func clock(h int, suffix string) int {
	if suffix == "pm" && h < 12 {
		return h + 12
	}
	if suffix == "am" && h == 12 {
		return 0
	}
	return h
}

// softGap reports whether the text between two tokens of one date may be
// crossed: spaces, a comma ("Friday, August 10, 2017") or an abbreviation's
// dot ("Aug. 10").
func softGap(gap string) bool {
	return strings.Trim(gap, " ,.") == "" && strings.Count(gap, ",") <= 1
}

// findDates reads the dates and clock times of the claim and marks their
// tokens used, so the number rules do not read "10 August" as a quantity.
func (c *Claim) findDates() {
	n := len(c.toks)
	for i := 0; i < n; {
		if h, last := c.hourAt(i); h >= 0 {
			d := dateExpr{first: i, last: last, hour: h}
			c.addDate(d)
			i = last + 1
			continue
		}
		d := dateExpr{first: i, last: -1, hour: -1}
		j := i
		for ; j < n; j++ {
			if j > i && !softGap(c.text[c.toks[j-1].End:c.toks[j].Start]) {
				break
			}
			norm := c.toks[j].Norm
			if w := weekdays[norm]; w > 0 && d.weekday == 0 && d.month == 0 && d.day == 0 && d.year == 0 {
				d.weekday = w
			} else if m := c.monthAt(j); m > 0 && d.month == 0 {
				d.month = m
			} else if dd := c.dayAt(j); dd > 0 && d.day == 0 && d.year == 0 &&
				(d.month > 0 || c.monthAt(j+1) > 0 || c.norm(j+1) == "of" && c.monthAt(j+2) > 0) {
				d.day = dd
			} else if (norm == "of" || norm == "the") && d.day > 0 && d.month == 0 || norm == "the" && d.weekday > 0 && d.day == 0 {
				// "10th of August", "Friday the 10th": keep reading
			} else if y := c.yearAt(j); y > 0 && d.year == 0 && (d.month > 0 || d.weekday == 0 && d.day == 0 && c.standaloneYear(j)) {
				d.year = y
			} else {
				break
			}
			d.last = j
		}
		if d.last < 0 || d.weekday == 0 && d.month == 0 && d.year == 0 {
			i++
			continue
		}
		for c.norm(d.last) == "of" || c.norm(d.last) == "the" {
			d.last--
		}
		c.addDate(d)
		i = d.last + 1
	}
}

// standaloneYear reports whether a bare four-digit number at i reads as a
// year: after a date preposition, or before a comma or the end of the claim
// ("In 2015, 31 people drowned").
func (c *Claim) standaloneYear(i int) bool {
	if i > 0 && !c.brk[i] && in(datePreps, c.toks[i-1].Norm) {
		return true
	}
	return i+1 >= len(c.toks) || c.brk[i+1]
}

func (c *Claim) addDate(d dateExpr) {
	for k := d.first; k <= d.last; k++ {
		c.used[k] = true
	}
	d.gov = -1
	for k, seen := d.first-1, 0; k >= 0 && seen < 5; k, seen = k-1, seen+1 {
		if c.brk[k+1] {
			break
		}
		if c.content(k) && !in(dateModifiers, c.toks[k].Norm) {
			d.gov = k
			break
		}
	}
	if d.gov >= 0 && reportingClass(c, d.gov) != "" {
		d.speech = true
	}
	if k := d.last + 1; k < len(c.toks) && !c.brk[k] && reportingClass(c, k) != "" {
		d.speech = true
	}
	c.dates = append(c.dates, d)
}

// count reports how many dates of c share a component with d and are of
// d's class (statement or event).
func countLike(c *Claim, d *dateExpr) int {
	n := 0
	for k := range c.dates {
		if c.dates[k].speech == d.speech && sharesComponent(&c.dates[k], d) {
			n++
		}
	}
	return n
}

func sharesComponent(x, y *dateExpr) bool {
	return x.weekday > 0 && y.weekday > 0 || x.month > 0 && y.month > 0 ||
		x.year > 0 && y.year > 0 || x.hour >= 0 && y.hour >= 0
}

// differs reports whether two dates give different values for a component
// both state. A day is compared only within the same month.
func differs(x, y *dateExpr) bool {
	switch {
	case x.weekday > 0 && y.weekday > 0 && x.weekday != y.weekday:
		return true
	case x.month > 0 && y.month > 0 && x.month != y.month:
		return true
	case x.month > 0 && x.month == y.month && x.day > 0 && y.day > 0 && x.day != y.day:
		return true
	case x.year > 0 && y.year > 0 && x.year != y.year:
		return true
	case x.hour >= 0 && y.hour >= 0 && x.hour != y.hour:
		return true
	}
	return false
}

// compareDates pairs the dates of a and b that belong to the same event —
// attached to the same word, or the only date of their kind on each side —
// and flags the pairs whose values differ.
func compareDates(out []app.Flag, a, b *Claim) []app.Flag {
	usedB := make([]bool, len(b.dates))
	for i := range a.dates {
		x := &a.dates[i]
		best := -1
		for j := range b.dates {
			y := &b.dates[j]
			if usedB[j] || x.speech != y.speech || !sharesComponent(x, y) {
				continue
			}
			if x.gov >= 0 && y.gov >= 0 && same(a, x.gov, b, y.gov) {
				best = j
				break
			}
			if best < 0 && countLike(a, x) == 1 && countLike(b, y) == 1 {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		usedB[best] = true
		y := &b.dates[best]
		if differs(x, y) {
			out = append(out, app.Flag{
				Kind:   app.FlagDate,
				Detail: fmt.Sprintf("%q vs %q", a.quote(x.first, x.last), b.quote(y.first, y.last)),
				A:      a.spanOf(x.first, x.last),
				B:      b.spanOf(y.first, y.last),
			})
		}
	}
	return out
}
