package ingest

// The MHTML reader: a web page saved as one file (.mhtml, .mht: Chrome's
// and Edge's "Webpage, single file", Internet Explorer's web archive,
// Word's "Single File Web Page"). It is a MIME message (RFC 2557) whose
// parts are the page and its images and styles; the page is read by the
// HTML reader like any saved page, and the rest is ignored.

import (
	"fmt"
	"strings"

	"github.com/jhillyerd/enmime/v2"
)

func init() {
	register(&format{
		name:    "mhtml",
		exts:    []string{".mhtml", ".mht"},
		sniff:   sniffMHTML,
		rank:    rankMIME,
		maxSize: MaxContainerSize, // images are inlined in base64
		read:    readMHTML,
	})
}

// sniffMHTML recognises a saved page by its first header block.
func sniffMHTML(src []byte) bool {
	h, ok := sniffHeader(src)
	return ok && h.savedPage()
}

// savedPage reports whether a header block is a saved page's: a
// multipart/related message whose root is HTML (its type parameter, when
// given, says text/html) that is not a mail, or one that says it was saved
// by a browser ("From: <Saved by Blink>", Snapshot-Content-Location).
// Chrome writes From, Subject and Date fields as a mail does, so the
// browser's marks are looked for first; a mail with inline images is
// multipart/related too, but it has a recipient or a Message-ID.
func (h headerBlock) savedPage() bool {
	t, params := mediaType(h["content-type"])
	_, snapshot := h["snapshot-content-location"]
	switch {
	case t != "multipart/related" && (t != "text/html" || !snapshot):
		return false
	case snapshot || strings.HasPrefix(strings.ToLower(h["from"]), "<saved by"):
		return true
	}
	if root := strings.ToLower(params["type"]); root != "" && root != "text/html" {
		return false
	}
	for _, f := range []string{"to", "cc", "message-id", "received", "return-path", "delivered-to", "in-reply-to"} {
		if _, ok := h[f]; ok {
			return false
		}
	}
	return true
}

// readMHTML reads the page of a saved web page. Its address is the one the
// page names (canonical link, og:url), else the one the browser recorded
// when saving it (Snapshot-Content-Location, or the page part's
// Content-Location); its title, when the page names none, is the Subject
// field, where browsers put the page's title.
func readMHTML(src []byte, opt Options) (parsed, error) {
	root, err := parseMIME(src, "a saved web page")
	if err != nil {
		return parsed{}, err
	}
	page := rootPage(root)
	if page == nil {
		return parsed{}, fmt.Errorf("%w: a saved web page (MHTML) with no page in it", ErrDamaged)
	}
	p, err := readHTMLPart(page.Content, opt)
	if err != nil {
		return parsed{}, err
	}
	if p.meta.URL == "" {
		p.meta.URL = webAddress(root.Header.Get("Snapshot-Content-Location"))
	}
	if p.meta.URL == "" {
		p.meta.URL = webAddress(page.Header.Get("Content-Location"))
	}
	if p.meta.Title == "" {
		p.meta.Title = decodeHeader(root.Header.Get("Subject"))
	}
	return p, nil
}

// rootPage finds the page of a saved page: the part the start parameter
// names (RFC 2387) when it is HTML, else the first HTML part in document
// order (the main frame; a page's inner frames follow it). A message that
// is a single HTML part is its own page.
func rootPage(root *enmime.Part) *enmime.Part {
	if root.ContentType == "text/html" {
		return root
	}
	isHTML := func(p *enmime.Part) bool { return p.ContentType == "text/html" && p.Disposition != "attachment" }
	_, params := mediaType(root.Header.Get("Content-Type"))
	if start := strings.Trim(params["start"], "<> \t"); start != "" {
		p := root.DepthMatchFirst(func(p *enmime.Part) bool { return p.ContentID == start })
		if p != nil && isHTML(p) {
			return p
		}
	}
	return root.DepthMatchFirst(isHTML)
}
