package wntable

import (
	"bytes"
	"reflect"
	"testing"
)

// small is a hand-made table: words "a", "b", "c"; two noun synsets and one
// verb synset; "c" is an inflected form of "b".
func small() *Table {
	return &Table{
		Words:      "a\nb\nc\n",
		WordStart:  []uint32{0, 2, 4, 6},
		Synsets:    [NumPOS]uint32{2, 1, 0, 0},
		SenseCount: []uint8{2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0},
		SenseStart: []uint32{0, 2, 4, 4},
		Senses:     []uint32{1, 0, 0, 2},
		Freq:       []uint32{7, 0, 1 << 20},
		DerivStart: []uint32{0, 1, 2, 2},
		Derived:    []uint32{1, 0},
		ExcStart:   []uint32{0, 0, 0, 1},
		Exceptions: []uint32{PackException(Verb, 1)},
		HypStart:   []uint32{0, 0, 1, 1},
		Hypernyms:  []uint32{0},
	}
}

func encode(t testing.TB, tb *Table) []byte {
	var buf bytes.Buffer
	if err := Encode(&buf, tb); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	want := small()
	b := encode(t, want)
	got, err := Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
	if again := encode(t, got); !bytes.Equal(again, b) {
		t.Error("encoding is not deterministic")
	}
	if w := got.Word(2); w != "c" {
		t.Errorf("Word(2) = %q", w)
	}
	if pos, base := UnpackException(got.Exceptions[0]); pos != Verb || base != 1 {
		t.Errorf("exception = %d, %d", pos, base)
	}
}

func TestEncodeRejects(t *testing.T) {
	for name, break_ := range map[string]func(*Table){
		"unsorted":     func(t *Table) { t.Words = "b\na\nc\n" },
		"counts":       func(t *Table) { t.SenseCount[0] = 3 },
		"derived":      func(t *Table) { t.Derived[0] = 9 },
		"short freq":   func(t *Table) { t.Freq = t.Freq[:2] },
		"hypernym end": func(t *Table) { t.HypStart[3] = 2 },
	} {
		tb := small()
		break_(tb)
		if err := Encode(new(bytes.Buffer), tb); err == nil {
			t.Errorf("%s: Encode accepted a broken table", name)
		}
	}
}

// TestDecodeCorrupt truncates and flips bytes of a valid table: Decode must
// fail or succeed, never panic, and whatever it returns must re-encode.
func TestDecodeCorrupt(t *testing.T) {
	b := encode(t, small())
	for i := range b {
		if _, err := Decode(bytes.NewReader(b[:i])); err == nil {
			t.Errorf("truncated at %d: no error", i)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encode(f, small()))
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := Decode(bytes.NewReader(b))
		if err != nil {
			return
		}
		if err := Encode(new(bytes.Buffer), tb); err != nil {
			t.Errorf("decoded table does not re-encode: %v", err)
		}
	})
}
