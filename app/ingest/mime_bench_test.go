package ingest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkMIME reads each e-mail and saved page fixture, and a saved page
// the size of a real one (a long article and 40 inlined images); ms/file
// is the figure the README quotes.
func BenchmarkMIME(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("testdata", "eml", "*.eml"))
	pages, _ := filepath.Glob(filepath.Join("testdata", "mhtml", "*.mht*"))
	inputs := map[string][]byte{}
	for _, f := range append(files, pages...) {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs[filepath.Base(f)] = src
	}
	inputs["large.mhtml"] = largePage()
	for name, src := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := Read(name, src, Meta{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/file")
		})
	}
}

// largePage builds a saved page of about 3 MB: a 2,000-paragraph article
// in quoted-printable and 40 base64 images of 50 KB.
func largePage() []byte {
	var page strings.Builder
	page.WriteString("<html><head><meta charset=\"utf-8\"><title>Long read</title></head><body><article>")
	for i := range 2000 {
		fmt.Fprintf(&page, "<p>Paragraph %d of the long report on the harbour, with a café and “quotes”.</p>\n", i)
	}
	page.WriteString("</article></body></html>")
	var b bytes.Buffer
	b.WriteString("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://n.example/long\r\nSubject: Long read\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n")
	b.WriteString(strings.ReplaceAll(page.String(), "=", "=3D"))
	img := strings.Repeat(strings.Repeat("QUJD", 19)+"\r\n", 50000/76)
	for i := range 40 {
		fmt.Fprintf(&b, "\r\n--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://n.example/%d.png\r\n\r\n%s", i, img)
	}
	b.WriteString("\r\n--B--\r\n")
	return b.Bytes()
}

// BenchmarkMIMEHostile reads messages shaped to make a parser slow: each
// should take milliseconds, and none may grow faster than its size.
func BenchmarkMIMEHostile(b *testing.B) {
	hdr := "From: a@b.example\r\nSubject: x\r\n"
	for name, s := range map[string]string{
		"many lines":      hdr + "\r\n" + strings.Repeat("From: x\r\nSent: y\r\n", 100000),
		"many markers":    hdr + "\r\n" + strings.Repeat("---------- Forwarded message ---------\n", 50000),
		"long header":     hdr + "X-Long: " + strings.Repeat("a", 1<<20) + "\r\n\r\nbody",
		"many headers":    hdr + strings.Repeat("X-A: b\r\n", 100000) + "\r\nbody",
		"flowed":          hdr + "Content-Type: text/plain; format=flowed\r\n\r\n" + strings.Repeat("> > soft \r\n", 100000),
		"many parts":      hdr + "Content-Type: multipart/mixed; boundary=q\r\n\r\n" + strings.Repeat("--q\r\nContent-Type: text/plain\r\n\r\n"+strings.Repeat("The ferry sank. ", 100)+"\r\n", maxParts-10) + "--q--\r\n",
		"too many parts":  hdr + "Content-Type: multipart/mixed; boundary=q\r\n\r\n" + strings.Repeat("--q\r\nContent-Type: text/plain\r\n\r\nx\r\n", 20000) + "--q--\r\n",
		"one long line":   hdr + "\r\n" + strings.Repeat("word ", 400000),
		"boundary prefix": hdr + "Content-Type: multipart/mixed; boundary=q\r\n\r\n" + strings.Repeat("--qq\r\n", 100000),
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Read("a.eml", []byte(s), Meta{})
			}
		})
	}
}
