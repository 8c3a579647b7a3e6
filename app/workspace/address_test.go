package workspace_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"parallax/app/apptest"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// pages serves a small site on a local address; tests never reach the
// network.
func pages(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/old-link", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/ferry-story", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/ferry-story", func(w http.ResponseWriter, r *http.Request) {
		// The charset is in the header only; the bytes are Latin-1.
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("The ferry to Portmere sails again on Thursday.\n\nThe caf\xe9 on the pier reopens at seven.\n"))
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/statement", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n%%EOF\n"))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// TestImportAddress checks an import by address: the page fetched, its
// header's charset applied, the final address recorded (unless the editor
// gave one), and nothing stored on an error.
func TestImportAddress(t *testing.T) {
	s := pages(t)
	st := apptest.NewStore()
	ws := workspace.New(st)
	ctx := context.Background()

	res := ws.Import(ctx, []string{s.URL + "/old-link", s.URL + "/gone"}, workspace.ImportOptions{}, nil)
	if len(res) != 2 {
		t.Fatalf("%d outcomes", len(res))
	}
	if res[0].Err != nil || res[0].Path != s.URL+"/old-link" {
		t.Fatalf("first outcome %+v", res[0])
	}
	r, err := st.Report(ctx, res[0].Report.ID) // outcomes carry no text
	if err != nil {
		t.Fatal(err)
	}
	if r.URL != s.URL+"/news/ferry-story" || r.FileName != "ferry-story.txt" || !strings.Contains(r.Text, "The café on the pier") {
		t.Errorf("report url %q file %q text %q", r.URL, r.FileName, r.Text)
	}
	if err := res[1].Err; err == nil || err.Error() != s.URL+"/gone: the server answered 404 Not Found" {
		t.Errorf("404: %v", err)
	}
	if n := len(st.All()); n != 1 {
		t.Errorf("%d reports stored, want 1", n)
	}

	// The editor's address wins; the same text again is a duplicate.
	res = ws.Import(ctx, []string{s.URL + "/news/ferry-story"}, workspace.ImportOptions{Meta: ingest.Meta{URL: "https://gazette.example/ferry"}}, nil)
	if !res[0].Duplicate {
		t.Errorf("second import of the same page: %+v", res[0])
	}
	st2 := apptest.NewStore()
	res = workspace.New(st2).Import(ctx, []string{s.URL + "/news/ferry-story"}, workspace.ImportOptions{Meta: ingest.Meta{URL: "https://gazette.example/ferry"}}, nil)
	if res[0].Err != nil || res[0].Report.URL != "https://gazette.example/ferry" {
		t.Errorf("editor's url: %+v", res[0])
	}

	// A PDF with no text is refused, and nothing is stored.
	st3 := apptest.NewStore()
	res = workspace.New(st3).Import(ctx, []string{s.URL + "/statement"}, workspace.ImportOptions{}, nil)
	if res[0].Err == nil || len(st3.All()) != 0 {
		t.Errorf("pdf: %v, %d stored", res[0].Err, len(st3.All()))
	}
}

// TestImportAddressCancelled checks that a cancelled import fetches nothing.
func TestImportAddressCancelled(t *testing.T) {
	s := pages(t)
	st := apptest.NewStore()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := workspace.New(st).Import(ctx, []string{s.URL + "/news/ferry-story"}, workspace.ImportOptions{}, nil)
	if res[0].Err == nil || !strings.Contains(res[0].Err.Error(), "not imported") || len(st.All()) != 0 {
		t.Errorf("cancelled: %v", res[0].Err)
	}
}
