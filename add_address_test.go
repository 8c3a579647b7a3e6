package main

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// TestAddAddress adds a page by its address through the command line, as
// an editor would: a local server stands in for the web (tests never reach
// the network), an error status is one line naming the address, and
// nothing is stored for it.
func TestAddAddress(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("The ferry sails again on Thursday.\n\nDivers found no damage.\n"))
	})
	mux.HandleFunc("/short", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/story", http.StatusFound) })
	s := httptest.NewServer(mux)
	defer s.Close()
	db := filepath.Join(t.TempDir(), "lib.db")

	code, out, errs := run(t, db, "add", s.URL+"/short", s.URL+"/missing")
	if code != 1 || !strings.Contains(out, "added report 1: Story") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if want := "parallax: " + s.URL + "/missing: the server answered 404 Not Found\n"; !strings.Contains(errs, want) {
		t.Errorf("stderr %q, want %q", errs, want)
	}
	got := listed(t, db)
	if len(got) != 1 || got[0]["url"] != s.URL+"/story" || got[0]["file"] != "story.txt" {
		t.Errorf("listed %v", got)
	}
}
