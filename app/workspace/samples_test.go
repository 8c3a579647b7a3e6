package workspace_test

import (
	"context"
	"errors"
	"testing"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/workspace"
	"parallax/assets"
)

func TestEnsureSamplesFirstRun(t *testing.T) {
	ctx := context.Background()
	st := apptest.NewStore()
	ws := workspace.New(st)

	added, err := ws.EnsureSamples(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := assets.Samples()
	if added != len(want) {
		t.Fatalf("added %d, want %d", added, len(want))
	}
	if setting(t, st) == "" {
		t.Error("setting not recorded")
	}
	byFile := map[string]app.Report{}
	for _, r := range st.All() {
		byFile[r.FileName] = r
	}
	for _, s := range want {
		r, ok := byFile[s.File]
		if !ok {
			t.Errorf("sample %s not stored (by file name)", s.File)
			continue
		}
		if r.Title != s.Title || r.Outlet != s.Outlet || r.Author != s.Author || r.URL != s.URL {
			t.Errorf("%s: metadata %q/%q/%q/%q, want %q/%q/%q/%q", s.File,
				r.Title, r.Outlet, r.Author, r.URL, s.Title, s.Outlet, s.Author, s.URL)
		}
		if r.Published != s.Published {
			t.Errorf("%s: published %q, want %q", s.File, r.Published, s.Published)
		}
		if r.Text == "" || r.Hash == "" {
			t.Errorf("%s: stored without text or hash", s.File)
		}
	}
}

func TestEnsureSamplesDeletedStayDeleted(t *testing.T) {
	ctx := context.Background()
	st := apptest.NewStore()
	ws := workspace.New(st)
	if _, err := ws.EnsureSamples(ctx); err != nil {
		t.Fatal(err)
	}
	for _, r := range st.All() {
		if err := ws.Remove(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
	}
	added, err := ws.EnsureSamples(ctx)
	if err != nil || added != 0 || st.Count() != 0 {
		t.Fatalf("second run: added %d, err %v, %d reports; want nothing back", added, err, st.Count())
	}
}

func TestEnsureSamplesNotIntoExistingLibrary(t *testing.T) {
	ctx := context.Background()
	st := apptest.NewStore()
	st.Put(app.Report{ID: 7, Title: "mine", Hash: "x"})
	ws := workspace.New(st)
	added, err := ws.EnsureSamples(ctx)
	if err != nil || added != 0 || st.Count() != 1 {
		t.Fatalf("added %d, err %v, %d reports; want the library untouched", added, err, st.Count())
	}
	if setting(t, st) == "" {
		t.Error("an existing library should record that samples were offered")
	}
}

func TestEnsureSamplesFailureRetries(t *testing.T) {
	ctx := context.Background()
	st := apptest.NewStore()
	st.FailAdd = errors.New("disk full")
	ws := workspace.New(st)
	if _, err := ws.EnsureSamples(ctx); err == nil {
		t.Fatal("want an error when the store fails")
	}
	if setting(t, st) != "" {
		t.Fatal("setting recorded after a failure; the next start would not retry")
	}
	st.FailAdd = nil
	added, err := ws.EnsureSamples(ctx)
	if err != nil || added != 3 {
		t.Fatalf("retry: added %d, err %v", added, err)
	}
}

// setting reads whether the samples were recorded as loaded.
func setting(t *testing.T, st *apptest.Store) string {
	t.Helper()
	v, err := st.Setting(context.Background(), workspace.SamplesLoadedKey)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
