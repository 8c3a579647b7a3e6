package assets

import (
	"bytes"
	"strings"
	"testing"
)

func TestDejaVuSans(t *testing.T) {
	f := DejaVuSans()
	for name, b := range map[string][]byte{"regular": f.Regular, "bold": f.Bold, "italic": f.Italic} {
		// A TrueType file starts with the sfnt version 1.0.
		if !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) {
			t.Errorf("%s face is not a TrueType file (%d bytes)", name, len(b))
		}
	}
	if !strings.Contains(f.License, "Bitstream Vera") {
		t.Error("font licence missing")
	}
}
