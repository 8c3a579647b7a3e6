package ingest

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
)

const (
	// maxStream is the most one compressed stream of a PDF may unpack to:
	// a page image scanned at 600 dpi is under 40 MB.
	maxStream = 256 << 20
	// maxUnpacked bounds what checkStreams unpacks in all.
	maxUnpacked = 1 << 30
)

// checkStreams refuses a decompression bomb before PDFium sees it: each
// Flate stream is unpacked, without keeping it, to see that it stays under
// maxStream. PDFium's memory is capped anyway, but a stream that unpacks
// to hundreds of megabytes keeps it busy in one call, beyond the reach of
// its time budget. Streams that are not Flate, or are encrypted, do not
// unpack and are let through; so is everything past maxUnpacked bytes of
// unpacking (a second or two), which PDFium's own limits then bound.
func checkStreams(src []byte) error {
	total := int64(0)
	for i := 0; i < len(src) && total < maxUnpacked; {
		k := bytes.Index(src[i:], []byte("stream"))
		if k < 0 {
			break
		}
		start := i + k + len("stream")
		i = start
		if k > 0 && src[i-len("stream")-1] == 'd' { // "endstream"
			continue
		}
		switch {
		case bytes.HasPrefix(src[start:], []byte("\r\n")):
			start += 2
		case bytes.HasPrefix(src[start:], []byte("\n")), bytes.HasPrefix(src[start:], []byte("\r")):
			start++
		default:
			continue
		}
		z, err := zlib.NewReader(bytes.NewReader(src[start:]))
		if err != nil {
			continue
		}
		n, _ := io.CopyN(io.Discard, z, maxStream+1)
		total += n
		if n > maxStream {
			return fmt.Errorf("%w: a compressed part unpacks to more than %d MB (a decompression bomb)", ErrDamaged, maxStream>>20)
		}
	}
	return nil
}
