package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// renderCues writes a transcript with its cues marked where they start,
// "{1.5s ANNA}The ferry left...", the form the table tests and golden files
// compare: one string shows the text, the cue offsets, times and speakers.
func renderCues(d Document) string {
	r := d.Report
	var b strings.Builder
	at := 0
	for _, c := range r.Cues {
		b.WriteString(r.Text[at:c.Offset])
		at = c.Offset
		if c.Speaker != "" {
			fmt.Fprintf(&b, "{%v %s}", c.Start, c.Speaker)
		} else {
			fmt.Fprintf(&b, "{%v}", c.Start)
		}
	}
	b.WriteString(r.Text[at:])
	return b.String()
}

// utf32Bytes encodes s as UTF-32 with a byte order mark.
func utf32Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	order := binary.AppendByteOrder(binary.LittleEndian)
	if bigEndian {
		order = binary.BigEndian
	}
	for _, r := range "\uFEFF" + s {
		b.Write(order.AppendUint32(nil, uint32(r)))
	}
	return b.Bytes()
}

// win1252 encodes s as Windows-1252.
func win1252(s string) []byte {
	out, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return out
}

// subCase is one subtitle input of the table tests, also a fuzz seed.
type subCase struct {
	name string
	file string
	in   []byte
	// want is the text with its cues rendered (renderCues).
	want string
}

const ferrySRT = "1\n00:00:01,000 --> 00:00:03,500\nThe ferry left the pier\nat nine.\n\n2\n00:00:04,000 --> 00:00:06,000\nNobody was hurt.\n"

var subCases = []subCase{
	// Formats and detection.
	{"srt", "a.srt", []byte(ferrySRT), "{1s}The ferry left the pier at nine. {4s}Nobody was hurt."},
	{"srt named txt", "notes.txt", []byte(ferrySRT), "{1s}The ferry left the pier at nine. {4s}Nobody was hurt."},
	{"srt no name", "", []byte(ferrySRT), "{1s}The ferry left the pier at nine. {4s}Nobody was hurt."},
	{"vtt", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:03.500\nThe ferry left.\n\n00:04.000 --> 00:06.000\nNobody was hurt.\n"), "{1s}The ferry left. {4s}Nobody was hurt."},
	{"vtt named txt", "a.txt", []byte("WEBVTT\n\n00:01.000 --> 00:03.500\nThe ferry left.\n"), "{1s}The ferry left."},
	{"vtt hours", "a.vtt", []byte("WEBVTT\n\n1:02:03.004 --> 1:02:05.000\nLate words.\n"), "{1h2m3.004s}Late words."},

	// Line ends and encodings.
	{"crlf", "a.srt", []byte(strings.ReplaceAll(ferrySRT, "\n", "\r\n")), "{1s}The ferry left the pier at nine. {4s}Nobody was hurt."},
	{"cr", "a.srt", []byte(strings.ReplaceAll(ferrySRT, "\n", "\r")), "{1s}The ferry left the pier at nine. {4s}Nobody was hurt."},
	{"cr cr lf", "a.srt", []byte(strings.ReplaceAll(ferrySRT, "\n", "\r\r\n")), "{1s}The ferry left the pier at nine. {4s}Nobody was hurt."},
	{"utf8 bom", "a.srt", []byte("\xEF\xBB\xBF" + ferrySRT), "{1s}The ferry left the pier at nine. {4s}Nobody was hurt."},
	{"utf16le bom", "a.srt", utf16Bytes("1\r\n00:00:01,000 --> 00:00:02,000\r\nCafé “Deraa” 😀\r\n", false), "{1s}Café “Deraa” 😀"},
	{"utf16be bom", "a.vtt", utf16Bytes("WEBVTT\n\n00:01.000 --> 00:02.000\nGrüße\n", true), "{1s}Grüße"},
	{"utf32le bom", "a.srt", utf32Bytes("1\n00:00:01,000 --> 00:00:02,000\nNaïve 😀\n", false), "{1s}Naïve 😀"},
	{"utf32be bom", "a.vtt", utf32Bytes("WEBVTT\n\n00:01.000 --> 00:02.000\nÅre\n", true), "{1s}Åre"},
	{"windows-1252", "a.srt", win1252("1\r\n00:00:01,000 --> 00:00:02,000\r\nHe said “no” at the café – twice.\r\n"), "{1s}He said “no” at the café – twice."},

	// Cue shapes.
	{"unnumbered", "a.srt", []byte("00:00:01,000 --> 00:00:02,000\nOne.\n\n00:00:03,000 --> 00:00:04,000\nTwo.\n"), "{1s}One. {3s}Two."},
	{"no blank between cues", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nOne.\n2\n00:00:03,000 --> 00:00:04,000\nTwo.\n"), "{1s}One. {3s}Two."},
	{"empty cue", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo.\n\n3\n00:00:05,000 --> 00:00:06,000\n   \n"), "{3s}Two."},
	{"out of order", "a.srt", []byte("2\n00:00:05,000 --> 00:00:06,000\nLater.\n\n1\n00:00:01,000 --> 00:00:02,000\nEarlier.\n"), "{5s}Later. {1s}Earlier."},
	{"overlapping", "a.srt", []byte("1\n00:00:01,000 --> 00:00:05,000\nBottom line.\n\n2\n00:00:02,000 --> 00:00:03,000\nTop sign.\n"), "{1s}Bottom line. {2s}Top sign."},
	{"blank line inside srt cue", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nFirst half\n\nsecond half.\n\n2\n00:00:03,000 --> 00:00:04,000\nNext.\n"), "{1s}First half second half. {3s}Next."},
	{"dangling number", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n"), "{1s}One."},
	{"number as text", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nThe score:\n42\n\n2\n00:00:03,000 --> 00:00:04,000\nYes.\n"), "{1s}The score: 42 {3s}Yes."},
	{"srt lenient times", "a.srt", []byte("1\n0:0:1.5 --> 0:0:2.5\nDot and short.\n\n2\n00:00:03:250 --> 00:00:04:000\nColon ms.\n\n3\n00:04,5 --> 00:05,0\nNo hours.\n"), "{1.5s}Dot and short. {3.25s}Colon ms. {4.5s}No hours."},
	{"srt unreadable time", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:0x:03,000 --> 00:00:04,000\nKept.\n"), "{1s}One. {1s}Kept."},
	{"srt settings", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000 X1:100 X2:200 Y1:10 Y2:20\nPositioned.\n"), "{1s}Positioned."},
	{"text before first cue", "a.srt", []byte("\n\n1\n00:00:01,000 --> 00:00:02,000\nOne.\n"), "{1s}One."},

	// WebVTT blocks.
	{"vtt header", "a.vtt", []byte("WEBVTT\nKind: captions\nLanguage: en\n\n00:01.000 --> 00:02.000\nOne.\n"), "{1s}One."},
	{"vtt note style region", "a.vtt", []byte("WEBVTT\n\nREGION\nid:fred width:40%\n\nSTYLE\n::cue { color: red }\n\nNOTE a comment\nover two lines\n\n00:01.000 --> 00:02.000 region:fred align:left\nOne.\n\nNOTE\nanother\n\n00:03.000 --> 00:04.000\nTwo.\n"), "{1s}One. {3s}Two."},
	{"vtt ids", "a.vtt", []byte("WEBVTT\n\nintro\n00:01.000 --> 00:02.000\nOne.\n\n2\n00:03.000 --> 00:04.000\nTwo.\n"), "{1s}One. {3s}Two."},
	{"vtt text ends at empty line", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nOne.\n\nstray block\nof two lines\n\n00:03.000 --> 00:04.000\nTwo.\n"), "{1s}One. {3s}Two."},
	{"vtt line of spaces is text", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\n \nOne.\n"), "{1s}One."},
	{"vtt bad time dropped", "a.vtt", []byte("WEBVTT\n\n00:01.00 --> 00:02.000\nDropped.\n\n00:03.000 --> 00:04.000\nKept.\n"), "{3s}Kept."},
	{"vtt all times lenient", "a.vtt", []byte("WEBVTT\n\n00:01:39 --> 00:01:41.04\nOne.\n\n00:02:04.08 --> 00:02:07.12 align:left\nTwo.\n"), "{1m39s}One. {2m4.08s}Two."},
	{"vtt form feed in timing", "a.vtt", []byte("WEBVTT\n\n00:00:01.000\f-->\v00:00:02.000\nOne.\n"), "{1s}One."},
	{"vtt arrows", "a.vtt", []byte("WEBVTT\n\n-->\n00:01.000 --> 00:02.000\nOne.\nfoo-->\n00:03.000 --> 00:04.000\nTwo.\n"), "{1s}One. {3s}Two."},
	{"vtt timing in header", "a.vtt", []byte("WEBVTT\n00:01.000 --> 00:02.000\nOne.\n"), "{1s}One."},

	// Markup.
	{"srt tags", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n<i>The</i> <b>ferry</b> <u>left</u> <font color=\"#ff0000\">early</font>.<br/>Then <s>it</s> rained.\n"), "{1s}The ferry left early. Then it rained."},
	{"tag inside a word", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nHel<i>lo</i> there.\n"), "{1s}Hello there."},
	{"vtt classes and lang", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<c.yellow.bg_blue>Bright</c> <lang fr>bonjour</lang> <b.loud>now</b>.\n"), "{1s}Bright bonjour now."},
	{"vtt ruby", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<ruby>東京<rt>とうきょう</rt></ruby>に着いた。\n"), "{1s}東京に着いた。"},
	{"vtt inline timestamps", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:03.000\nthe<00:00:01.500><c> ferry</c><00:00:02.000><c> left</c>\n"), "{1s}the ferry left"},
	{"vtt unclosed tag", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nKept <i class\n"), "{1s}Kept"},
	{"vtt every less than is a tag", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<\\b>No way! <bad>Yes</bad>\n"), "{1s}No way! Yes"},
	{"legacy entities", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nTom &amp Jerry &ampere; &lt3\n"), "{1s}Tom & Jerry &ampere; &lt3"},
	{"broken tags", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n<<<i>b>0 <<0>b>1\n"), "{1s}b>0 b>1"},
	{"srt less than is text", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nI <3 ferries and x < 5.\n"), "{1s}I <3 ferries and x < 5."},
	{"ass overrides", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}{\\i1}Top line{\\i0}\\Nsecond\\hline {\\pos(10,20)}end.\n"), "{1s}Top line second line end."},
	{"braces without backslash", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nSet {a, b} stays.\n"), "{1s}Set {a, b} stays."},
	{"entities", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nAT&amp;T &lt;said&gt; &quot;no&quot; caf&#233; 10&nbsp;km &lrm;here&rlm; &#x41;&apos;s R&amp;D &bogus; & co\n"), "{1s}AT&T <said> \"no\" café 10 km here A's R&D &bogus; & co"},
	{"raw bidi marks", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n\u202bمرحبا بكم\u202c\n"), "{1s}مرحبا بكم"},

	// Sound descriptions.
	{"brackets", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n[applause]\n\n2\n00:00:03,000 --> 00:00:04,000\n[DOOR SLAMS] Who is there? [speaking French]\n"), "{3s}Who is there?"},
	{"parentheses at edges", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n(music)\n\n2\n00:00:03,000 --> 00:00:04,000\n(laughs) Yes, we won. (cheering)\n"), "{3s}Yes, we won."},
	{"parentheses inside", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nThe pier (the old one) closed, I was (coughs) there (APPLAUSE) too.\n"), "{1s}The pier (the old one) closed, I was there too."},
	{"long parentheses kept", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n(The council, which met on Monday night, agreed) to act.\n"), "{1s}(The council, which met on Monday night, agreed) to act."},
	{"sound over two lines", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n(computer playing\nelectronic melody)\n\n2\n00:00:03,000 --> 00:00:04,000\n<i>[door opens\nslowly]</i>\nWho is it?\n\n3\n00:00:05,000 --> 00:00:06,000\n(Not a sound\nbut words) said here.\n"), "{3s}Who is it? {5s}(Not a sound but words) said here."},
	{"microdvd codes", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n{y:i}Slanted {c:$0000ff}blue.\n"), "{1s}Slanted blue."},
	{"music", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n♪ la la la ♪\n\n2\n00:00:03,000 --> 00:00:04,000\n♪ sailing away\n\n3\n00:00:05,000 --> 00:00:06,000\nWe sang ♫ row row ♫ all night.\n"), "{5s}We sang all night."},

	// Speakers and turns.
	{"label", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nMAN: Get off the pier.\n\n2\n00:00:03,000 --> 00:00:04,000\nIt is closed.\n"), "{1s MAN}Get off the pier. {3s MAN}It is closed."},
	{"two word label", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nANNA SMITH: We voted.\n\n2\n00:00:03,000 --> 00:00:04,000\nDR. O'NEIL (V.O.): So did we.\n"), "{1s ANNA SMITH}We voted.\n\n{3s DR. O'NEIL (V.O.)}So did we."},
	{"chevrons", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n>> REPORTER: The vote was close.\n\n2\n00:00:03,000 --> 00:00:04,000\n>> Very close. >> Anna Smith: Yes.\n"), "{1s REPORTER}The vote was close.\n\n{3s}Very close.\n\n{3s Anna Smith}Yes."},
	{"dash label", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n- JOHN: Ready?\n- Mary: Yes.\n"), "{1s JOHN}Ready?\n\n{1s Mary}Yes."},
	{"dialogue dashes", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n- Where were you?\n-At the pier.\n\n2\n00:00:03,000 --> 00:00:04,000\nAll night.\n"), "{1s}Where were you?\n\n{1s}At the pier. {3s}All night."},
	{"minus number is no dash", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nIt was\n-5 degrees.\n"), "{1s}It was -5 degrees."},
	{"label alone on a line", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nANNA:\n\n2\n00:00:03,000 --> 00:00:04,000\nWe voted.\n"), "{3s ANNA}We voted."},
	{"not a label", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nHE SAID: NO.\n\n2\n00:00:03,000 --> 00:00:04,000\nNote: the pier is shut.\n"), "{1s}HE SAID: NO. {3s}Note: the pier is shut."},
	{"same speaker again", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nANNA: One.\n\n2\n00:00:03,000 --> 00:00:04,000\nANNA: Two.\n"), "{1s ANNA}One. {3s ANNA}Two."},
	{"bracket label", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\n[ANNA]: We voted.\n"), "{1s ANNA}We voted."},
	{"vtt voices", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna Smith>We voted.</v>\n\n00:03.000 --> 00:04.000\n<v Anna Smith>Twice.\n\n00:05.000 --> 00:06.000\n<v.loud Bob>No.</v> <v Anna Smith>Yes.</v>\n"), "{1s Anna Smith}We voted. {3s Anna Smith}Twice.\n\n{5s Bob}No.\n\n{5s Anna Smith}Yes."},

	// Rolling captions.
	{"roll-up", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nTHE FERRY LEFT\n\n2\n00:00:02,000 --> 00:00:03,000\nTHE FERRY LEFT\nTHE PIER AT NINE\n\n3\n00:00:03,000 --> 00:00:04,000\nTHE PIER AT NINE\nAND NOBODY WAS HURT\n"), "{1s}THE FERRY LEFT {2s}THE PIER AT NINE {3s}AND NOBODY WAS HURT"},
	{"three line roll-up", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nA ONE\nB TWO\n\n2\n00:00:02,000 --> 00:00:03,000\nA ONE\nB TWO\nC THREE\n"), "{1s}A ONE B TWO {2s}C THREE"},
	{"automatic captions", "a.vtt", []byte("WEBVTT\n\n00:00.000 --> 00:02.350 align:start position:0%\n \nthe<00:00:00.480><c> ferry</c>\n\n00:02.350 --> 00:02.360 align:start position:0%\nthe ferry\n \n\n00:02.360 --> 00:05.110 align:start position:0%\nthe ferry\nleft<00:00:02.480><c> early</c>\n\n00:05.110 --> 00:05.120 align:start position:0%\nleft early\n \n"), "{0s}the ferry {2.36s}left early"},
	{"paint-on", "a.srt", []byte("1\n00:00:01,000 --> 00:00:01,400\nwe\n\n2\n00:00:01,400 --> 00:00:01,800\nwe are\n\n3\n00:00:01,800 --> 00:00:03,000\nwe are here\n"), "{1s}we {1.4s}are {1.8s}here"},
	{"word said again", "a.srt", []byte("1\n00:00:01,000 --> 00:00:03,000\nYes.\n\n2\n00:00:03,000 --> 00:00:05,000\nYes. I agree.\n"), "{1s}Yes. {3s}Yes. I agree."},
	{"line said again after a pause", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nThank you all.\n\n2\n00:00:09,000 --> 00:00:10,000\nThank you all.\n"), "{1s}Thank you all. {9s}Thank you all."},
}

func TestSubtitles(t *testing.T) {
	for _, c := range subCases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read(c.file, c.in, Meta{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if got := renderCues(d); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
			checkSubtitles(t, c.in, d)
		})
	}
}

// checkSubtitles checks what a transcript promises: the Document
// invariants, every rune mapping back to the file (separators written
// between cues map to nothing, a space may be a form feed or vertical tab
// read as white space), no markup or timing left in the text, and
// cues sorted, inside the text, each starting a word.
func checkSubtitles(t testing.TB, src []byte, d Document) {
	t.Helper()
	checkInvariants(t, src, d)
	r := d.Report
	if r.Format != "srt" && r.Format != "vtt" {
		t.Fatalf("format %q", r.Format)
	}
	text := r.Text
	// copied is the text with what entities wrote masked: "&lt;i&gt;"
	// rightly writes "<i>", which is no markup left over.
	var copied strings.Builder
	lastA, lastB := -1, 0
	for i, c := range text {
		n := utf8.RuneLen(c)
		a, b := d.Source.Span(i, i+n)
		if a == lastA && b == lastB && a < b {
			continue // the second character an entity wrote
		}
		if a < lastB || b < a || b > len(src) {
			t.Fatalf("rune %q at %d: span [%d,%d) after %d", c, i, a, b, lastB)
		}
		lastA, lastB = a, b
		got := decodeAs(d.Encoding, src[a:b])
		switch {
		case got == string(c):
			copied.WriteRune(c)
		case a == b && (c == ' ' || c == '\n'), c == ' ' && (got == "\f" || got == "\v"):
			copied.WriteRune(c)
		case c == utf8.RuneError:
			copied.WriteRune(c)
		case len(got) > 2 && got[0] == '&':
			copied.WriteByte('_')
		default:
			t.Fatalf("rune %q at %d maps to %q", c, i, got)
		}
	}
	if m := leftoverRE.FindString(copied.String()); m != "" {
		t.Fatalf("markup or timing left in the text: %q in %q", m, text)
	}
	if strings.Contains(text, "\n\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n") {
		t.Fatalf("stray line breaks: %q", text)
	}
	for _, line := range strings.Split(text, "\n") {
		if line != strings.TrimSpace(line) || strings.Contains(line, "  ") {
			t.Fatalf("untidy line %q", line)
		}
	}
	prev := -1
	for _, c := range r.Cues {
		if c.Offset <= prev || c.Offset >= len(text) {
			t.Fatalf("cue offset %d after %d (text %d bytes)", c.Offset, prev, len(text))
		}
		if c.Offset > 0 && text[c.Offset-1] != ' ' && text[c.Offset-1] != '\n' {
			t.Fatalf("cue at %d starts inside a word: %q", c.Offset, text)
		}
		if c.Start < 0 {
			t.Fatalf("negative cue time %v", c.Start)
		}
		prev = c.Offset
	}
	if len(text) > 0 && (len(r.Cues) == 0 || r.Cues[0].Offset != 0) {
		t.Fatalf("the text does not start with a cue: %+v", r.Cues)
	}
}

// leftoverRE matches what must never reach a transcript's text: a timing
// line's arrow, a WebVTT tag or timestamp, an ASS override block.
var leftoverRE = regexp.MustCompile(`-->|</?(?:i|b|u|c|v|s|font|lang|ruby|rt|br)\b[^>]*>|<\d\d:\d\d[:.][\d:.]*>|\{\\`)

func TestSubtitleSniffers(t *testing.T) {
	cases := []struct {
		in       string
		srt, vtt bool
	}{
		{ferrySRT, true, false},
		{"\n\n" + ferrySRT, true, false},
		{"00:00:01,000 --> 00:00:02,000\nHi\n", true, false},
		{"00:00:01.000 --> 00:00:02.000\nHi\n", true, false},
		{"WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", false, true},
		{"WEBVTT - Evening news\n", false, true},
		{"WEBVTT\tx\n", false, true},
		{"WEBVTTX\n", false, false},
		{" WEBVTT\n", false, false},
		{"The story.\n00:00:01,000 --> 00:00:02,000\n", false, false},
		{"1\n2\n00:00:01,000 --> 00:00:02,000\n", false, false},
		{"In 00:00:01,000 --> 00:00:02,000 a cue.", false, false},
		{"plain words", false, false},
	}
	for _, c := range cases {
		if got := sniffSRT([]byte(c.in)); got != c.srt {
			t.Errorf("sniffSRT(%q) = %v", c.in, got)
		}
		if got := sniffVTT([]byte(c.in)); got != c.vtt {
			t.Errorf("sniffVTT(%q) = %v", c.in, got)
		}
	}
	if !sniffSRT(utf16Bytes(ferrySRT, false)) || !sniffVTT(utf32Bytes("WEBVTT\n", true)) {
		t.Error("sniffers miss UTF-16 or UTF-32 files")
	}
}

func TestSubtitleTimes(t *testing.T) {
	vtt := map[string]time.Duration{
		"00:01.000": time.Second, "1:02:03.004": time.Hour + 2*time.Minute + 3004*time.Millisecond,
		"100:00:00.000": 100 * time.Hour, "00:00:59.999": 59999 * time.Millisecond,
	}
	for s, want := range vtt {
		if got, n, ok := parseVTTTime(s); !ok || got != want || n != len(s) {
			t.Errorf("parseVTTTime(%q) = %v %d %v, want %v", s, got, n, ok, want)
		}
	}
	for _, s := range []string{"0:00.000", "00:0.000", "00:00.00", "00:00:0.000", "00:60.000", "60:00.000",
		"00:00", "00:00,000", ".", "", "0000000000:00:00.000"} {
		if _, _, ok := parseVTTTime(s); ok {
			t.Errorf("parseVTTTime(%q) read", s)
		}
	}
	srt := map[string]time.Duration{
		"00:00:01,000": time.Second, "0:0:1.5": 1500 * time.Millisecond, "00:01:02:250": time.Minute + 2250*time.Millisecond,
		"01:02,03": time.Minute + 2030*time.Millisecond, "00:00:01,12345": 1123 * time.Millisecond, "1:00:00": time.Hour,
	}
	for s, want := range srt {
		if got, n, ok := parseSRTTime(s); !ok || got != want || n != len(s) {
			t.Errorf("parseSRTTime(%q) = %v %d %v, want %v", s, got, n, ok, want)
		}
	}
	for _, s := range []string{"", "5", "ab:cd", "9999999999:00"} {
		if _, _, ok := parseSRTTime(s); ok {
			t.Errorf("parseSRTTime(%q) read", s)
		}
	}
}

func TestSubtitleTitle(t *testing.T) {
	cases := []struct{ file, in, want string }{
		{"council_vote.en.srt", ferrySRT, "Council vote"},
		{"evening-news-2024-05-03.pt-BR.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nOlá.\n", "Evening news 2024-05-03"},
		{"Harbour Report.srt", ferrySRT, "Harbour Report"},
		// A name that says nothing and a first line that is a sentence:
		// no title (the file name names the report), except for pasted
		// text, which has no other name.
		{"captions.srt", ferrySRT, ""},
		{"12.srt", ferrySRT, ""},
		{"", ferrySRT, "The ferry left the pier at nine. Nobody was hurt."},
		{"news.vtt", "WEBVTT - Evening bulletin\n\n00:01.000 --> 00:02.000\nHello.\n", "Evening bulletin"},
		{"news.vtt", "WEBVTT\nKind: captions\n\n00:01.000 --> 00:02.000\nHello.\n", "News"},
	}
	for _, c := range cases {
		d, err := Read(c.file, []byte(c.in), Meta{})
		if err != nil {
			t.Fatal(err)
		}
		if d.Report.Title != c.want {
			t.Errorf("%q: title %q, want %q", c.file, d.Report.Title, c.want)
		}
	}
	d, _ := Read("council_vote.srt", []byte(ferrySRT), Meta{Title: "Given"})
	if d.Report.Title != "Given" {
		t.Errorf("the editor's title lost: %q", d.Report.Title)
	}
}

func TestSubtitleErrors(t *testing.T) {
	for name, in := range map[string][]byte{
		"no cues":        []byte("WEBVTT\n\nNOTE nothing\n"),
		"only sounds":    []byte("1\n00:00:01,000 --> 00:00:02,000\n[music]\n♪ la ♪\n"),
		"no timing line": []byte("WEBVTT\n\nJust words.\n"),
	} {
		if _, err := Read("a.vtt", in, Meta{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: err %v, want ErrEmpty", name, err)
		}
	}
	if _, err := Read("a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nNUL\x00here\n"), Meta{}); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL: err %v", err)
	}
	long := []byte("1\n00:00:01,000 --> 00:00:02,000\n" + strings.Repeat("&amp", maxLine))
	if _, err := Read("a.srt", long, Meta{}); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "line 3 is 1.0 MB long") {
		t.Errorf("a 1 MB line: err %v", err)
	}
}

// TestSubtitleGolden reads each file under testdata/subtitles and compares
// its text with cues rendered (renderCues) with the .golden file next to
// it (go test -run SubtitleGolden -update rewrites them).
func TestSubtitleGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "subtitles", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, d := readFixture(t, f)
			checkSubtitles(t, src, d)
			got := fmt.Sprintf("title: %s\nformat: %s\nencoding: %s\n\n%s\n", d.Report.Title, d.Report.Format, d.Encoding, renderCues(d))
			checkGolden(t, f+".golden", got)
		})
	}
	if n < 6 {
		t.Fatalf("only %d golden inputs", n)
	}
}
