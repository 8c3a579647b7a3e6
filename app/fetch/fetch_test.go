package fetch

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// server serves the test routes on a local address; tests never reach the
// network.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<html><body><p>Le caf\xe9 a rouvert.</p></body></html>"))
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusMovedPermanently) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/story?x=1", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://files.example/x", http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "oops", http.StatusInternalServerError) })
	mux.HandleFunc("/paywall", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusForbidden) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<p>start"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("a"), 5000))
	})
	mux.HandleFunc("/big-stream", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 5 {
			w.Write(bytes.Repeat([]byte("a"), 1000))
			w.(http.Flusher).Flush() // chunked: no Content-Length to refuse early
		}
	})
	mux.HandleFunc("/download", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4\n"))
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<p>front page</p>"))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

func TestGet(t *testing.T) {
	s := server(t)
	ctx := context.Background()
	c := &Client{Timeout: 2 * time.Second, MaxSize: 4096}

	p, err := c.Get(ctx, s.URL+"/a")
	if err != nil {
		t.Fatal(err)
	}
	if p.URL != s.URL+"/story?x=1" || p.Name != "story.html" || p.MediaType != "text/html" || p.Charset != "ISO-8859-1" {
		t.Errorf("page %+v", p)
	}
	if !bytes.Contains(p.Body, []byte("caf\xe9")) {
		t.Errorf("body %q", p.Body)
	}

	p, err = c.Get(ctx, s.URL+"/download?id=5")
	if err != nil || p.Name != "download.pdf" || p.Charset != "" {
		t.Errorf("pdf: %+v, %v", p, err)
	}
	p, err = c.Get(ctx, s.URL)
	if err != nil || p.Name != "127.0.0.1.html" {
		t.Errorf("front page: %q, %v", p.Name, err)
	}
}

func TestGetErrors(t *testing.T) {
	s := server(t)
	c := &Client{Timeout: 300 * time.Millisecond, MaxSize: 4096, MaxRedirects: 3}
	cases := []struct {
		path string
		kind error
		msg  string
	}{
		{"/gone", ErrStatus, "the server answered 404 Not Found"},
		{"/broken", ErrStatus, "the server answered 500 Internal Server Error (try again later)"},
		{"/paywall", ErrStatus, "the server answered 403 Forbidden (the page may need a login"},
		{"/loop", ErrRedirects, "the address redirected more than 3 times"},
		{"/to-ftp", ErrRedirects, "redirected to a ftp: address"},
		{"/slow", ErrTimeout, "127.0.0.1 did not answer within 300ms"},
		{"/slow-body", ErrTimeout, "did not answer within"},
		{"/big", ErrTooLarge, "the page is too large (over 0 MB)"},
		{"/big-stream", ErrTooLarge, "too large"},
	}
	for _, cs := range cases {
		t.Run(cs.path, func(t *testing.T) {
			start := time.Now()
			_, err := c.Get(context.Background(), s.URL+cs.path)
			if !errors.Is(err, cs.kind) || err == nil || !strings.Contains(err.Error(), cs.msg) {
				t.Errorf("error %v, want %v with %q", err, cs.kind, cs.msg)
			}
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %v", el)
			}
		})
	}
	var fe *Error
	if _, err := c.Get(context.Background(), s.URL+"/gone"); !errors.As(err, &fe) || fe.Status != 404 {
		t.Errorf("status of %v", err)
	}
}

func TestGetAddresses(t *testing.T) {
	for _, a := range []string{"ftp://files.example/x", "file:///etc/passwd", "http://", "https:///path", "http://[::1"} {
		_, err := Get(context.Background(), a)
		if !errors.Is(err, ErrAddress) || !strings.HasPrefix(err.Error(), "not a web address") {
			t.Errorf("%s: %v", a, err)
		}
	}
	for a, want := range map[string]bool{"https://x.example/": true, "HTTP://X": true, " http://x": true, "ftp://x": true, "story.html": false, "http:/x": false, "/tmp/http://x": false, `C:\\news\\a.html`: false} {
		if IsAddress(a) != want {
			t.Errorf("IsAddress(%q) = %v", a, !want)
		}
	}
}

// dialFails is a transport whose connections fail with err, as they do on
// a machine that is offline.
func dialFails(err error) http.RoundTripper {
	return &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) { return nil, err }}
}

func TestGetOffline(t *testing.T) {
	cases := []struct {
		name string
		err  error
		kind error
		msg  string
	}{
		{"no network", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ENETUNREACH)},
			ErrOffline, "could not reach news.example — are you offline?"},
		{"no route", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.EHOSTUNREACH)},
			ErrOffline, "are you offline?"},
		{"lookup failed", &net.DNSError{Err: "server misbehaving", Name: "news.example", IsTemporary: true},
			ErrOffline, "could not reach news.example — are you offline? (its name could not be looked up)"},
		{"no such host", &net.DNSError{Err: "no such host", Name: "news.example", IsNotFound: true},
			ErrNoServer, "no server called news.example was found — check the address"},
		{"no such host, no network", &net.DNSError{Err: "no such host", Name: "news.example", IsNotFound: true},
			ErrOffline, "could not reach news.example — are you offline?"},
		{"refused", &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)},
			ErrRefused, "news.example refused the connection"},
		{"other", errors.New("connection reset by peer"), ErrOffline, "could not reach news.example — are you offline? (connection reset by peer)"},
	}
	defer func(f func() bool) { online = f }(online)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			up := !strings.Contains(c.name, "no network")
			online = func() bool { return up }
			_, err := (&Client{Transport: dialFails(c.err)}).Get(context.Background(), "https://news.example/story")
			if !errors.Is(err, c.kind) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q, want %v with %q", err, c.kind, c.msg)
			}
		})
	}
}

func TestGetRealRefusedAndTLS(t *testing.T) {
	s := httptest.NewServer(http.NotFoundHandler())
	addr := s.URL
	s.Close() // nothing listens there now
	if _, err := Get(context.Background(), addr+"/x"); !errors.Is(err, ErrRefused) {
		t.Errorf("closed port: %v", err)
	}
	ts := httptest.NewUnstartedServer(http.NotFoundHandler())
	ts.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake failure is expected
	ts.StartTLS()
	defer ts.Close()
	_, err := Get(context.Background(), ts.URL+"/x")
	if !errors.Is(err, ErrSecure) || !strings.Contains(err.Error(), "not from a trusted authority") {
		t.Errorf("self-signed: %v", err)
	}
}

func TestGetCancelled(t *testing.T) {
	s := server(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	if _, err := Get(ctx, s.URL+"/slow"); !errors.Is(err, ErrCancelled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestFileName(t *testing.T) {
	cases := []struct{ url, media, want string }{
		{"https://n.example/news/ferry-story", "text/html", "ferry-story.html"},
		{"https://n.example/news/ferry-story.html", "text/html", "ferry-story.html"},
		{"https://n.example/page.htm", "text/html", "page.htm"},
		{"https://n.example/index.php?id=3", "text/html", "index.html"},
		{"https://n.example/", "text/html", "n.example.html"},
		{"https://n.example", "", "n.example"},
		{"https://n.example/files/Report%202025.pdf", "application/pdf", "Report 2025.pdf"},
		{"https://n.example/get", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "get.docx"},
		{"https://n.example/talk.srt", "text/plain", "talk.srt"},
		{"https://n.example/notes", "text/plain", "notes.txt"},
		{"https://n.example/report.pdf", "application/octet-stream", "report.pdf"},
		{"https://n.example/a%2Fb", "text/html", "a_b.html"},
		{"https://n.example/page.mht", "multipart/related", "page.mht"},
	}
	for _, c := range cases {
		u, _ := url.Parse(c.url)
		if got := fileName(u, c.media); got != c.want {
			t.Errorf("fileName(%s, %s) = %q, want %q", c.url, c.media, got, c.want)
		}
	}
}
