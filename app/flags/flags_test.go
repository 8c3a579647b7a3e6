package flags_test

import (
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/flags"
)

// whole returns the span of all of s.
func whole(s string) app.Span { return app.Span{Start: 0, End: len(s)} }

// flagCase is a claim pair and the flags expected between them, each as
// kind and a fragment of the detail; an empty want means no flag at all.
type flagCase struct {
	name string
	a, b string
	want []string // "kind: detail fragment"
}

var cases = []flagCase{
	// number
	{"number digits", "Twelve people were killed when the ferry capsized.",
		"15 people were killed when the ferry capsized.", []string{"number: Twelve people vs 15 people"}},
	{"number digits twin", "Twelve people were killed when the ferry capsized.",
		"The capsizing of the ferry killed 12 people.", nil},
	{"number dead vs killed", "At least 15 dead in ferry capsizing.",
		"Twelve people were killed when the ferry capsized.", []string{"number: At least 15 dead vs Twelve people"}},
	{"number at least compatible", "At least 12 people died.", "15 people died.", nil},
	{"number more than a dozen", "More than a dozen people died in the attack.", "Fourteen people died in the attack.", nil},
	{"number a dozen vs dozens", "A dozen people were arrested at the rally.", "Police arrested dozens of people at the rally.",
		[]string{"number: A dozen people vs dozens"}},
	{"number vague magnitudes", "Hundreds of thousands of Syrians gathered along the border.",
		"Tens of thousands of Syrians gathered along the border.",
		[]string{"number: Hundreds of thousands vs Tens of thousands"}},
	{"number vague twin", "Tens of thousands of Syrians gathered along the border.",
		"Some 40,000 Syrians gathered along the border.", nil},
	{"number millions", "The project cost 1.5 million dollars.", "The project cost $1.8 million.",
		[]string{"number: 1.5 million dollars vs $1.8 million"}},
	{"number millions twin", "The project cost 1.5 million dollars.", "The project cost $1,500,000.", nil},
	{"number percent", "Turnout fell to 45% in the capital.", "Turnout fell to 54 per cent in the capital.",
		[]string{"number: 45% vs 54 per cent"}},
	{"number percent twin", "Turnout fell to 45% in the capital.", "Turnout fell to 45 percent in the capital.", nil},
	{"number bracketed conversion", "the road to nasib , 100 km ( 60 miles ) from the capital",
		"the road to Nasib, 60 miles from the capital", nil},
	{"number bracketed conversion metric", "the road to nasib , 100 km ( 60 miles ) from the capital",
		"the road to Nasib, 100 kilometres from the capital", nil},
	{"number distance conflict", "the road to nasib , 100 km ( 60 miles ) from the capital",
		"the road to Nasib, 150 km from the capital", []string{"number: 100 km ( 60 miles ) vs 150 km"}},
	{"number hyphenated words", "Sixty-one passengers were rescued.", "61 passengers were rescued.", nil},
	{"number words conflict", "Sixty-one passengers were rescued.", "Fifty passengers were rescued.",
		[]string{"number: Sixty-one passengers vs Fifty passengers"}},
	{"number different heads", "Twelve people were killed and five injured.", "Twelve people were killed and eight were injured.",
		[]string{"number: five injured vs eight"}},
	{"number killed vs injured never paired", "12 people were killed in the blast.", "15 people were injured in the blast.", nil},
	{"number total vs on board", "The ferry carrying more than 80 people capsized.",
		"Twelve people were killed when the ferry capsized.", nil},
	{"number increment", "Divers recovered three more bodies, taking the toll to 15.",
		"The death toll rose to 15.", nil},
	{"number about", "About 20 people were pulled from the water.", "Fishermen pulled 22 people from the water.", nil},
	{"number about conflict", "About 20 people were pulled from the water.", "Fishermen pulled 40 people from the water.",
		[]string{"number: About 20 people vs 40 people"}},
	{"number year is not a number", "In 2015, 31 people drowned when a boat sank.", "31 people drowned when a boat sank in 2015.", nil},

	// name
	{"name spelling", "The captain, Amos Mwansa, survived.", "The captain, Amos Mwanza, survived.",
		[]string{`name: "Mwansa" vs "Mwanza" (spelling variant)`}},
	{"name spelling twin", "The captain, Amos Mwanza, survived.", "Captain Amos Mwanza survived.", nil},
	{"name lower-cased copy", "rebels led battles in deraa city", "Rebels led battles in Daraa city",
		[]string{`name: "deraa" vs "Daraa" (spelling variant)`}},
	{"name transliteration", "The Gaddafi government fell in 2011.", "The Qadhafi government fell in 2011.",
		[]string{`name: "Gaddafi" vs "Qadhafi" (spelling variant)`}},
	{"name inflection is not a variant", "Syria's army advanced.", "The Syrian army advanced.", nil},
	{"name british spelling is not a name", "The meetings were organised in Amman.", "The meetings were organized in Amman.", nil},
	{"name different person in role", "Captain John Okello said the boat was safe.", "Captain Amos Mwanza said the boat was safe.",
		[]string{`name: "Captain John Okello" vs "Captain Amos Mwanza" (different name)`}},
	{"name same person shorter", "Captain Mwanza said the boat was safe.", "Captain Amos Mwanza said the boat was safe.", nil},

	// date
	{"date weekday", "The attack happened on Tuesday.", "The attack happened on Wednesday.",
		[]string{`date: "Tuesday" vs "Wednesday"`}},
	{"date weekday twin", "The attack happened on Tuesday.", "On Tuesday, the attack happened.", nil},
	{"date month day", "The company suspended sailings on 10 August 2017.", "The company suspended sailings on August 11, 2017.",
		[]string{`date: "10 August 2017" vs "August 11, 2017"`}},
	{"date month day twin", "The company suspended sailings on 10 August 2017.", "On August 10, 2017, the company suspended sailings.", nil},
	{"date year", "In 2015, 31 people drowned when a cargo boat sank.", "In 2016, 31 people drowned when a cargo boat sank.",
		[]string{`date: "2015" vs "2016"`}},
	{"date statement vs event", "The ferry capsized early on Friday, police said.", "Police said on Saturday that the ferry capsized.", nil},
	{"date clock", "The ferry overturned shortly after 6 a.m.", "The ferry overturned shortly after seven am.",
		[]string{`date: "6 a.m." vs "seven am"`}},
	{"date clock twin", "The ferry overturned shortly after 6 a.m.", "the ferry overturned shortly after six am", nil},
	{"date relative not compared", "The ferry capsized yesterday.", "The ferry capsized on Friday.", nil},

	// negation
	{"negation", "The ferry did not sink.", "The ferry sank.", []string{`negation: negated: "did not sink" vs "sank"`}},
	{"negation reverse", "The ferry sank.", "The ferry didn't sink.", []string{`negation: "sank" vs negated: "didn't sink"`}},
	{"negation twin", "The ferry did not sink.", "The ferry never sank.", nil},
	{"negation denied", "The minister denied resigning.", "The minister resigned on Monday.",
		[]string{`negation: negated: "denied resigning" vs "resigned"`}},
	{"negation noun phrase", "There were no survivors on the boat.", "There were survivors on the boat.",
		[]string{`negation: negated: "no survivors" vs "were survivors"`}},
	{"negation noun phrase twin", "No one was hurt.", "Nobody was hurt.", nil},
	{"negation contraction twin", "Jordan says it won't let anyone cross.", "Jordan has said it will not let anyone cross the border.", nil},

	// attribution
	{"attribution verb", "Regional Transport Minister Halima Serwanga said the vessel was licensed to carry 50 passengers.",
		"The vessel was licensed to carry 50 passengers, according to Regional Transport Minister Halima Serwanga.",
		[]string{`attribution: "said" vs "according to"`}},
	{"attribution verb twin", "Minister Halima Serwanga said the vessel was licensed to carry 50 passengers.",
		"The vessel was licensed to carry 50 passengers, Minister Halima Serwanga told reporters.", nil},
	{"attribution claimed", "Police said the ferry was overloaded.", "Police claimed the ferry was overloaded.",
		[]string{`attribution: "said" vs "claimed"`}},
	{"attribution source", "The ferry was overloaded, police said.", "The ferry was overloaded, officials said.",
		[]string{`attribution: "police said" vs "officials said"`}},
	{"attribution source twin", "The ferry was overloaded, police said.", "A police spokesman said the ferry was overloaded.", nil},
	{"attribution one side", "Fishermen pulled about 20 people from the water, witnesses said.",
		"Fishermen pulled about 20 people from the water.", []string{`attribution: "witnesses said" vs stated as fact`}},
	{"attribution quote counts as attributed", "\u201cAnyone found responsible will be held to account,\u201d Serwanga said.",
		"\u201cAnyone found responsible will be held to account.\u201d", nil},

	// hedge
	{"hedge", "Police said the ferry may have been overloaded.", "The ferry was overloaded, police said.",
		[]string{`hedge: hedged: "may have been overloaded" vs "was overloaded"`}},
	{"hedge reverse", "The ferry was overloaded, police said.", "Police said the ferry may have been overloaded.",
		[]string{`hedge: "was overloaded" vs hedged: "may have been overloaded"`}},
	{"hedge twin", "Police said the ferry may have been overloaded.", "Police said the vessel might have been overloaded.", nil},
	{"hedge reportedly", "The gunmen reportedly fled towards the border.", "The gunmen fled towards the border.",
		[]string{`hedge: hedged: "reportedly fled" vs "fled"`}},
	{"hedge believed", "The ship is believed to have sunk near the island.", "The ship sank near the island.",
		[]string{`hedge: hedged: "believed to have sunk" vs "sank"`}},
	{"hedge month is not a modal", "In May, the talks resumed.", "The talks resumed in May.", nil},
	{"hedge different word", "Police said the ferry may have been overloaded.", "Lake Tamsara ferry disaster: death toll rises to 15 as questions mount over overloading", nil},
}

func render(fs []app.Flag) []string {
	var out []string
	for _, f := range fs {
		out = append(out, string(f.Kind)+": "+f.Detail)
	}
	return out
}

func TestCompare(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := flags.Compare(tc.a, whole(tc.a), tc.b, whole(tc.b))
			r := render(got)
			if len(tc.want) == 0 {
				if len(got) != 0 {
					t.Fatalf("want no flag, got %q", r)
				}
				return
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", r, tc.want)
			}
			for i, w := range tc.want {
				if !strings.Contains(r[i], w) {
					t.Errorf("flag %d: got %q, want it to contain %q", i, r[i], w)
				}
			}
			checkSpans(t, tc.a, whole(tc.a), tc.b, whole(tc.b), got)
		})
	}
}

// checkSpans asserts the invariants every caller relies on: A inside the
// reference claim, B inside the other, flags ordered by A.
func checkSpans(t *testing.T, ta string, a app.Span, tb string, b app.Span, fs []app.Flag) {
	t.Helper()
	for i, f := range fs {
		if f.A.Start < a.Start || f.A.End > a.End || f.A.Start > f.A.End {
			t.Fatalf("flag %d: A %v outside claim %v", i, f.A, a)
		}
		if f.B.Start < b.Start || f.B.End > b.End || f.B.Start > f.B.End {
			t.Fatalf("flag %d: B %v outside claim %v", i, f.B, b)
		}
		if i > 0 && fs[i-1].A.Start > f.A.Start {
			t.Fatalf("flags not ordered by A: %v before %v", fs[i-1].A, f.A)
		}
		if f.Detail == "" || f.Kind == "" {
			t.Fatalf("flag %d has no kind or detail: %+v", i, f)
		}
		_ = ta[f.A.Start:f.A.End]
		_ = tb[f.B.Start:f.B.End]
	}
}

// TestSpansQuoteTheReport checks that spans are offsets into the reports,
// not into the claims, when claims sit in the middle of longer texts.
func TestSpansQuoteTheReport(t *testing.T) {
	ra := "First sentence here. The ferry did not sink. Last one."
	rb := "Intro. Then: the ferry sank quickly."
	sa := app.Span{Start: strings.Index(ra, "The ferry"), End: strings.Index(ra, " Last")}
	sb := app.Span{Start: strings.Index(rb, "the ferry"), End: len(rb)}
	fs := flags.Compare(ra, sa, rb, sb)
	if len(fs) != 1 {
		t.Fatalf("got %q", render(fs))
	}
	if got := ra[fs[0].A.Start:fs[0].A.End]; got != "did not sink" {
		t.Errorf("A quotes %q", got)
	}
	if got := rb[fs[0].B.Start:fs[0].B.End]; got != "sank" {
		t.Errorf("B quotes %q", got)
	}
}

// TestBetweenReusesAnalysis shows the intended use for a row: analyse each
// claim once, compare each with the reference.
func TestBetweenReusesAnalysis(t *testing.T) {
	row := []string{
		"Twelve people were killed when the ferry capsized.",
		"15 people were killed when the ferry capsized.",
		"Twelve people died when the ferry capsized.",
	}
	claims := make([]*flags.Claim, len(row))
	for i, s := range row {
		claims[i] = flags.Analyze(s, whole(s))
	}
	if got := flags.Between(claims[0], claims[1]); len(got) != 1 || got[0].Kind != app.FlagNumber {
		t.Errorf("0-1: %q", render(got))
	}
	if got := flags.Between(claims[0], claims[2]); len(got) != 0 {
		t.Errorf("0-2: %q", render(got))
	}
	if got := flags.Between(nil, claims[0]); got != nil {
		t.Errorf("nil claim: %q", render(got))
	}
}

func TestBadSpans(t *testing.T) {
	s := "The ferry did not sink."
	for _, sp := range []app.Span{{Start: -5, End: 3}, {Start: 10, End: 2}, {Start: 0, End: 999}, {}} {
		fs := flags.Compare(s, sp, s, app.Span{Start: 0, End: len(s)})
		for _, f := range fs {
			if f.A.Start < 0 || f.A.End > len(s) || f.A.Start > f.A.End {
				t.Errorf("span %v: bad flag span %v", sp, f.A)
			}
		}
	}
}
