package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain words", "plain words"},
		{"Mixed Case", "mixed case"},
		{"Erdoğan", "erdogan"},
		{"Café Zürich", "cafe zurich"},
		{"ÉCOLE", "ecole"},
		{"ﬁnance", "finance"}, // ligature (NFKC)
		{"ＡＢＣ１２", "abc12"},    // full width (NFKC)
		{"Straße", "strasse"}, // ß
		{"Øresund Łódź", "oresund lodz"},
		{"Daraʿa", "daraa"}, // ayn as a modifier letter
		{"it’s ‘quoted’", "it's 'quoted'"},
		{"“double” „low“", `"double" "low"`},
		{"a–b—c―d‐e‑f‒g", "a-b-c-d-e-f-g"},
		{"İstanbul", "istanbul"},
		{"한국", "한국"},         // Hangul survives decomposition and recomposition
		{"مُحَمَّد", "محمد"}, // Arabic vowel marks are dropped
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldNoAllocForFoldedASCII(t *testing.T) {
	s := "already folded ascii text"
	if n := testing.AllocsPerRun(100, func() { _ = Fold(s) }); n != 0 {
		t.Errorf("Fold allocated %v times on folded ASCII", n)
	}
}

type wantTok struct {
	text, norm string
	flags      Flags
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []wantTok
	}{
		{"", nil},
		{" , . ( ) - ", nil},
		{"trump s administration", []wantTok{{"trump s", "trump", Possessive | Merged}, {"administration", "administration", 0}}},
		{"Trump's administration", []wantTok{{"Trump's", "trump", Possessive | Capital}, {"administration", "administration", 0}}},
		{"Russia’s war", []wantTok{{"Russia’s", "russia", Possessive | Capital}, {"war", "war", 0}}},
		{"we won t allow", []wantTok{{"we", "we", Stop}, {"won t", "won't", Merged}, {"allow", "allow", 0}}},
		{"i m sure", []wantTok{{"i m", "i'm", Merged | Stop}, {"sure", "sure", 0}}},
		{"it s over", []wantTok{{"it s", "it's", Merged | Stop}, {"over", "over", Stop}}},
		{"don't", []wantTok{{"don't", "don't", 0}}},
		{"the u.s. envoy", []wantTok{{"the", "the", Stop}, {"u.s.", "us", Acronym}, {"envoy", "envoy", 0}}},
		{"give it to us", []wantTok{{"give", "give", 0}, {"it", "it", Stop}, {"to", "to", Stop}, {"us", "us", Stop}}},
		{"US officials", []wantTok{{"US", "us", Acronym | Capital}, {"officials", "officials", 0}}},
		{"a russian-u.s. team", []wantTok{{"a", "a", Stop}, {"russian", "russian", 0}, {"u.s.", "us", Acronym | Joined}, {"team", "team", 0}}},
		{"a u.s.-led program", []wantTok{{"a", "a", Stop}, {"u.s.", "us", Acronym}, {"led", "led", Joined}, {"program", "program", 0}}},
		{"Bashar al-Assad", []wantTok{{"Bashar", "bashar", Capital}, {"al", "al", Stop}, {"Assad", "assad", Capital | Joined}}},
		{"Iran-backed", []wantTok{{"Iran", "iran", Capital}, {"backed", "backed", Joined}}},
		{"al-Nour—a group", []wantTok{{"al", "al", Stop}, {"Nour", "nour", Capital | Joined}, {"a", "a", Stop}, {"group", "group", 0}}},
		{"1,200 troops", []wantTok{{"1,200", "1200", 0}, {"troops", "troops", 0}}},
		{"3.5 km", []wantTok{{"3.5", "3.5", 0}, {"km", "km", 0}}},
		{"the 15th and 8th", []wantTok{{"the", "the", Stop}, {"15th", "15th", 0}, {"and", "and", Stop}, {"8th", "8th", 0}}},
		{"in 2015, 100 km", []wantTok{{"in", "in", Stop}, {"2015", "2015", 0}, {"100", "100", 0}, {"km", "km", 0}}},
		{"1,2 and 12,3456", []wantTok{{"1", "1", 0}, {"2", "2", 0}, {"and", "and", Stop}, {"12", "12", 0}, {"3456", "3456", 0}}},
		{"at 9 a.m. today", []wantTok{{"at", "at", Stop}, {"9", "9", 0}, {"a.m.", "am", Acronym}, {"today", "today", 0}}},
		{"J. Smith", []wantTok{{"J", "j", Capital}, {"Smith", "smith", Capital}}},
		{"FSA rebels", []wantTok{{"FSA", "fsa", Acronym | Capital}, {"rebels", "rebels", 0}}},
		{"Erdoğan said", []wantTok{{"Erdoğan", "erdogan", Capital}, {"said", "said", 0}}},
		{"“asset recovery”", []wantTok{{"asset", "asset", 0}, {"recovery", "recovery", 0}}},
		{"the rebels' demands", []wantTok{{"the", "the", Stop}, {"rebels", "rebels", 0}, {"demands", "demands", 0}}},
		{"plan s", []wantTok{{"plan s", "plan", Possessive | Merged}}},
		{"the  s", []wantTok{{"the", "the", Stop}, {"s", "s", 0}}}, // two spaces: not tokenised copy
		{"not no never", []wantTok{{"not", "not", 0}, {"no", "no", 0}, {"never", "never", 0}}},
	}
	for _, tt := range tests {
		got := Tokens(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("Tokens(%q): got %d tokens %v, want %d", tt.in, len(got), texts(got), len(tt.want))
			continue
		}
		for i, w := range tt.want {
			g := got[i]
			if g.Text != w.text || g.Norm != w.norm || g.Flags != w.flags {
				t.Errorf("Tokens(%q)[%d] = {%q %q %06b}, want {%q %q %06b}", tt.in, i, g.Text, g.Norm, g.Flags, w.text, w.norm, w.flags)
			}
			if tt.in[g.Start:g.End] != g.Text {
				t.Errorf("Tokens(%q)[%d]: offsets %d:%d do not give %q", tt.in, i, g.Start, g.End, g.Text)
			}
		}
	}
}

func texts(toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

func TestKinds(t *testing.T) {
	toks := Tokens("In 2015 the G7 met")
	kinds := []Kind{Word, Number, Word, Word, Word}
	for i, k := range kinds {
		if toks[i].Kind != k {
			t.Errorf("%q: kind %d, want %d", toks[i].Text, toks[i].Kind, k)
		}
	}
}

func TestAppendTokensSpan(t *testing.T) {
	text := "first claim here. second claim there."
	toks := AppendTokens(nil, text, 18, len(text))
	if len(toks) != 3 || toks[0].Text != "second" || toks[0].Start != 18 {
		t.Fatalf("span tokens = %+v", toks)
	}
	toks = AppendAnalyze(toks, text, 0, 17)
	if len(toks) != 6 || toks[3].Text != "first" || toks[3].Stem != "first" {
		t.Fatalf("appended tokens = %+v", toks)
	}
	if got := AppendTokens(nil, text, 10, 5); got != nil {
		t.Errorf("empty span gave %v", got)
	}
}

func TestAnalyze(t *testing.T) {
	toks := Analyze("Negotiations resumed after the rebels' surrender in Deraa; Qadhafi’s forces")
	want := []struct{ norm, stem, key string }{
		{"negotiations", "negoti", "nakttns"},
		{"resumed", "resum", "rasmd"},
		{"after", "after", ""},
		{"the", "the", ""},
		{"rebels", "rebel", "rabls"},
		{"surrender", "surrend", "surndr"},
		{"in", "in", ""},
		{"deraa", "deraa", "dar"},
		{"qadhafi", "qadhafi", "kadf"},
		{"forces", "forc", "furss"},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %v", texts(toks))
	}
	for i, w := range want {
		g := toks[i]
		if g.Norm != w.norm || g.Stem != w.stem || g.Key != w.key {
			t.Errorf("%q: norm %q stem %q key %q, want %q %q %q", g.Text, g.Norm, g.Stem, g.Key, w.norm, w.stem, w.key)
		}
	}
}

func TestAnalyzeAllocations(t *testing.T) {
	text := "Engineers at the Osk River dam warned on Tuesday that water levels had risen 3.5 metres in a week, the highest since a Russian-U.S. survey team inspected the spillway for Interior Minister Ana Veldt's office."
	buf := make([]Token, 0, 64)
	n := testing.AllocsPerRun(50, func() { buf = AppendAnalyze(buf[:0], text, 0, len(text)) })
	// The arena, plus the scratch buffer when a word outgrows it.
	if n > 3 {
		t.Errorf("AppendAnalyze allocated %v times for one claim, want at most 3", n)
	}
}

func TestStem(t *testing.T) {
	// Outputs of the Snowball reference implementation (English, Porter2).
	tests := []struct{ in, want string }{
		{"caresses", "caress"}, {"ponies", "poni"}, {"ties", "tie"}, {"cries", "cri"},
		{"gaps", "gap"}, {"gas", "gas"}, {"kiwis", "kiwi"}, {"running", "run"},
		{"hopping", "hop"}, {"hoping", "hope"}, {"agreed", "agre"}, {"feed", "feed"},
		{"generously", "generous"}, {"generate", "generat"}, {"consign", "consign"},
		{"consigned", "consign"}, {"consignment", "consign"}, {"consistently", "consist"},
		{"consistency", "consist"}, {"consolidated", "consolid"}, {"conspirators", "conspir"},
		{"constancy", "constanc"}, {"consolatory", "consolatori"}, {"happily", "happili"},
		{"skies", "sky"}, {"dying", "die"}, {"news", "news"}, {"atlas", "atlas"},
		{"communism", "communism"}, {"exceed", "exceed"}, {"luxuriating", "luxuri"},
		{"jumped", "jump"}, {"filing", "file"}, {"sing", "sing"}, {"singing", "sing"},
		{"skating", "skate"}, {"sized", "size"}, {"controlling", "control"}, {"lazy", "lazi"},
		{"happy", "happi"}, {"cry", "cri"}, {"by", "by"}, {"say", "say"}, {"quickly", "quick"},
		{"knightly", "knight"}, {"relational", "relat"}, {"conditional", "condit"},
		{"national", "nation"}, {"university", "univers"}, {"communication", "communic"},
		{"apple", "appl"}, {"ate", "ate"}, {"lying", "lie"}, {"early", "earli"}, {"only", "onli"},
		{"inning", "inning"}, {"proceed", "proceed"}, {"succeed", "succeed"}, {"ox", "ox"},
		{"a", "a"}, {"bias", "bias"}, {"bowdlerize", "bowdler"}, {"cats", "cat"},
		{"cease", "ceas"}, {"communities", "communiti"}, {"community", "communiti"},
		{"conflated", "conflat"}, {"conformably", "conform"}, {"cosmos", "cosmos"},
		{"creation", "creation"}, {"defensible", "defens"}, {"dependent", "depend"},
		{"dies", "die"}, {"differently", "differ"}, {"digitizer", "digit"},
		{"effective", "effect"}, {"electrical", "electr"}, {"electricity", "electr"},
		{"failing", "fail"}, {"falling", "fall"}, {"feeds", "feed"}, {"fizzed", "fizz"},
		{"formalize", "formal"}, {"formative", "format"}, {"generic", "generic"},
		{"goodness", "good"}, {"gyroscopic", "gyroscop"}, {"happier", "happier"},
		{"happiest", "happiest"}, {"hesitancy", "hesit"}, {"hissing", "hiss"},
		{"homologous", "homolog"}, {"hopeful", "hope"}, {"inference", "infer"},
		{"irritant", "irrit"}, {"knack", "knack"}, {"knackeries", "knackeri"}, {"lion", "lion"},
		{"mating", "mate"}, {"meeting", "meet"}, {"meetings", "meet"}, {"messing", "mess"},
		{"milling", "mill"}, {"motoring", "motor"}, {"nation", "nation"},
		{"nationalize", "nation"}, {"plastered", "plaster"}, {"probate", "probat"},
		{"radically", "radic"}, {"rate", "rate"}, {"rates", "rate"}, {"rational", "ration"},
		{"relate", "relat"}, {"replacement", "replac"}, {"revival", "reviv"},
		{"rolling", "roll"}, {"skis", "ski"}, {"tanned", "tan"}, {"triplicate", "triplic"},
		{"troubled", "troubl"}, {"tying", "tie"}, {"valency", "valenc"}, {"vilely", "vile"},
		{"aberration", "aberr"}, {"abruptness", "abrupt"}, {"absolute", "absolut"},
		{"abated", "abat"}, {"acclivity", "accliv"}, {"accumulations", "accumul"},
		{"agreement", "agreement"}, {"breed", "breed"}, {"ape", "ape"}, {"fluently", "fluentli"},
		{"ied", "ie"}, {"ies", "ie"}, {"because", "becaus"}, {"above", "abov"},
		{"general's", "general"}, {"'catty", "catti"}, {"toy", "toy"}, {"ugly", "ugli"},
		{"agre", "agr"}, {"ugli", "ug"}, {"earli", "ear"},
		{"negotiations", "negoti"}, {"negotiated", "negoti"}, {"resisting", "resist"},
		// Not stemmed: numbers, non-Latin words, mixed forms.
		{"1200", "1200"}, {"15th", "15th"}, {"محمد", "محمد"}, {"", ""},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameKeyVariants(t *testing.T) {
	groups := [][]string{
		{"Deraa", "Daraa", "Dara", "darah", "Dar'a", "Daraʿa", "DERAA"},
		{"Gaddafi", "Qadhafi", "Kadhafi", "Gadhafi", "Qaddafi", "Khadafy"},
		{"Mohammed", "Muhammad", "Mohamed", "Muhammed", "Mohammad"},
		{"al-Assad", "Assad", "Asad", "al Assad", "el-Assad"},
		{"Hezbollah", "Hizbollah", "Hizballah"},
		{"Osama", "Usama"},
		{"Qaeda", "Qaida"},
		{"Kyiv", "Kiev"},
		{"Zelensky", "Zelenskyy", "Zelenskiy"},
		{"Sergei", "Sergey"},
		{"Erdogan", "Erdoğan"},
		{"Bashar al-Assad", "Bashar Assad"},
	}
	for _, g := range groups {
		want := NameKey(g[0])
		if want == "" {
			t.Errorf("NameKey(%q) is empty", g[0])
		}
		for _, v := range g[1:] {
			if got := NameKey(v); got != want {
				t.Errorf("NameKey(%q) = %q, want %q as for %q", v, got, want, g[0])
			}
		}
	}
}

// TestNameKeyDistinct checks that common, clearly different news names keep
// distinct keys, apart from the collisions listed (the price of a skeleton
// key; see NameKey).
func TestNameKeyDistinct(t *testing.T) {
	names := []string{
		"Trump", "Biden", "Obama", "Putin", "Zelensky", "Xi", "Modi", "Macron", "Merkel",
		"Scholz", "Johnson", "Sunak", "Starmer", "Erdogan", "Netanyahu", "Abbas", "Assad",
		"Sisi", "Khamenei", "Raisi", "Rouhani", "Kim", "Moon", "Abe", "Kishida", "Lula",
		"Bolsonaro", "Maduro", "Guterres", "Lavrov", "Blinken", "Pompeo", "Kerry", "Clinton",
		"Bush", "Gore", "Sanders", "Warren", "Harris", "Pence", "Pelosi", "McConnell",
		"Navalny", "Prigozhin", "Shoigu", "Hamas", "Hezbollah", "Damascus", "Amman", "Oman",
		"Jordan", "Syria", "Iran", "Iraq", "Israel", "Egypt", "Lebanon", "Russia", "Turkey",
		"Saudi", "Qatar", "Yemen", "Libya", "Tripoli", "Benghazi", "Aleppo", "Homs", "Idlib",
		"Raqqa", "Mosul", "Baghdad", "Kabul", "Tehran", "Moscow", "Kyiv", "Beirut", "Gaza",
		"Nasib", "Sweida", "Deraa", "Quneitra", "Golan", "Safadi", "Salkhadi", "Hariri",
		"Karad", "Lebanon", "Ankara", "Riyadh", "Doha", "Cairo", "Abdullah", "Hussein",
		"Hassan", "Ali", "Omar", "Khalid", "Ahmed", "Mahmoud", "Youssef", "Ibrahim",
		"Carter", "Reagan", "Nixon", "Kennedy", "Lincoln",
	}
	allowed := map[string]bool{ // known collisions
		"Kerry|Cairo": true,
	}
	seen := map[string]string{}
	for _, n := range names {
		k := NameKey(n)
		if prev, ok := seen[k]; ok && prev != n {
			pair := prev + "|" + n
			if !allowed[pair] {
				t.Errorf("%s and %s share the key %q", prev, n, k)
			}
			continue
		}
		seen[k] = n
	}
}

func TestIsStop(t *testing.T) {
	for _, w := range []string{"the", "and", "of", "it's", "al", "would"} {
		if !IsStop(w) {
			t.Errorf("IsStop(%q) = false", w)
		}
	}
	for _, w := range []string{"not", "no", "never", "won't", "said", "one", "syria", ""} {
		if IsStop(w) {
			t.Errorf("IsStop(%q) = true", w)
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"marsh s office , the u.s. envoy .", "Omar al-Nouri’s forces — 1,200 troops",
		"i m sure we won t", "3.5 km at 9 a.m.", "Erdoğan ﬁnance", "a.b.c.d.", "1,2,3,4", "-x-", "'s",
		"\xff\xfe bad utf8", "u.s.-led", "x.y", "s s s s", "ʿ ʾ ʼ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Analyze(s)
		boundary := make([]bool, len(s)+1)
		for i := 0; i < len(s); {
			boundary[i] = true
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
		boundary[len(s)] = true
		last := 0
		for i, tk := range toks {
			if tk.Start < last || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %d %q has bad span %d:%d after %d", i, tk.Text, tk.Start, tk.End, last)
			}
			if s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("token %d: Text %q != text[%d:%d]", i, tk.Text, tk.Start, tk.End)
			}
			if !boundary[tk.Start] || !boundary[tk.End] {
				t.Fatalf("token %d %q splits a rune", i, tk.Text)
			}
			if strings.TrimSpace(tk.Text) != tk.Text {
				t.Fatalf("token %d %q has outer space", i, tk.Text)
			}
			last = tk.End
		}
		_ = NameKey(s)
		_ = Fold(s)
	})
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"generously", "'s'", "yyy", "ied", "eed", "sses", "bbing", "aeiou", "y'y", "''"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Stem(s)
		if len(out) > len(s)+1 {
			t.Fatalf("Stem(%q) = %q grew by more than one letter", s, out)
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat("Engineers at the Osk River dam warned on Tuesday that water levels had risen 3.5 metres in a week, the highest since a Russian-U.S. survey. ", 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Token
	for i := 0; i < b.N; i++ {
		buf = AppendAnalyze(buf[:0], text, 0, len(text))
	}
}
