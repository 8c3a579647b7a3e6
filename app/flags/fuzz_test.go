package flags_test

import (
	"testing"

	"parallax/app"
	"parallax/app/flags"
)

// FuzzCompare feeds arbitrary text and spans, seeded from the table tests:
// Compare must not panic, and every flag must lie inside its claim (after
// the claim's span is clamped to its text) and come in order of A.
func FuzzCompare(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.a, 0, len(tc.a), tc.b, 0, len(tc.b))
	}
	f.Add("x 12 ( 5 km ) may not 1,2.3.4 $ %", 2, 30, "((( - 12bn 5m% a.m. may 31 May", -3, 99)
	f.Fuzz(func(t *testing.T, a string, as, ae int, b string, bs, be int) {
		sa, sb := app.Span{Start: as, End: ae}, app.Span{Start: bs, End: be}
		ca, cb := flags.Analyze(a, sa), flags.Analyze(b, sb)
		got := flags.Between(ca, cb)
		checkSpans(t, a, ca.Span(), b, cb.Span(), got)
	})
}

// BenchmarkCompare40 compares a pair of 40-word claims from scratch,
// analysis included: the cost of one claim pair in a row.
func BenchmarkCompare40(b *testing.B) {
	x := "Twelve people were killed when the passenger ferry MV Lulinda capsized on Lake Tamsara early on Friday, " +
		"police said, and the captain, Amos Mwansa, may have been overloading the vessel, which was not licensed to carry more than 50 passengers."
	y := "At least 15 people died when the ferry MV Lulinda overturned on Lake Tamsara on Saturday, according to officials, " +
		"who said the captain, Amos Mwanza, had overloaded the vessel, which was licensed to carry 50 passengers and crew."
	b.ReportAllocs()
	for b.Loop() {
		flags.Compare(x, whole(x), y, whole(y))
	}
}

// BenchmarkBetween40 is the same pair analysed once: the per-pair cost when
// a row's claims are analysed once each.
func BenchmarkBetween40(b *testing.B) {
	x := "Twelve people were killed when the passenger ferry MV Lulinda capsized on Lake Tamsara early on Friday, " +
		"police said, and the captain, Amos Mwansa, may have been overloading the vessel, which was not licensed to carry more than 50 passengers."
	y := "At least 15 people died when the ferry MV Lulinda overturned on Lake Tamsara on Saturday, according to officials, " +
		"who said the captain, Amos Mwanza, had overloaded the vessel, which was licensed to carry 50 passengers and crew."
	ca, cb := flags.Analyze(x, whole(x)), flags.Analyze(y, whole(y))
	b.ReportAllocs()
	for b.Loop() {
		flags.Between(ca, cb)
	}
}
