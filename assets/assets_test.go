package assets

import (
	"bytes"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIcon(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 512 || b.Dy() != 512 {
		t.Fatalf("icon is %v, want 512×512", b)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("icon corner is not transparent (alpha %d)", a)
	}
}

func TestSamples(t *testing.T) {
	ss := Samples()
	if len(ss) != 3 {
		t.Fatalf("got %d samples, want 3", len(ss))
	}
	iso := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, s := range ss {
		if s.File == "" || s.Title == "" || s.Outlet == "" || s.Author == "" {
			t.Errorf("%+v: missing metadata", s)
		}
		if !iso.MatchString(s.Published) {
			t.Errorf("%s: published %q is not an ISO date", s.File, s.Published)
		}
		if !strings.HasPrefix(s.URL, "https://") || !strings.Contains(s.URL, ".example.org/") {
			t.Errorf("%s: URL %q is not on example.org", s.File, s.URL)
		}
		if !utf8.Valid(s.Text) || bytes.Contains(s.Text, []byte("\r")) {
			t.Errorf("%s: text is not clean UTF-8 with LF line ends", s.File)
		}
		if n := len(strings.Fields(string(s.Text))); n < 200 || n > 400 {
			t.Errorf("%s: %d words, want a short report", s.File, n)
		}
	}
	// Fresh copies: changing one must not change the next call's.
	ss[0].Text[0] = 'X'
	if Samples()[0].Text[0] == 'X' {
		t.Error("Samples shares its text between calls")
	}
}

// TestSampleDisagreements pins the deliberate differences the claim engine
// is tested against, so an edit to a sample cannot lose one silently.
func TestSampleDisagreements(t *testing.T) {
	ss := Samples()
	wire, web, radio := string(ss[0].Text), string(ss[1].Text), string(ss[2].Text)
	checks := []struct {
		name, text, want string
	}{
		{"wire dateline", wire, "KIVANGU (Meridian Wire) - "},
		{"wire dead", wire, "Twelve people were killed"},
		{"web dead", web, "risen to 15"},
		{"radio dead", radio, "at least a dozen people are dead"},
		{"wire captain", wire, "Amos Mwansa"},
		{"web captain", web, "Amos Mwanza"},
		{"radio port", radio, "Kiwangu harbour"},
		{"wire attribution", wire, "Halima Serwanga said the vessel was licensed"},
		{"web attribution", web, "according to Regional Transport Minister Halima Serwanga"},
		{"wire hedge", wire, "may have been overloaded"},
		{"web hedge", web, "The ferry was overloaded"},
		{"wire only", wire, "suspended all of its sailings"},
		{"web only", web, "failed a safety inspection"},
		{"radio only", radio, "the engine stopped"},
		{"web curly quotes", web, "“We will"},
		{"web em dash", web, " — "},
		{"radio sign-off", radio, "Tobias Wekesa Radio Horizon Kiwangu\n"},
	}
	for _, c := range checks {
		if !strings.Contains(c.text, c.want) {
			t.Errorf("%s: %q missing", c.name, c.want)
		}
	}
	if strings.ContainsAny(strings.TrimSuffix(radio, "\n"), ".,;:?!\"'\n") {
		t.Error("radio transcript must be one line without punctuation")
	}
}
