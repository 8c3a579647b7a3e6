// Package fetch gets a report from its address: the page (or PDF, or Word
// file) a link points to, for the import to read as if it had been saved.
//
// A fetch is bounded the way an editor expects of a desktop tool: it gives
// up after a timeout, refuses a body over a size limit while reading it
// (not after), follows a bounded number of redirects and records where
// they ended, and speaks only http and https. Its failures are errors in
// the editor's words ("could not reach example.org — are you offline?",
// "the server answered 404 Not Found") that errors.Is tells apart by kind
// (ErrOffline, ErrStatus, ...), so a window can offer a retry where one
// makes sense. The package knows nothing of formats: it names the file it
// got (Page.Name) so the import's registry can read a PDF link as a PDF.
package fetch

import (
	"context"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Defaults for a Client's zero fields.
const (
	// DefaultTimeout is how long a whole fetch may take, the body
	// included: a news page arrives in a second or two, a slow server in
	// ten; after half a minute the editor is better told.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxSize is the largest body accepted (100 MB, the import's
	// limit for a PDF or a Word file).
	DefaultMaxSize = 100 << 20
	// DefaultMaxRedirects is how many redirects are followed: enough for
	// http→https→www→the article, few enough to stop a loop at once.
	DefaultMaxRedirects = 10
)

// userAgent names Parallax to servers; some refuse requests that name no
// program.
const userAgent = "Mozilla/5.0 (compatible; Parallax; +desktop news comparison)"

// Page is what an address gave.
type Page struct {
	// URL is the address the body came from, after redirects.
	URL string
	// Name is a file name for the body, from the address's last path
	// segment and the media type ("story.html", "report.pdf"), so that a
	// reader chosen by extension gets the right kind.
	Name string
	// MediaType is the Content-Type's media type ("text/html"), lower
	// case; empty when the server sent none.
	MediaType string
	// Charset is the Content-Type's charset for text types, as sent
	// ("ISO-8859-1"); empty when none was given or the type is not text.
	Charset string
	// Body is the body as sent (decompressed when the transport did so).
	Body []byte
}

// Client fetches pages. Its zero value uses the defaults above and
// http.DefaultTransport (which honours the proxy environment variables).
type Client struct {
	Timeout      time.Duration
	MaxSize      int64
	MaxRedirects int
	// Transport, when set, makes the requests (tests use it to simulate
	// a machine that is offline).
	Transport http.RoundTripper
}

// IsAddress reports whether s is written as an address rather than a file
// path: a scheme and "://" ("https://…", "ftp://…"). Get fetches only
// http and https addresses and refuses the others with a message, which
// tells the editor more than "no such file" would.
func IsAddress(s string) bool {
	return schemeRE.MatchString(strings.TrimSpace(s))
}

// schemeRE matches the start of an address (RFC 3986 scheme, then "://").
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://`)

// Get fetches address with a zero Client.
func Get(ctx context.Context, address string) (Page, error) {
	return (&Client{}).Get(ctx, address)
}

// Get fetches address. Cancelling ctx stops it.
func (c *Client) Get(ctx context.Context, address string) (Page, error) {
	u, err := parseAddress(address)
	if err != nil {
		return Page{}, err
	}
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	limit := c.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	hc := &http.Client{Transport: c.Transport, CheckRedirect: c.checkRedirect}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Page{}, &Error{Kind: ErrAddress, msg: "not a web address: " + err.Error(), err: err}
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/pdf,*/*;q=0.8")
	resp, err := hc.Do(req)
	if err != nil {
		return Page{}, describe(ctx, err, u.Hostname(), timeout)
	}
	defer resp.Body.Close()
	final := resp.Request.URL
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Page{}, statusError(resp)
	}
	if resp.ContentLength > limit {
		return Page{}, tooLarge(limit)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return Page{}, describe(ctx, err, final.Hostname(), timeout)
	}
	if int64(len(body)) > limit {
		return Page{}, tooLarge(limit)
	}
	p := Page{URL: final.String(), Body: body}
	var params map[string]string
	p.MediaType, params, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if textual(p.MediaType) {
		p.Charset = params["charset"]
	}
	p.Name = fileName(final, p.MediaType)
	return p, nil
}

// parseAddress checks that address is an http or https address with a host.
func parseAddress(address string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(address))
	switch {
	case err != nil:
		return nil, &Error{Kind: ErrAddress, msg: "not a web address: " + strings.TrimPrefix(err.Error(), "parse "), err: err}
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, &Error{Kind: ErrAddress, msg: fmt.Sprintf("not a web address (it must start with http:// or https://, not %s:)", u.Scheme)}
	case u.Hostname() == "":
		return nil, &Error{Kind: ErrAddress, msg: "not a web address: it names no server"}
	}
	return u, nil
}

// checkRedirect bounds redirects and keeps them on http and https.
func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	max := c.MaxRedirects
	if max <= 0 {
		max = DefaultMaxRedirects
	}
	if len(via) > max {
		return &Error{Kind: ErrRedirects, msg: fmt.Sprintf("the address redirected more than %d times (a redirect loop?)", max)}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &Error{Kind: ErrRedirects, msg: fmt.Sprintf("the address redirected to a %s: address, which Parallax does not follow", req.URL.Scheme)}
	}
	return nil
}

// textual reports whether a media type is text, whose charset matters.
func textual(t string) bool {
	return strings.HasPrefix(t, "text/") || strings.HasSuffix(t, "+xml") || t == "application/xml" ||
		t == "application/xhtml+xml" || t == "message/rfc822" || t == "multipart/related" || t == "application/x-mimearchive"
}

// statusError words an error status for the editor.
func statusError(resp *http.Response) error {
	text := strings.TrimSpace(strings.TrimPrefix(resp.Status, fmt.Sprint(resp.StatusCode)))
	if text == "" {
		text = http.StatusText(resp.StatusCode)
	}
	msg := fmt.Sprintf("the server answered %d %s", resp.StatusCode, text)
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		msg += " (the page may need a login or a subscription; save it from the browser and add the file)"
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		msg += " (try again later)"
	}
	return &Error{Kind: ErrStatus, Status: resp.StatusCode, msg: msg}
}

// tooLarge is the error for a body over the limit.
func tooLarge(limit int64) error {
	return &Error{Kind: ErrTooLarge, msg: fmt.Sprintf("the page is too large (over %d MB)", limit>>20)}
}
