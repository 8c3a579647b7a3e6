package worddiff

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the want section of testdata/*.txt golden files")

var noStop = StopWords(func(string) bool { return false })

var diffTests = []struct {
	name string
	a, b string
	opts []Option
	want string
}{
	{"identical", "The ferry sank on Tuesday.", "The ferry sank on Tuesday.", nil, "The ferry sank on Tuesday"},
	{"empty", "", "", nil, ""},
	{"empty a", "", "the ferry sank", nil, "{+the ferry sank+}"},
	{"empty b", "the ferry sank", "", nil, "[-the ferry sank-]"},
	{"only punctuation", "...", " — ", nil, ""},
	{"all different", "ferry sank Tuesday", "boat capsized Wednesday", nil, "[-ferry sank Tuesday-]{+boat capsized Wednesday+}"},
	{"replace one word", "the ferry sank on tuesday", "the ferry capsized on tuesday", nil, "the ferry [-sank-]{+capsized+} on tuesday"},
	{"number change is a replace", "12 people died", "15 people died", nil, "[-12-]{+15+} people died"},
	{"reorder", "on tuesday the ferry sank", "the ferry sank on tuesday", nil, "[-on tuesday-] the ferry sank {+on tuesday+}"},
	{"insert at start", "ferry sank", "the ferry sank", nil, "{+the+} ferry sank"},
	{"insert at end", "the ferry sank", "the ferry sank yesterday", nil, "the ferry sank {+yesterday+}"},
	{"delete in middle", "the old ferry sank", "the ferry sank", nil, "the [-old-] ferry sank"},
	{"shared content word between edits stays", "police said the man fled", "officials claimed a man escaped", nil,
		"[-police said the-]{+officials claimed a+} man [-fled-]{+escaped+}"},
	{"shared stop word between one-word edits stays", "he was shot in the head", "she was stabbed in the back", nil,
		"[-he-]{+she+} was [-shot-]{+stabbed+} in the [-head-]{+back+}"},
	{"stop word splitting a rewrite is absorbed", "Selenski could have traveled hundreds of miles by now", "Selenski could be out of the area", nil,
		"Selenski could [-have traveled hundreds of miles by now-]{+be out of the area+}"},
	{"no stop words, no absorbing", "Selenski could have traveled hundreds of miles by now", "Selenski could be out of the area", []Option{noStop},
		"Selenski could [-have traveled hundreds-]{+be out+} of [-miles by now-]{+the area+}"},
	{"case folding", "Deraa", "deraa", nil, "Deraa"},
	{"punctuation ignored", "the ferry, which sank.", "the ferry which sank", nil, "the ferry, which sank"},
	{"punctuation counted", "officials said: the ferry sank.", "officials said the ferry sank!", []Option{Punctuation(true)},
		"officials said [-:-] the ferry sank [-.-]{+!+}"},
	{"curly quotes", "Don’t panic, said the “minister”", `don't panic said the "minister"`, nil, "Don’t panic, said the “minister"},
	{"curly quotes counted", "“minister”", `"minister"`, []Option{Punctuation(true)}, "“minister”"},
	{"diacritics folded", "Café in Besançon", "cafe in Besancon", nil, "Café in Besançon"},
	{"lower-cased wire copy against cased prose", "but while amman has sought ties with damascus , jordan remains concerned",
		"But while Amman has sought ties with Damascus, Jordan remains concerned", nil,
		"but while amman has sought ties with damascus , jordan remains concerned"},
	{"case and diacritics together", "president erdogan met the ØRESUND board", "President Erdoğan met the Øresund board", nil,
		"president erdogan met the ØRESUND board"},
	{"full-width letters", "ＵＮ report", "UN report", nil, "ＵＮ report"},
	{"a diacritic-blind fold keeps other letters apart", "Deraa", "Daraa", nil, "[-Deraa-]{+Daraa+}"},
	{"fold dropping words", "the ferry sank", "a ferry sank", []Option{Fold(func(w string) string {
		if w == "the" || w == "a" {
			return ""
		}
		return w
	})}, "ferry sank"},
	{"thousands separator", "more than 8,400 cases", "more than 8400 cases", nil, "more than 8,400 cases"},
	{"decimal", "rose 3.5%", "rose 3.6%", nil, "rose [-3.5%-]{+3.6%+}"},
	{"hyphen splits", "the pro-government militia", "the anti-government militia", nil, "the [-pro-]{+anti+} government militia"},
	{"apostrophe joins", "the ferry's crew", "the ferry crew", nil, "the [-ferry's-]{+ferry+} crew"},
	{"CJK", "東京で地震があった", "大阪で地震があった", nil, "[-東京-]{+大阪+} で地震があった"},
	{"CJK mixed", "地震 in Tokyo", "地震 in Osaka", nil, "地震 in [-Tokyo-]{+Osaka+}"},
	{"emoji", "fire 🔥 and 👍🏽 in 🇫🇷", "fire 💧 and 👍🏽 in 🇩🇪", nil, "fire [-🔥-]{+💧+} and 👍🏽 in [-🇫🇷-]{+🇩🇪+}"},
	{"emoji ZWJ sequence", "👨‍👩‍👧 family", "👨‍👩‍👦 family", nil, "[-👨‍👩‍👧-]{+👨‍👩‍👦+} family"},
	{"currency", "$5 fine", "€5 fine", nil, "[-$-]{+€+} 5 fine"},
	{"invalid UTF-8", "ferry \xff sank", "ferry \xfe sank", nil, "ferry \xff sank"},
	{"newlines collapse", "the ferry\n\nsank", "the  ferry sank", nil, "the ferry sank"},
}

func TestDiff(t *testing.T) {
	for _, tt := range diffTests {
		t.Run(tt.name, func(t *testing.T) {
			edits := Diff(tt.a, tt.b, tt.opts...)
			checkEdits(t, tt.a, tt.b, edits, tt.opts...)
			if got := Format(tt.a, tt.b, edits); got != tt.want {
				t.Errorf("Diff(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestDiffOps(t *testing.T) {
	edits := Diff("12 people died in the crash", "15 people were killed in a crash")
	var ops []string
	for _, e := range edits {
		ops = append(ops, fmt.Sprintf("%v %d/%d", e.Op, e.AWords, e.BWords))
	}
	got := strings.Join(ops, ", ")
	want := "replace 1/1, equal 1/1, replace 1/2, equal 1/1, replace 1/1, equal 1/1"
	if got != want {
		t.Errorf("ops = %s, want %s", got, want)
	}
	// An Insert sits, empty, where its words would go in a.
	a, b := "the ferry sank", "the old ferry sank"
	edits = Diff(a, b)
	if e := edits[1]; e.Op != Insert || e.A != [2]int{3, 3} || b[e.B[0]:e.B[1]] != "old" {
		t.Errorf("insert edit = %+v, want Insert at A [3 3] of %q", e, "old")
	}
	if e := Diff("ferry sank", "the ferry sank")[0]; e.Op != Insert || e.A != [2]int{0, 0} {
		t.Errorf("insert at start = %+v, want A [0 0]", e)
	}
	// Words equal once folded keep each claim's own text and offsets.
	a, b = "the ferry left amman for erdogan's port", "The ferry left AMMAN for Erdoğan’s port"
	edits = Diff(a, b)
	if len(edits) != 1 || edits[0].Op != Equal || a[edits[0].A[0]:edits[0].A[1]] != a || b[edits[0].B[0]:edits[0].B[1]] != b {
		t.Errorf("folded equal = %+v, want one Equal spanning both claims", edits)
	}
}

func TestSimilarity(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"", "", 1},
		{"the ferry sank", "the ferry sank", 1},
		{"the ferry sank", "", 0},
		{"ferry sank", "boat capsized", 0},
		{"the ferry sank on tuesday", "the ferry capsized on tuesday", 0.8},
		{"a b", "a b c d", 4.0 / 6},
	} {
		if got := Similarity(Diff(tt.a, tt.b)); got != tt.want {
			t.Errorf("Similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestOpString(t *testing.T) {
	for op, want := range map[Op]string{Equal: "equal", Delete: "delete", Insert: "insert", Replace: "replace", 9: "Op(9)"} {
		if got := op.String(); got != want {
			t.Errorf("Op(%d).String() = %q, want %q", op, got, want)
		}
	}
}

func TestWordRune(t *testing.T) {
	for _, tt := range []struct {
		i    int
		want rune
		ok   bool
	}{
		{0, 1, true},
		{0xD7FE, 0xD7FF, true},
		{0xD7FF, 0xE000, true}, // the surrogates are skipped
		{0x10F7FE, 0x10FFFF, true},
		{0x10F7FF, 0, false}, // no runes left
		{-1, 0, false},
		{math.MaxInt, 0, false}, // no wrap-around into valid runes
	} {
		got, ok := wordRune(tt.i)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("wordRune(%#x) = %#x, %v; want %#x, %v", tt.i, got, ok, tt.want, tt.ok)
		}
		if ok && !utf8.ValidRune(got) {
			t.Errorf("wordRune(%#x) = %#x, not a valid rune", tt.i, got)
		}
	}
}

func TestTokenize(t *testing.T) {
	for _, tt := range []struct {
		in    string
		punct bool
		want  string // tokens joined by |
	}{
		{"Don't stop, it’s 12:30 — 3.5% of 1,000 (24/7).", false, "Don't|stop|it’s|12:30|3.5%|of|1,000|24/7"},
		{"Don't stop, it’s.", true, "Don't|stop|,|it’s|."},
		{"'quoted' students’ end.", false, "quoted|students|end"},
		{"well-known U.S. e-mail", false, "well|known|U|S|e|mail"},
		{"東京で 地震", false, "東|京|で|地|震"},
		{"fire🔥🔥 👍🏽x 🇫🇷🇩🇪 #️⃣", false, "fire|🔥|🔥|👍🏽|x|🇫🇷|🇩🇪|#️⃣"},
		{"co\u00ADoperate zero\u200Bwidth", false, "co\u00ADoperate|zero|width"},
		{"e\u0301te\u0301 \u0301x", false, "e\u0301te\u0301|\u0301x"},
		{"$5 a+b 30°C", false, "$|5|a|b|30|°|C"},
		{"\xff\xfeab", false, "\xff|\xfe|ab"},
	} {
		c := config{fold: DefaultFold, stop: IsStopWord, punct: tt.punct}
		var got []string
		for _, tok := range tokenize(tt.in, &c) {
			got = append(got, tt.in[tok.start:tok.end])
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestDefaultFold(t *testing.T) {
	for in, want := range map[string]string{
		"Deraa":     "deraa",
		"DON’T":     "don't",
		"“":         `"`,
		"—":         "-",
		"8,400":     "8400",
		"1,000,000": "1000000",
		"1,5":       "1,5",
		"12,34":     "12,34",
		"1,234.5":   "1234.5",
		"ÉTÉ":       "ete",
		"Erdoğan":   "erdogan",
		"Øresund":   "oresund",
		"Straße":    "strasse",
		"Ｔｏｋｙｏ":     "tokyo",
	} {
		if got := DefaultFold(in); got != want {
			t.Errorf("DefaultFold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMaxWords checks the bound on work: a middle above MaxWords words is
// one change, and the common prefix and suffix around it stay Equal.
func TestMaxWords(t *testing.T) {
	a := "start " + numbered("a", MaxWords/2+1) + " end"
	b := "start " + numbered("b", MaxWords/2) + " end"
	edits := Diff(a, b)
	checkEdits(t, a, b, edits)
	if len(edits) != 3 || edits[1].Op != Replace || edits[1].AWords != MaxWords/2+1 || edits[1].BWords != MaxWords/2 {
		t.Fatalf("over MaxWords: got %d edits, middle %+v; want equal, one replace, equal", len(edits), edits[1])
	}
	// At the bound, shared words in the middle are still found.
	a = numbered("a", MaxWords/2-1) + " shared " + numbered("c", 0)
	b = numbered("b", MaxWords/2-1) + " shared"
	if edits := Diff(a, b); len(edits) != 2 || edits[1].Op != Equal {
		t.Errorf("at MaxWords: got %d edits, want replace then equal", len(edits))
	}
}

func numbered(prefix string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%s%d", prefix, i)
	}
	return strings.Join(w, " ")
}

// TestGolden diffs each testdata/*.txt archive's a and b and compares the
// rendering, similarity and edit list with its want section. These are the
// cases where readability was judged by eye; go test -update rewrites the
// want sections after a deliberate change, to be reviewed in the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ar := parseTxtar(string(data))
			a, b := strings.TrimSuffix(ar.get("a"), "\n"), strings.TrimSuffix(ar.get("b"), "\n")
			var opts []Option
			for _, o := range strings.Fields(ar.get("opts")) {
				switch o {
				case "punct":
					opts = append(opts, Punctuation(true))
				case "nostop":
					opts = append(opts, noStop)
				default:
					t.Fatalf("unknown option %q", o)
				}
			}
			edits := Diff(a, b, opts...)
			checkEdits(t, a, b, edits, opts...)
			got := render(a, b, edits)
			if *update {
				ar.set("want", got)
				if err := os.WriteFile(file, []byte(ar.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := ar.get("want"); got != want {
				t.Errorf("%s: got\n%s\nwant\n%s", file, got, want)
			}
		})
	}
}

func render(a, b string, edits []Edit) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s\nsimilarity %.3f\n", Format(a, b, edits), Similarity(edits))
	for _, e := range edits {
		fmt.Fprintf(&sb, "%-7s %q %q\n", e.Op, a[e.A[0]:e.A[1]], b[e.B[0]:e.B[1]])
	}
	return sb.String()
}

// txtar is the archive format of golang.org/x/tools/txtar, which this module
// does not require: a comment, then files introduced by "-- name --" lines.
type txtar struct {
	comment string
	names   []string
	data    map[string]string
}

func parseTxtar(s string) *txtar {
	ar := &txtar{data: map[string]string{}}
	name := ""
	var sb strings.Builder
	flush := func() {
		if name == "" {
			ar.comment = sb.String()
		} else {
			ar.names = append(ar.names, name)
			ar.data[name] = sb.String()
		}
		sb.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		if n, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "-- "); ok && strings.HasSuffix(n, " --") {
			flush()
			name = strings.TrimSuffix(n, " --")
			continue
		}
		sb.WriteString(line)
	}
	flush()
	return ar
}

func (ar *txtar) get(name string) string { return ar.data[name] }

func (ar *txtar) set(name, data string) {
	if _, ok := ar.data[name]; !ok {
		ar.names = append(ar.names, name)
	}
	ar.data[name] = data
}

func (ar *txtar) format() string {
	var sb strings.Builder
	sb.WriteString(ar.comment)
	for _, n := range ar.names {
		fmt.Fprintf(&sb, "-- %s --\n%s", n, ar.data[n])
	}
	return sb.String()
}

// checkEdits verifies the contract of Diff's result: spans in range and in
// order, ops consistent with word counts, Equal and changes alternating,
// Equal edits pairing equal folded words, and the non-empty spans covering
// the words of each claim exactly once, in order (the reconstruction
// property).
func checkEdits(t testing.TB, a, b string, edits []Edit, opts ...Option) {
	t.Helper()
	c := config{fold: DefaultFold, stop: IsStopWord}
	for _, o := range opts {
		o(&c)
	}
	ta, tb := tokenize(a, &c), tokenize(b, &c)
	ia, ib := 0, 0
	posA, posB := 0, 0
	for k, e := range edits {
		if k > 0 && (edits[k-1].Op == Equal) == (e.Op == Equal) {
			t.Fatalf("edit %d (%v) follows %v: Equal and changes must alternate", k, e.Op, edits[k-1].Op)
		}
		wantA, wantB := e.AWords > 0, e.BWords > 0
		switch e.Op {
		case Equal:
			if e.AWords != e.BWords || !wantA {
				t.Fatalf("edit %d: equal with %d/%d words", k, e.AWords, e.BWords)
			}
		case Delete:
			if !wantA || wantB {
				t.Fatalf("edit %d: delete with %d/%d words", k, e.AWords, e.BWords)
			}
		case Insert:
			if wantA || !wantB {
				t.Fatalf("edit %d: insert with %d/%d words", k, e.AWords, e.BWords)
			}
		case Replace:
			if !wantA || !wantB {
				t.Fatalf("edit %d: replace with %d/%d words", k, e.AWords, e.BWords)
			}
		default:
			t.Fatalf("edit %d: unknown op %v", k, e.Op)
		}
		checkSpan(t, "a", k, e.A, e.AWords, ta, &ia, &posA, len(a))
		checkSpan(t, "b", k, e.B, e.BWords, tb, &ib, &posB, len(b))
		if e.Op == Equal {
			for i := range e.AWords {
				if x, y := ta[ia-e.AWords+i].key, tb[ib-e.BWords+i].key; x != y {
					t.Fatalf("edit %d: equal pairs %q with %q", k, x, y)
				}
			}
		}
	}
	if ia != len(ta) || ib != len(tb) {
		t.Fatalf("edits cover %d/%d words of a and %d/%d of b", ia, len(ta), ib, len(tb))
	}
	if s := Similarity(edits); s < 0 || s > 1 {
		t.Fatalf("similarity %v out of [0, 1]", s)
	}
}

func checkSpan(t testing.TB, side string, k int, span [2]int, words int, ts []token, next, pos *int, n int) {
	t.Helper()
	if span[0] < 0 || span[0] > span[1] || span[1] > n {
		t.Fatalf("edit %d: %s span %v out of range [0, %d]", k, side, span, n)
	}
	if words == 0 {
		if span[0] != *pos || span[1] != *pos {
			t.Fatalf("edit %d: empty %s span %v, want [%d %d]", k, side, span, *pos, *pos)
		}
		return
	}
	if span[0] < *pos {
		t.Fatalf("edit %d: %s span %v overlaps the previous one ending at %d", k, side, span, *pos)
	}
	if *next+words > len(ts) {
		t.Fatalf("edit %d: %s span claims %d words, only %d left", k, side, words, len(ts)-*next)
	}
	if first, last := ts[*next], ts[*next+words-1]; span[0] != first.start || span[1] != last.end {
		t.Fatalf("edit %d: %s span %v, want [%d %d] (words %d..%d)", k, side, span, first.start, last.end, *next, *next+words-1)
	}
	*next += words
	*pos = span[1]
}

// lcs is the textbook dynamic programme for the length of a longest common
// subsequence, against which the go-diff result is checked for optimality.
func lcs(a, b []token) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i].key == b[j].key {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func FuzzDiff(f *testing.F) {
	for _, tt := range diffTests {
		f.Add(tt.a, tt.b, false)
		f.Add(tt.a, tt.b, true)
	}
	f.Fuzz(func(t *testing.T, a, b string, punct bool) {
		opts := []Option{Punctuation(punct)}
		edits := Diff(a, b, opts...)
		checkEdits(t, a, b, edits, opts...)
		_ = Format(a, b, edits)
		if self := Diff(a, a, opts...); len(self) > 1 || (len(self) == 1 && self[0].Op != Equal) {
			t.Fatalf("Diff(a, a) = %v, want one Equal", self)
		}
		// Before cleanup, the script is a shortest one: it keeps a
		// longest common subsequence of words (within MaxWords, where
		// the search is not cut short).
		c := config{fold: DefaultFold, stop: IsStopWord, punct: punct}
		ta, tb := tokenize(a, &c), tokenize(b, &c)
		if len(ta)+len(tb) > MaxWords || len(ta)*len(tb) > 1<<16 {
			return
		}
		eq := 0
		for _, o := range diffTokens(ta, tb, MaxWords) {
			if o.op == Equal {
				eq += o.i1 - o.i0
			}
		}
		if want := lcs(ta, tb); eq != want {
			t.Fatalf("diff keeps %d common words, LCS is %d", eq, want)
		}
	})
}

// TestMSRP runs the invariants over the real news paraphrases of the shared
// data set when it is present (it may not be redistributed, so it is not in
// testdata).
func TestMSRP(t *testing.T) {
	f, err := os.Open("../../../shared/data/msrp/train.tsv")
	if err != nil {
		t.Skip("MSRP not available:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 || cols[0] == "label" {
			continue
		}
		checkEdits(t, cols[3], cols[4], Diff(cols[3], cols[4]))
		n++
	}
	if n == 0 {
		t.Fatal("no pairs read")
	}
}

// claimPair returns two claims of about n words each that differ the way
// reports of one story do: a replaced word every seventh word, an inserted
// one every eleventh, a dropped one every thirteenth.
func claimPair(n int) (string, string) {
	r := rand.New(rand.NewSource(int64(n)))
	vocab := strings.Fields("the ferry sank on tuesday off the coast of deraa killing 12 people according to officials who said rescue teams were still searching for survivors in rough seas a spokesman for the coast guard told reporters that")
	var a, b []string
	for i := range n {
		w := vocab[r.Intn(len(vocab))]
		a = append(a, w)
		switch {
		case i%7 == 3:
			b = append(b, "changed")
		case i%11 == 5:
			b = append(b, w, "added")
		case i%13 == 8:
		default:
			b = append(b, w)
		}
	}
	return strings.Join(a, " "), strings.Join(b, " ")
}

func BenchmarkDiff(b *testing.B) {
	a40, b40 := claimPair(40)
	a2k, b2k := claimPair(2000)
	aw, bw := numbered("a", MaxWords/2), numbered("b", MaxWords/2)
	for _, bb := range []struct {
		name string
		a, b string
	}{
		{"claim-40", a40, b40},
		{"report-2000", a2k, b2k},
		{"unrelated-2000", aw, bw}, // the worst case MaxWords allows
		{"unrelated-over-max", aw + " x", bw},
	} {
		b.Run(bb.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Diff(bb.a, bb.b)
			}
		})
	}
}
