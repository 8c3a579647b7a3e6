package segment

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// checkClaims verifies the contract of Segment: ordered, non-overlapping,
// trimmed, non-empty spans on rune boundaries that, with the pieces left
// out as report metadata (split), cover every non-space byte.
func checkClaims(t *testing.T, text string, claims []Claim) {
	t.Helper()
	got, left := split(text)
	if len(got) != len(claims) {
		t.Fatalf("Segment gave %d claims, split %d", len(claims), len(got))
	}
	for i := range got {
		if got[i] != claims[i] {
			t.Fatalf("claim %d: Segment %v, split %v", i, claims[i], got[i])
		}
		if claims[i].Kind < Sentence || claims[i].Kind > Unit {
			t.Fatalf("claim %d has kind %d", i, claims[i].Kind)
		}
	}
	for i, c := range left {
		if c.Kind != lead && c.Kind != credit {
			t.Fatalf("left-out piece %d %q has kind %d", i, text[c.Start:c.End], c.Kind)
		}
	}
	all := append(append([]Claim(nil), claims...), left...)
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	// Rune boundaries as a decoder walking the text sees them; an invalid
	// byte is a boundary on both sides.
	boundary := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	boundary[len(text)] = true
	last := 0
	for i, c := range all {
		if c.Start < last || c.End <= c.Start || c.End > len(text) {
			t.Fatalf("piece %d [%d,%d) is out of order or empty (previous end %d)", i, c.Start, c.End, last)
		}
		if !boundary[c.Start] || !boundary[c.End] {
			t.Fatalf("piece %d [%d,%d) splits a rune", i, c.Start, c.End)
		}
		r, _ := utf8.DecodeRuneInString(text[c.Start:c.End])
		l, _ := utf8.DecodeLastRuneInString(text[c.Start:c.End])
		if unicode.IsSpace(r) || unicode.IsSpace(l) {
			t.Fatalf("piece %d %q is not trimmed", i, text[c.Start:c.End])
		}
		// the gap before this piece holds only white space
		for _, r := range text[last:c.Start] {
			if !unicode.IsSpace(r) {
				t.Fatalf("text %q between pieces %d and %d is in none", text[last:c.Start], i-1, i)
			}
		}
		last = c.End
	}
	for _, r := range text[last:] {
		if !unicode.IsSpace(r) {
			t.Fatalf("text %q after the last piece is in none", text[last:])
		}
	}
}

func claimTexts(text string, claims []Claim) []string {
	out := make([]string, len(claims))
	for i, c := range claims {
		out[i] = text[c.Start:c.End]
	}
	return out
}

var segmentTests = []struct {
	name string
	in   string
	want []string
}{
	{"empty", "", nil},
	{"blank", "  \n\t \n ", nil},
	{"one", "Talks resumed.", []string{"Talks resumed."}},
	{"two", "Talks resumed. They failed.", []string{"Talks resumed.", "They failed."}},
	{"no final stop", "Talks resumed. They failed", []string{"Talks resumed.", "They failed"}},
	{"title abbreviation", "Mr. Smith went to Karsk. He left.", []string{"Mr. Smith went to Karsk.", "He left."}},
	{"general", "Gen. Haldane said so. Col. Marsh agreed.", []string{"Gen. Haldane said so.", "Col. Marsh agreed."}},
	{"number abbreviation", "He ranked No. 5 in the poll. No one asked.", []string{"He ranked No. 5 in the poll.", "No one asked."}},
	{"decimal", "It rose 3.5 percent. Then it fell.", []string{"It rose 3.5 percent.", "Then it fell."}},
	{"acronym mid-sentence", "The U.S. military said so. The U.S. Army agreed.", []string{"The U.S. military said so.", "The U.S. Army agreed."}},
	{"acronym at end", "He lives in the U.S. The weather is bad.", []string{"He lives in the U.S.", "The weather is bad."}},
	{"initials", "J. R. Smith arrived at 9 a.m. and left.", []string{"J. R. Smith arrived at 9 a.m. and left."}},
	{"p.m. at end", "The office closed at 5 p.m. The guards stayed.", []string{"The office closed at 5 p.m.", "The guards stayed."}},
	{"month", "It happened on Jan. 5 in Karsk. St. Mary's closed.", []string{"It happened on Jan. 5 in Karsk.", "St. Mary's closed."}},
	{"e.g.", "Some towns, e.g. Karsk, flooded. Others did not.", []string{"Some towns, e.g. Karsk, flooded.", "Others did not."}},
	{"closing quote", "He said “no.” Then he left.", []string{"He said “no.”", "Then he left."}},
	{"closing bracket", "They left (all of them.) Nobody stayed.", []string{"They left (all of them.)", "Nobody stayed."}},
	{"question in quote", "“Why?” he asked. Nobody knew.", []string{"“Why?” he asked.", "Nobody knew."}},
	{"question and exclamation", "Who pays? Nobody pays! Fine, they said.", []string{"Who pays?", "Nobody pays!", "Fine, they said."}},
	{"ellipsis mixed case", "They waited... Then the rain came. It was... strange.", []string{"They waited...", "Then the rain came.", "It was... strange."}},
	{"em dash", "The Brel council—a body of nine—met them. They left.", []string{"The Brel council—a body of nine—met them.", "They left."}},
	{"unknown abbreviation", "The dam holds approx. three million litres.", []string{"The dam holds approx. three million litres."}},
	{"heading block", "Water at record level\n\nKarsk's mayor left.", []string{"Water at record level", "Karsk's mayor left."}},
	{"heading line", "Talks stall\nOfficials in Karsk said on Monday that talks had stalled.", []string{"Talks stall", "Officials in Karsk said on Monday that talks had stalled."}},
	{"hard wrap", "Officials said the talks\nhad stalled on Monday. Others\ndisagreed.", []string{"Officials said the talks\nhad stalled on Monday.", "Others\ndisagreed."}},
	{"line end after stop", "Talks stalled.\nofficials left.", []string{"Talks stalled.", "officials left."}},
	{"dateline agency", "GENEVA (Reuters) - Talks resumed on Monday.", []string{"Talks resumed on Monday."}},
	{"dateline caps", "LONDON — The talks resumed.", []string{"The talks resumed."}},
	{"date line", "Published 12 March 2022\nThe talks resumed.", []string{"Published 12 March 2022", "The talks resumed."}},
	{"list", "- first point here\n- second point here", []string{"- first point here", "- second point here"}},
	{"numbered list", "1. First point.\n2. Second point.", []string{"1. First point.", "2. Second point."}},
	{"version", "Version 2.0 shipped today.", []string{"Version 2.0 shipped today."}},
	// Lower-cased tokenised wire copy.
	{"wire", "the u.s. envoy arrived . talks began at 9 a.m. on monday .", []string{"the u.s. envoy arrived .", "talks began at 9 a.m. on monday ."}},
	{"wire acronym compound", "a russian-u.s. monitoring team left . a u.s.-led survey ended .", []string{"a russian-u.s. monitoring team left .", "a u.s.-led survey ended ."}},
	{"wire possessive at end", "the flood hurt farms east of the capital s. karsk has promised help .", []string{"the flood hurt farms east of the capital s.", "karsk has promised help ."}},
	{"wire ellipsis", "they would close the roads ... this is what we hear , she said .", []string{"they would close the roads ... this is what we hear , she said ."}},
	{"wire dateline", "karsk ( velnews ) - the river rose again .", []string{"the river rose again ."}},
	{"wire initial", "said gen. tomas r. haldane . he left .", []string{"said gen. tomas r. haldane .", "he left ."}},
	{"wire lower next", "talks ended. officials left.", []string{"talks ended.", "officials left."}},
	// Datelines, bylines and credits are report metadata, not
	// claims: the claim starts with the sentence they open.
	{"dateline with date", "KARSK, March 3 (Velnews) — Talks resumed. They failed.", []string{"Talks resumed.", "They failed."}},
	{"dateline in a later paragraph", "Talks resumed.\n\nBREL (Velnews) - The river rose.", []string{"Talks resumed.", "The river rose."}},
	{"headline with a date", "Floods reach Karsk on 12 March 2022\nThe talks resumed.", []string{"Floods reach Karsk on 12 March 2022", "The talks resumed."}},
	{"byline after headline", "Dam holds\nBy Ana Veldt, Staff Writer\nKARSK (Velnews) - Water rose.", []string{"Dam holds", "Water rose."}},
	{"byline block", "By Ana Veldt and Tomas Marsh\n\nWater rose on Monday.", []string{"Water rose on Monday."}},
	{"by opens a sentence", "By Monday the water had risen.", []string{"By Monday the water had risen."}},
	{"by opens a heading", "By the river\n\nWater rose on Monday.", []string{"By the river", "Water rose on Monday."}},
	{"credit", "Water rose. (Reporting by Ana Veldt; Editing by Tomas Marsh)", []string{"Water rose."}},
	{"wire credit", "water rose . ( reporting by ana veldt ; editing by tomas marsh )", []string{"water rose ."}},
	{"photo credit", "Photo: Ana Veldt/Velnews\n\nWater rose on Monday.", []string{"Water rose on Monday."}},
	{"bracketed sentence", "Water rose. (The dam was built by the army in 1998.)", []string{"Water rose.", "(The dam was built by the army in 1998.)"}},
	// Pieces that state nothing join a neighbour.
	{"closing quote alone", "They left the valley. \"", []string{"They left the valley. \""}},
	{"opening quote alone", "\"\n\nThey left the valley.", []string{"\"\n\nThey left the valley."}},
	{"one word", "Water rose. News. Officials left.", []string{"Water rose. News.", "Officials left."}},
	{"one word paragraph", "News.\n\nWater rose on Monday.", []string{"News.\n\nWater rose on Monday."}},
	{"function words only", "Water rose. That is all. Officials left.", []string{"Water rose. That is all.", "Officials left."}},
	{"punctuation paragraph", "Water rose.\n\n***\n\nOfficials left.", []string{"Water rose.", "***\n\nOfficials left."}},
	{"short claims stay", "Ana Veldt died on Monday. She was 75. I partied.", []string{"Ana Veldt died on Monday.", "She was 75.", "I partied."}},
	{"only a fragment", "News.", []string{"News."}},
	{"fragment before dateline", "Yes.\n\nKARSK (Velnews) - Water rose.", []string{"Yes.", "Water rose."}},
}

func TestSegment(t *testing.T) {
	for _, tt := range segmentTests {
		t.Run(tt.name, func(t *testing.T) {
			claims := Segment(tt.in)
			checkClaims(t, tt.in, claims)
			got := claimTexts(tt.in, claims)
			if strings.Join(got, "\n|") != strings.Join(tt.want, "\n|") {
				t.Errorf("Segment(%q):\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	text := "GENEVA (Reuters) - Talks resumed.\n\nWater at record level\n\nKarsk's mayor left."
	var kinds []Kind
	for _, c := range Segment(text) {
		kinds = append(kinds, c.Kind)
	}
	want := []Kind{Sentence, Heading, Sentence}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("claim %d: kind %v, want %v", i, kinds[i], want[i])
		}
	}
}

// leftTests list the pieces Segment leaves out of the claims as report
// metadata (datelines, bylines, credits); the text stays.
var leftTests = []struct {
	in   string
	want []string
}{
	{"KIVANGU (Velnews) - Twelve people were rescued.", []string{"KIVANGU (Velnews) -"}},
	{"brel ( velnews ) - the river rose .", []string{"brel ( velnews ) -"}},
	{"KARSK, March 3 (Velnews) — Talks resumed.", []string{"KARSK, March 3 (Velnews) —"}},
	{"By Ana Veldt, Staff Writer\n\nWater rose.", []string{"By Ana Veldt, Staff Writer"}},
	{"Water rose. (Reporting by Ana Veldt; Editing by Tomas Marsh)", []string{"(Reporting by Ana Veldt; Editing by Tomas Marsh)"}},
	{"Water rose.\n\nPhotograph by Ana Veldt", []string{"Photograph by Ana Veldt"}},
	{"Updated 4 October 2023, 18:07 GMT\n\nWater rose.", nil}, // a date line stays a claim: its date is the report's
	{"Water rose. Officials left.", nil},
	{"The dam was built by the army. By Monday it held.", nil},
	{"Water rose.\n\nPhotos of the flood were shared on Monday by residents of the town.", nil},
}

func TestLeftOut(t *testing.T) {
	for _, tt := range leftTests {
		claims, left := split(tt.in)
		checkClaims(t, tt.in, claims)
		got := claimTexts(tt.in, left)
		if strings.Join(got, "\n|") != strings.Join(tt.want, "\n|") {
			t.Errorf("split(%q) left out %q, want %q", tt.in, got, tt.want)
		}
	}
}

// transcriptText is an invented unpunctuated transcript for the cutter.
const transcriptText = "the water is still rising here in the osk valley and people who live below the dam have started to leave their homes " +
	"many of them farmers who have been here for generations but the operator says the structure is safe and that there is no need to panic " +
	"however engineers we spoke to this morning were less certain one of them told us the cracks near the spillway have grown over the past two days " +
	"and so the army has moved trucks and boats into the valley at least for now the roads remain open meanwhile the government in karsk " +
	"has promised compensation for every family that has to move we are doing everything we can to keep people safe " +
	"Mira Colton Sky News in the Osk valley"

func TestTranscriptUnits(t *testing.T) {
	claims := Segment(transcriptText)
	checkClaims(t, transcriptText, claims)
	if len(claims) < 5 {
		t.Fatalf("transcript cut into %d units: %q", len(claims), claimTexts(transcriptText, claims))
	}
	for _, c := range claims {
		s := transcriptText[c.Start:c.End]
		n := len(strings.Fields(s))
		if c.Kind != Unit {
			t.Errorf("%q: kind %v, want unit", s, c.Kind)
		}
		if n < minUnit || n > maxUnit {
			t.Errorf("unit of %d words: %q", n, s)
		}
	}
	last := transcriptText[claims[len(claims)-1].Start:claims[len(claims)-1].End]
	if last != "Mira Colton Sky News in the Osk valley" {
		t.Errorf("sign-off not its own unit: %q", last)
	}
	for _, cue := range []string{"however engineers", "and so the army", "at least for now", "meanwhile the government"} {
		found := false
		for _, s := range claimTexts(transcriptText, claims) {
			if strings.HasPrefix(s, cue) {
				found = true
			}
		}
		if !found {
			t.Errorf("no unit starts at the cue %q", cue)
		}
	}
}

func TestRunOnProse(t *testing.T) {
	// One sentence of 90 words: cut like a transcript, at its cues.
	text := strings.Repeat("the rebels said the talks would go on, ", 5) + "but officials in the capital said the talks would end soon, and the rebels replied that they would not leave the valley before the spring because the roads were closed by snow and the bridges were down after the floods of last year, which had cut the valley off for weeks."
	claims := Segment(text)
	checkClaims(t, text, claims)
	if len(claims) < 3 {
		t.Fatalf("run-on sentence cut into %d claims", len(claims))
	}
	for _, s := range claimTexts(text, claims) {
		if n := len(strings.Fields(s)); n > maxUnit+5 {
			t.Errorf("unit of %d words: %q", n, s)
		}
	}
}

// TestGolden segments the invented texts in testdata/*.txt and compares the
// claims and the pieces left out of them ("lead", "credit"), one per line
// as "kind<TAB>text" with line ends shown as ⏎, with
// testdata/*.golden. Run with -update to rewrite the golden files.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			claims, left := split(text)
			checkClaims(t, text, claims)
			all := append(claims, left...)
			sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
			var sb strings.Builder
			for _, c := range all {
				sb.WriteString(c.Kind.String())
				sb.WriteByte('\t')
				sb.WriteString(strings.ReplaceAll(text[c.Start:c.End], "\n", "⏎"))
				sb.WriteByte('\n')
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(sb.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if sb.String() != string(want) {
				t.Errorf("claims differ from %s (run go test -update after checking):\n got:\n%s\nwant:\n%s", golden, sb.String(), want)
			}
		})
	}
}

func FuzzSegment(f *testing.F) {
	for _, tt := range segmentTests {
		f.Add(tt.in)
	}
	for _, tt := range leftTests {
		f.Add(tt.in)
	}
	f.Add(transcriptText)
	f.Add("(by\n\n\"\n(By X)\nBy\nPhoto:\n\n“\n\n. - (a) - ”")
	f.Add("\xff\xfe. \u00a0.\u2028x . . . y… z")
	f.Add("a\n\n\n.b\r\n\r\nc")
	f.Fuzz(func(t *testing.T, text string) {
		checkClaims(t, text, Segment(text))
	})
}

// TestLinearTime: the segmenter's time grows linearly with its input on
// texts that would expose a quadratic step (runs of dots, stops, line
// breaks, an unpunctuated transcript, many short headings). It compares
// four times the input with the input, measured in the same moment, so a
// loaded machine (or -race) slows both alike: linear is 4x, quadratic 16x,
// and more than 12x fails (the best of five runs each, so a pause in one
// does not count).
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	inputs := map[string]struct {
		unit string
		n    int
	}{
		"dotted":     {"a.", 25000},
		"stops":      {". ", 25000},
		"newlines":   {"x\n", 25000},
		"transcript": {"and so the water rose but we stayed ", 2000},
		"headings":   {"Short line\n", 7500},
	}
	took := func(text string) time.Duration {
		best := time.Duration(math.MaxInt64)
		for range 5 {
			start := time.Now()
			claims := Segment(text)
			best = min(best, time.Since(start))
			checkClaims(t, text, claims)
		}
		return best
	}
	for name, in := range inputs {
		// Below a few milliseconds a pause of the scheduler or the
		// collector outweighs the work: grow the input until it is not.
		small := took(strings.Repeat(in.unit, in.n))
		for small < 5*time.Millisecond && in.n < 1<<22 {
			in.n *= 2
			small = took(strings.Repeat(in.unit, in.n))
		}
		large := took(strings.Repeat(in.unit, 4*in.n))
		ratio := float64(large) / float64(max(small, time.Microsecond))
		t.Logf("%s: %v for %d bytes, %v for four times that (%.1fx)", name, small, in.n*len(in.unit), large, ratio)
		if ratio > 12 {
			t.Errorf("%s: four times the input took %.1fx the time (%v, %v): not linear", name, ratio, small, large)
		}
	}
}

func BenchmarkSegment(b *testing.B) {
	text := strings.Repeat(transcriptText+"\n\n"+segmentTests[11].in+" "+segmentTests[20].in+"\n\n", 50)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Segment(text)
	}
}
