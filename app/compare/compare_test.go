package compare_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/apptest"
	"parallax/app/compare"
)

func TestFilesSamples(t *testing.T) {
	paths := apptest.SampleFiles(t)
	var calls, last, total int
	c, err := compare.Files(context.Background(), paths, compare.Options{}, func(d, n int) {
		calls++
		if d < last || d > n {
			t.Errorf("progress %d/%d after %d", d, n, last)
		}
		last, total = d, n
	})
	if err != nil {
		t.Fatal(err)
	}
	if last != total || calls != total+1 {
		t.Errorf("progress ended at %d/%d after %d calls", last, total, calls)
	}
	if len(c.Docs) != 3 {
		t.Fatalf("%d docs", len(c.Docs))
	}
	// Every claim is in exactly one main row; rows hold one claim per report.
	seen := map[align.Ref]int{}
	kinds := map[app.FlagKind]bool{}
	for _, r := range c.Rows {
		docs := map[int]bool{}
		for _, ref := range r.Claims {
			if docs[ref.Doc] {
				t.Errorf("row %v has two claims of report %d", r.Claims, ref.Doc)
			}
			docs[ref.Doc] = true
			if !r.Link {
				seen[ref]++
			}
		}
		for _, f := range r.Flags {
			kinds[f.Kind] = true
			checkFlag(t, &c.Docs, &r, f)
		}
		if len(r.Claims) > 0 && docs[0] && r.Claims[r.Ref].Doc != 0 {
			t.Errorf("row %v: reference %d is not the base report's claim", r.Claims, r.Ref)
		}
	}
	for d, doc := range c.Docs {
		// Named by outlet (the wire's dateline), title (the Ledger's
		// headline) or file name (the radio transcript, which opens with a
		// sentence), never by a first sentence.
		labels := []string{"Meridian Wire", "Lake Tamsara ferry disaster: death toll rises to 15 as questions mount over overloading", "Radio horizon lulinda"}
		if doc.Path != paths[d] || doc.Label() != labels[d] || len(doc.Claims) == 0 {
			t.Errorf("doc %d: path %q label %q, %d claims", d, doc.Path, doc.Label(), len(doc.Claims))
		}
		data, _ := os.ReadFile(paths[d])
		for i := range doc.Claims {
			if n := seen[align.Ref{Doc: d, Claim: i}]; n != 1 {
				t.Errorf("claim %d/%d in %d main rows", d, i, n)
			}
			s, e := doc.FileSpan(i)
			if string(data[s:e]) != doc.ClaimText(i) {
				t.Errorf("claim %d/%d: file bytes %q, text %q", d, i, data[s:e], doc.ClaimText(i))
			}
		}
	}
	// The samples are written to disagree on numbers and names.
	for _, k := range []app.FlagKind{app.FlagNumber, app.FlagName} {
		if !kinds[k] {
			t.Errorf("no %s flag in the samples (found %v)", k, kinds)
		}
	}

	// Texts gives the same rows as Files on the same texts.
	var reports []app.Report
	for _, d := range c.Docs {
		reports = append(reports, d.Report)
	}
	c2, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Rows, c2.Rows) {
		t.Error("Texts and Files disagree on the rows")
	}
}

func TestFilesErrors(t *testing.T) {
	paths := apptest.SampleFiles(t)
	if _, err := compare.Files(context.Background(), paths[:1], compare.Options{}, nil); !errors.Is(err, compare.ErrTooFew) {
		t.Errorf("one file: %v", err)
	}
	missing := filepath.Join(t.TempDir(), "nope.txt")
	_, err := compare.Files(context.Background(), []string{paths[0], missing}, compare.Options{}, nil)
	if err == nil || !strings.Contains(err.Error(), missing) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := compare.Files(ctx, paths, compare.Options{}, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestBase(t *testing.T) {
	paths := apptest.SampleFiles(t)
	c, err := compare.Files(context.Background(), paths, compare.Options{Base: 1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range c.Rows {
		for _, ref := range r.Claims {
			if ref.Doc == 1 && r.Claims[r.Ref].Doc != 1 {
				t.Errorf("row %v: reference is not report 1's claim", r.Claims)
			}
		}
	}
}

// TestClaimCue checks that a transcript's claim takes the cue it begins
// in: a claim starting inside a cue takes that cue, one starting where a
// cue starts takes it, and a report without cues gives none.
func TestClaimCue(t *testing.T) {
	text := "Good evening. The ferry ran aground off Skarra Point this morning.\n\nNobody was hurt, the coastguard said."
	cues := []app.Cue{{Offset: 0, Start: time.Second, Speaker: "PRESENTER"},
		{Offset: strings.Index(text, "aground"), Start: 4 * time.Second, Speaker: "PRESENTER"},
		{Offset: strings.Index(text, "Nobody"), Start: 754 * time.Second, Speaker: "ANNA"}}
	c, err := compare.Texts(context.Background(), []app.Report{
		{Text: text, Cues: cues},
		{Text: "The ferry ran aground. Nobody was hurt."},
	}, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &c.Docs[0]
	var got []string
	for i := range d.Claims {
		cue, ok := d.ClaimCue(i)
		if !ok {
			t.Fatalf("claim %q has no cue", d.ClaimText(i))
		}
		got = append(got, app.Timestamp(cue.Start)+" "+cue.Speaker)
	}
	want := []string{"00:00:01 PRESENTER", "00:00:01 PRESENTER", "00:12:34 ANNA"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("claim cues %q, want %q", got, want)
	}
	if _, ok := c.Docs[1].ClaimCue(0); ok {
		t.Error("a report without cues gave a cue")
	}
}
