package ingest

// The pure-Go PDF reader: PDFium, the PDF engine of Chromium, compiled to
// WebAssembly and run by wazero (github.com/klippa-app/go-pdfium in its
// webassembly mode). No C compiler and no installed program is needed, and
// the engine runs in a sandbox: it sees no file system, its memory is
// capped, and a document that keeps it busy too long is killed. A crash
// inside PDFium is a WebAssembly trap, which comes back as an error.

import (
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

const (
	// pdfiumMemoryPages caps the engine's memory at 512 MiB (64 KiB
	// pages): a 100 MB document, its objects and a page rendered for OCR
	// fit; a decompression bomb hits the cap and fails at once instead of
	// filling the machine.
	pdfiumMemoryPages = 1 << 13
	// pdfiumBudget is the most time one document may keep the engine
	// busy; within it, a document gets pdfiumBase plus pdfiumPerPage for
	// each page. PDFium reads about a hundred pages a second here, so a
	// file that takes longer is hostile or broken.
	pdfiumBudget  = 30 * time.Second
	pdfiumBase    = 5 * time.Second
	pdfiumPerPage = 25 * time.Millisecond
	// pdfiumMaxChars bounds the characters read from one page: a real page
	// has a few thousand; a hostile one repeating a text operator can claim
	// millions.
	pdfiumMaxChars = 50_000
	// maxPages is the most pages read: a report, a filing or a statement
	// is far shorter, and a page tree of a million pages is an attack.
	maxPages = 2000
)

// engine is the PDFium runtime, started on first use: compiling the 6 MB
// WebAssembly module takes seconds, so it is done once per process and its
// machine code kept in the user's cache folder for the next start.
var engine struct {
	once sync.Once
	pool pdfium.Pool
	err  error
}

// pdfiumPool starts the engine once and returns it.
func pdfiumPool() (pdfium.Pool, error) {
	engine.once.Do(func() {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfiumMemoryPages)
		if dir, err := os.UserCacheDir(); err == nil {
			if cc, err := wazero.NewCompilationCacheWithDir(filepath.Join(dir, "parallax", "pdfium")); err == nil {
				rc = rc.WithCompilationCache(cc)
			}
		}
		engine.pool, engine.err = webassembly.Init(webassembly.Config{
			MinIdle:       0,
			MaxIdle:       1,
			MaxTotal:      4,
			RuntimeConfig: rc,
			FSConfig:      wazero.NewFSConfig(), // no file system at all
			Stdout:        io.Discard,
			Stderr:        io.Discard,
		})
		if engine.err != nil {
			engine.err = fmt.Errorf("start the PDF reader: %w", engine.err)
		}
	})
	return engine.pool, engine.err
}

// readPDFium reads a document's pages and information dictionary.
func readPDFium(src []byte) (pdfDoc, error) {
	var doc pdfDoc
	err := withPDFium(pdfiumBudget, func(p pdfium.Pdfium, deadline time.Time) (err error) {
		doc, err = pdfiumDocument(p, src, deadline)
		return err
	})
	return doc, err
}

// errPDFiumTime is a document that kept the engine busy past its budget.
var errPDFiumTime = fmt.Errorf("%w: reading it took too long", ErrDamaged)

// withPDFium runs f on an engine instance of its own, with a deadline f
// checks between engine calls (per page and every few thousand
// characters). wazero could interrupt a call in the middle
// (WithCloseOnContextDone), but its checks made text extraction seven
// times slower here, so the bound is cooperative: the caller gets its
// answer at the deadline whatever happens, and an engine call still
// running then (PDFium is fuzzed continuously, so one call does not run
// away for long) finishes in the background and frees its instance. A Go
// panic inside the bindings becomes ErrDamaged, a crash inside PDFium is a
// WebAssembly trap that comes back as an error, and the engine's memory is
// capped, so no document can hang, crash or exhaust the caller.
func withPDFium(budget time.Duration, f func(p pdfium.Pdfium, deadline time.Time) error) error {
	pool, err := pdfiumPool()
	if err != nil {
		return err
	}
	deadline := time.Now().Add(budget)
	inst, err := pool.GetInstance(budget)
	if err != nil {
		return fmt.Errorf("start the PDF reader: %w", err)
	}
	done := make(chan error, 1)
	go func() {
		defer inst.Close()
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("%w: the PDF reader failed on it (%v)", ErrDamaged, r)
			}
		}()
		done <- f(inst, deadline)
	}()
	timer := time.NewTimer(time.Until(deadline) + time.Second)
	defer timer.Stop()
	select {
	case err := <-done:
		return err
	case <-timer.C:
		return errPDFiumTime
	}
}

// pdfiumDocument opens src with an empty password (which opens documents
// protected only against editing) and reads every page.
func pdfiumDocument(p pdfium.Pdfium, src []byte, deadline time.Time) (pdfDoc, error) {
	data := src
	od, err := p.OpenDocument(&requests.OpenDocument{File: &data})
	switch {
	case errors.Is(err, pdfiumerr.ErrPassword):
		return pdfDoc{}, ErrPassword
	case errors.Is(err, pdfiumerr.ErrSecurity):
		return pdfDoc{}, fmt.Errorf("%w (its encryption is of a kind Parallax cannot open)", ErrEncrypted)
	case err != nil:
		return pdfDoc{}, fmt.Errorf("%w: %s", ErrDamaged, pdfiumReason(err))
	}
	d := od.Document
	defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d})
	pc, err := p.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: d})
	if err != nil {
		return pdfDoc{}, fmt.Errorf("%w: %s", ErrDamaged, pdfiumReason(err))
	}
	if pc.PageCount <= 0 {
		return pdfDoc{}, fmt.Errorf("%w: it has no pages", ErrDamaged)
	}
	if pc.PageCount > maxPages {
		return pdfDoc{}, fmt.Errorf("%w (%d pages; the limit is %d)", ErrTooLarge, pc.PageCount, maxPages)
	}
	if d := time.Now().Add(pdfiumBase + time.Duration(pc.PageCount)*pdfiumPerPage); d.Before(deadline) {
		deadline = d
	}
	doc := pdfDoc{reader: readerPDFium, info: pdfiumInfo(p, d)}
	for i := 0; i < pc.PageCount; i++ {
		pg, err := pdfiumPage(p, d, i, deadline)
		if errors.Is(err, errPDFiumTime) {
			return pdfDoc{}, err
		}
		if err != nil {
			// One unreadable page does not lose the others.
			pg = pdfPage{broken: true}
		}
		doc.pages = append(doc.pages, pg)
	}
	return doc, nil
}

// pdfiumReason words a PDFium open error for the editor.
func pdfiumReason(err error) string {
	switch {
	case errors.Is(err, pdfiumerr.ErrFormat):
		return "its structure is not that of a PDF"
	case errors.Is(err, pdfiumerr.ErrFile):
		return "it cannot be read as a PDF"
	}
	return "the PDF reader could not open it"
}

// pdfiumInfo reads the document information dictionary.
func pdfiumInfo(p pdfium.Pdfium, d references.FPDF_DOCUMENT) map[string]string {
	info := map[string]string{}
	for _, tag := range []string{"Title", "Author", "Subject", "CreationDate", "ModDate", "Creator", "Producer"} {
		if r, err := p.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: d, Tag: tag}); err == nil && r.Value != "" {
			info[tag] = r.Value
		}
	}
	return info
}

// pdfiumPage reads page i: its size, its characters with their boxes and
// the number of images on it.
func pdfiumPage(p pdfium.Pdfium, d references.FPDF_DOCUMENT, i int, deadline time.Time) (pdfPage, error) {
	if time.Now().After(deadline) {
		return pdfPage{}, errPDFiumTime
	}
	lp, err := p.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: d, Index: i})
	if err != nil {
		return pdfPage{}, err
	}
	defer p.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	page := requests.Page{ByReference: &lp.Page}
	var pg pdfPage
	if w, err := p.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: page}); err == nil {
		pg.width = float64(w.PageWidth)
	}
	if h, err := p.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: page}); err == nil {
		pg.height = float64(h.PageHeight)
	}
	if n, err := p.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: page}); err == nil {
		for j := 0; j < n.Count && j < 10000; j++ {
			o, err := p.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: page, Index: j})
			if err != nil {
				continue
			}
			if t, err := p.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: o.PageObject}); err == nil && t.Type == enums.FPDF_PAGEOBJ_IMAGE {
				pg.images++
			}
		}
	}
	tp, err := p.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: page})
	if err != nil {
		return pg, err
	}
	defer p.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := p.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return pg, err
	}
	n := min(cc.Count, pdfiumMaxChars)
	t := tp.TextPage
	for j := 0; j < n; j++ {
		if j%4096 == 4095 && time.Now().After(deadline) {
			return pg, errPDFiumTime
		}
		u, err := p.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: t, Index: j})
		if err != nil {
			return pg, err
		}
		r := rune(u.Unicode)
		if r == 2 {
			r = '-' // PDFium's mark for a hyphen that ends a line
		}
		if r == '\r' || r == '\n' || r == 0 {
			// PDFium's own line breaks (the layout finds lines itself), and
			// glyphs with no Unicode value.
			continue
		}
		b, err := p.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: t, Index: j})
		if err != nil {
			return pg, err
		}
		g := glyph{text: string(r),
			x0: float64(b.Rect.Left), x1: float64(b.Rect.Right),
			y0: float64(b.Rect.Bottom), y1: float64(b.Rect.Top)}
		// PDFium's font size is the nominal one: text set at size 1 and
		// scaled by the text matrix (common) reports 1. The loose box is
		// the font's ascent to descent at the real size, about 1.2 em.
		h := g.y1 - g.y0
		if fs, err := p.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: t, Index: j}); err == nil {
			g.size = fs.FontSize
		}
		if h > 0 && (g.size <= 0 || h > 2*g.size || h < 0.5*g.size) {
			g.size = h / 1.2
		}
		if a, err := p.FPDFText_GetCharAngle(&requests.FPDFText_GetCharAngle{TextPage: t, Index: j}); err == nil && a.CharAngle > 0 {
			g.angle = float64(a.CharAngle)
		}
		if r == ' ' {
			if gen, err := p.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: t, Index: j}); err == nil && gen.IsGenerated {
				g.generated = true
			}
		}
		if math.IsNaN(g.x0+g.x1+g.y0+g.y1) || math.IsInf(g.x0+g.x1+g.y0+g.y1, 0) {
			continue
		}
		pg.glyphs = append(pg.glyphs, g)
	}
	return pg, nil
}

// renderPDFium renders the given pages (0-based) at dpi as grey images,
// passing each to f: the pure-Go way to get a scan's page images for OCR.
func renderPDFium(src []byte, pages []int, dpi int, f func(page int, img image.Image) error) error {
	budget := pdfiumBudget + time.Duration(len(pages))*5*time.Second
	return withPDFium(budget, func(p pdfium.Pdfium, deadline time.Time) error {
		data := src
		od, err := p.OpenDocument(&requests.OpenDocument{File: &data})
		if err != nil {
			return fmt.Errorf("%w: %s", ErrDamaged, pdfiumReason(err))
		}
		defer p.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
		for _, i := range pages {
			if time.Now().After(deadline) {
				return errPDFiumTime
			}
			r, err := p.RenderPageInDPI(&requests.RenderPageInDPI{
				Page:        requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: i}},
				DPI:         dpi,
				ImageFormat: requests.RenderImageFormatGrayscale,
			})
			if err != nil {
				return fmt.Errorf("render page %d: %w", i+1, err)
			}
			err = f(i, r.Result.RenderedImage)
			r.Cleanup()
			if err != nil {
				return err
			}
		}
		return nil
	})
}
