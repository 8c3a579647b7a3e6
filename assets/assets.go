// Package assets holds the files Parallax ships inside its binary: the
// application icon and the built-in sample reports a new user starts with.
//
// It is a leaf: it imports nothing from this module and no GUI toolkit, so
// the window, the command line and the claim engine's tests can all use the
// same bytes. The icon is drawn by icon_gen.go (go run assets/icon_gen.go),
// never edited by hand, so it can be redrawn at any size.
package assets

import (
	"embed"
	"fmt"
)

// Icon is the application icon: a 512×512 PNG with a transparent background.
// Three overlapping pages in three colours, with one line running across all
// of them: the same claim seen from several sources.
//
//go:embed icon.png
var Icon []byte

//go:embed samples/*.txt
var sampleFS embed.FS

// Sample is one built-in report with the metadata an editor would have typed
// for it. The three samples are reports of one invented event (the capsizing
// of the ferry MV Lulinda on Lake Tamsara) in three outlet styles, written
// to disagree in ways the claim engine must notice, so they double as test
// fixtures:
//
//   - dead: 12 (wire), 15 (web, a day later), "at least a dozen" (radio);
//   - names: the captain is Mwansa (wire) or Mwanza (web, radio); the port is
//     Kivangu (wire, web) or Kiwangu (radio);
//   - attribution: the minister "said" the ferry was licensed for 50 (wire)
//     versus "according to" the minister (web);
//   - hedge: the ferry "may have been overloaded" (wire) versus "was
//     overloaded" (web);
//   - single-source claims: the operator suspended sailings (wire only), a
//     failed safety inspection (web only), the engine stopped before the
//     capsize (radio only).
type Sample struct {
	// File is the sample's file name, as if it had been imported from disk.
	File      string
	Title     string
	Outlet    string
	Author    string
	Published string // ISO 8601 date
	URL       string
	// Text is the report as it would be read from the file: UTF-8, LF line
	// ends. Callers may keep it; each call of Samples returns fresh copies.
	Text []byte
}

// samples is the metadata; the text comes from samples/<File>.
var samples = []Sample{
	{
		File:      "meridian-wire-lulinda.txt",
		Title:     "Twelve killed as ferry capsizes on Lake Tamsara",
		Outlet:    "Meridian Wire",
		Author:    "Ruth Anyango",
		Published: "2025-03-14",
		URL:       "https://meridianwire.example.org/world/2025/03/14/lake-tamsara-ferry-capsizes",
	},
	{
		File:      "lakeside-ledger-lulinda.txt",
		Title:     "Lake Tamsara ferry disaster: death toll rises to 15 as questions mount over overloading",
		Outlet:    "The Lakeside Ledger",
		Author:    "Naomi Kariuki",
		Published: "2025-03-15",
		URL:       "https://lakesideledger.example.org/news/lulinda-ferry-death-toll-rises",
	},
	{
		File:      "radio-horizon-lulinda.txt",
		Title:     "News at one: search continues after Lake Tamsara ferry capsizes",
		Outlet:    "Radio Horizon",
		Author:    "Tobias Wekesa",
		Published: "2025-03-14",
		URL:       "https://radiohorizon.example.org/bulletins/2025-03-14-1300",
	},
}

// Samples returns the built-in sample reports in a fixed order (wire, web,
// radio). It panics only if the binary was built without its sample files,
// which a test in this package rules out.
func Samples() []Sample {
	out := make([]Sample, len(samples))
	for i, s := range samples {
		b, err := sampleFS.ReadFile("samples/" + s.File)
		if err != nil {
			panic(fmt.Sprintf("assets: sample %s missing: %v", s.File, err))
		}
		s.Text = b
		out[i] = s
	}
	return out
}
