package workspace

import (
	"context"

	"parallax/app/fetch"
	"parallax/app/ingest"
)

// fetcher gets the pages of imports by address: the import's size limit,
// the package's timeout and redirect bound.
var fetcher = &fetch.Client{MaxSize: ingest.MaxContainerSize}

// readAddress fetches the page at address and reads it as a saved file of
// the kind the server said it is (fetch names it: a PDF link reads as a
// PDF). The charset of the server's Content-Type goes with the bytes
// (ingest.WithCharset), since it outranks the page's own declaration. The
// report's URL is the address the redirects ended at, unless the editor
// gave one: that is the page that was read, where a link shortener or an
// old address would not be.
func readAddress(ctx context.Context, address string, opt ImportOptions) (ingest.Document, error) {
	page, err := fetcher.Get(ctx, address)
	if err != nil {
		return ingest.Document{}, err
	}
	meta := opt.Meta
	if meta.URL == "" {
		meta.URL = page.URL
	}
	return opt.Read.Read(page.Name, ingest.WithCharset(page.Body, page.Charset), meta)
}
