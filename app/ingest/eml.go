package ingest

// The e-mail reader (.eml): press releases and statements arrive by mail.
// The report is the message's body; Subject is the title, From the author
// and outlet, Date the published date. Attachments and inline images are
// ignored; a message forwarded inline or as an attachment is read as the
// message it forwards, since that is the release the editor means.

import (
	"bytes"
	"net/mail"
	"regexp"
	"strings"

	"github.com/jhillyerd/enmime/v2"
	"golang.org/x/net/html"
)

func init() {
	register(&format{
		name:    "email",
		exts:    []string{".eml"},
		sniff:   sniffEML,
		rank:    rankMIME,
		maxSize: MaxContainerSize, // attachments travel in base64
		read:    readEML,
	})
}

// sniffEML recognises a message by its first header block (RFC 5322): a
// From field and one of Subject, Date, Message-ID or MIME-Version, and not
// a saved web page (which has them too).
func sniffEML(src []byte) bool {
	h, ok := sniffHeader(src)
	if !ok || h.savedPage() {
		return false
	}
	if _, ok := h["from"]; !ok {
		return false
	}
	for _, f := range []string{"subject", "date", "message-id", "mime-version"} {
		if _, ok := h[f]; ok {
			return true
		}
	}
	return false
}

// maxForwardDepth bounds how many messages forwarded inside messages are
// opened, one inside the other.
const maxForwardDepth = 3

// maxCoverWords is the longest note a forwarder can write above what they
// forward for the note to be left out: "FYI, see below" is no part of the
// release; a long message that quotes another is a message of its own.
const maxCoverWords = 120

// maxMailText is the longest text a message may give: its attachments may
// make it as large as a container, its text is held to the limit of a text
// file. A variable, so tests need not build 20 MB of mail.
var maxMailText = MaxSize

func readEML(src []byte, opt Options) (parsed, error) {
	return readMail(src, opt, 0)
}

// readMail reads a message; depth counts the messages it is forwarded in.
func readMail(src []byte, opt Options, depth int) (parsed, error) {
	root, err := parseMIME(src, "an e-mail")
	if err != nil {
		return parsed{}, err
	}
	hdr := func(name string) string { return enmime.DecodeRFC2047(root.Header.Get(name)) }
	head := mailHead{subject: hdr("Subject"), date: hdr("Date"), org: hdr("Organization")}
	if list, err := enmime.ParseAddressList(root.Header.Get("From")); err == nil && len(list) > 0 {
		head.name, head.addr = list[0].Name, list[0].Address
	} else {
		head.name, head.addr = splitAddress(hdr("From"))
	}
	body, err := mailBody(root, opt)
	if err != nil {
		return parsed{}, err
	}
	// Forwarded as an attachment: the outer message is a cover note.
	if depth < maxForwardDepth && CountWords(body.text) <= maxCoverWords {
		if inner := root.BreadthMatchFirst(func(p *enmime.Part) bool { return p.ContentType == "message/rfc822" }); inner != nil {
			if p, err := readMail(inner.Content, opt, depth+1); err == nil {
				return p, nil
			}
		}
	}
	// Forwarded inline: the forwarded message's header block in the text.
	for range maxForwardDepth {
		text, fwd, ok := splitForward(body.text)
		if !ok {
			break
		}
		body.text, body.headingFirst = text, false
		head = head.forwarded(fwd)
	}
	if len(body.text) > maxMailText {
		return parsed{}, tooLarge(int64(len(body.text)), maxMailText)
	}
	return parsed{
		text:         body.text,
		offsets:      identityOffsets(len(body.text)),
		meta:         head.meta(),
		headingFirst: body.headingFirst,
	}, nil
}

// mailBody chooses the body of a message and returns it as report text.
//
// A message often carries its body twice (multipart/alternative): as plain
// text and as HTML. The plain part is preferred when it is a fair rendering:
// it is the sender's own text, needs no extraction, and cannot lose a
// paragraph to an extractor that mistakes a mail's table layout for page
// furniture. The HTML part, read by the HTML reader, is taken when the plain
// part is missing or blank, when it is HTML itself (some senders label
// markup as text), or when it has less than half the words of the HTML's
// visible text (htmlWords): then it is a stub ("this message is best
// viewed in a browser") or a truncated rendering. The words are counted in
// the markup itself rather than in the HTML reader's article, whose
// extraction may keep less (a mail's footer) or more than the plain part
// would, so the choice does not hang on it, and the HTML is only read when
// it is chosen. The plain text is unwrapped where it was sent as
// format=flowed (RFC 3676) and loses its signature (after a "-- " line).
func mailBody(root *enmime.Part, opt Options) (parsed, error) {
	plain, html := bodyParts(root)
	if len(bytes.TrimSpace(html)) == 0 {
		return parsed{text: plain}, nil
	}
	if plain != "" && !looksLikeHTML(plain) && 2*CountWords(plain) >= htmlWords(html) {
		return parsed{text: plain}, nil
	}
	h, err := readHTMLPart(html, opt)
	if err != nil && plain != "" {
		return parsed{text: plain}, nil
	}
	return h, err
}

// htmlWords counts the words a reader of an HTML part sees: its text
// outside <head>, <script>, <style> and <template>.
func htmlWords(src []byte) int {
	z := html.NewTokenizer(bytes.NewReader(src))
	n, hidden := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken:
			if name, _ := z.TagName(); hiddenTags[string(name)] {
				hidden++
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); hiddenTags[string(name)] && hidden > 0 {
				hidden--
			}
		case html.TextToken:
			if hidden == 0 {
				n += CountWords(string(z.Text()))
			}
		}
	}
}

// hiddenTags hold no text a reader sees.
var hiddenTags = map[string]bool{"head": true, "script": true, "style": true, "template": true, "noscript": true}

// bodyParts finds a message's bodies among its parts, as mail programs
// show them: the plain text is the first text/plain part of an alternative,
// or every text/plain part of a mixed message in order (Apple Mail splits
// a body around an inline image); the HTML is the first text/html part.
// Parts sent as attachments are not bodies. (enmime's Envelope does the
// same with string concatenation, which is quadratic in the parts.)
func bodyParts(root *enmime.Part) (plain string, html []byte) {
	body := func(p *enmime.Part) bool { return p.Disposition != "attachment" && p.FirstChild == nil }
	if p := root.DepthMatchFirst(func(p *enmime.Part) bool { return p.ContentType == "text/html" && body(p) }); p != nil {
		html = p.Content
	}
	isPlain := func(p *enmime.Part) bool {
		// A message with no Content-Type is plain text, and so is one
		// whose multipart type lacks the boundary that would split it.
		whole := p == root && (p.ContentType == "" || strings.HasPrefix(p.ContentType, "multipart/"))
		return (p.ContentType == "text/plain" || whole) && body(p)
	}
	var texts []*enmime.Part
	if root.ContentType == "multipart/alternative" {
		if p := root.BreadthMatchFirst(isPlain); p != nil {
			texts = append(texts, p)
		}
	} else {
		texts = root.DepthMatchAll(isPlain)
	}
	var b strings.Builder
	for _, p := range texts {
		if t := plainPart(p); t != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(t)
		}
	}
	return tidyPlain(b.String()), html
}

// plainPart returns a text/plain part as report text, unwrapped when it is
// format=flowed; "" when it holds no text (or bytes that are not text).
func plainPart(p *enmime.Part) string {
	if len(bytes.TrimSpace(p.Content)) == 0 {
		return ""
	}
	text, _, _, err := decodeText(p.Content)
	if err != nil {
		return ""
	}
	if _, params := mediaType(p.Header.Get("Content-Type")); strings.EqualFold(params["format"], "flowed") {
		text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
	}
	return strings.TrimSpace(text)
}

// tidyPlain drops a plain body's signature and the spaces at its line ends.
func tidyPlain(text string) string {
	lines := strings.Split(dropSignature(text), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// looksLikeHTML reports whether a plain part is markup mislabelled as text.
func looksLikeHTML(s string) bool {
	head := strings.ToLower(s[:min(len(s), 512)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		(strings.HasPrefix(head, "<") && (strings.Contains(head, "<body") || strings.Contains(head, "<div") || strings.Contains(head, "<p>")))
}

// unflow joins the soft line breaks of format=flowed text (RFC 3676): a
// line ending in a space goes on in the next line of the same quote depth;
// a leading space added for transport (space-stuffing) is removed; with
// delsp=yes the space before a soft break is deleted too.
func unflow(text string, delsp bool) string {
	lines := strings.Split(text, "\n")
	var b strings.Builder
	depth := -1 // quote depth of the paragraph being joined; -1 after a hard break
	for _, l := range lines {
		d := 0
		for d < len(l) && l[d] == '>' {
			d++
		}
		content := strings.TrimPrefix(l[d:], " ")
		if depth >= 0 && d != depth { // a soft break may not change depth
			b.WriteByte('\n')
		}
		if depth != d {
			b.WriteString(l[:d])
			if d > 0 {
				b.WriteByte(' ')
			}
		}
		if content != "-- " && strings.HasSuffix(content, " ") {
			if delsp {
				content = content[:len(content)-1]
			}
			b.WriteString(content)
			depth = d
			continue
		}
		b.WriteString(content)
		b.WriteByte('\n')
		depth = -1
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// maxSignatureLines is the most lines a signature can have for the text
// after a "-- " line to be dropped: name, title, phone, address.
const maxSignatureLines = 15

// dropSignature removes a mail signature: the text after the last line
// that is "-- " (RFC 3676 section 4.3), when it is short.
func dropSignature(text string) string {
	i := strings.LastIndex(text, "\n-- \n")
	if i < 0 {
		if strings.HasSuffix(text, "\n-- ") {
			return text[:len(text)-4]
		}
		return text
	}
	if n := strings.Count(strings.TrimSpace(text[i+5:]), "\n") + 1; n > maxSignatureLines {
		return text
	}
	return text[:i+1]
}

// mailHead is what a message's header (or a forwarded message's header
// block) says about it.
type mailHead struct {
	subject, date string
	name, addr    string // From's display name and address
	org           string // the Organization field some programs write
}

// forwarded returns the head of a forwarded message: its own fields, with
// this message's where the forwarded block leaves one out.
func (h mailHead) forwarded(f mailHead) mailHead {
	if f.subject == "" {
		f.subject = h.subject
	}
	if f.name == "" && f.addr == "" {
		f.name, f.addr, f.org = h.name, h.addr, h.org
	}
	return f
}

// meta turns a message's head into report metadata.
func (h mailHead) meta() Meta {
	m := Meta{Title: cleanSubject(h.subject)}
	m.Author, m.Outlet = sender(h.name, h.addr, h.org)
	m.Published = h.date
	if t, err := mail.ParseDate(strings.TrimSpace(h.date)); err == nil {
		m.Published = t.Format("2006-01-02") // the day where it was sent
	}
	return m
}

// subjectPrefixRE matches what mail programs put before a subject: reply
// and forward marks in several languages (Re, Fwd, FW, AW, WG, TR, RV, SV,
// VS, Antw, Doorst, Rif, Enc, Res), counted ones (Re[2]:) and gateway tags
// ([EXTERNAL]), repeated.
var subjectPrefixRE = regexp.MustCompile(`(?i)^(?:\s*(?:(?:re|fwd?|aw|wg|tr|rv|sv|vs|antw|doorst|rif|enc|res)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\[(?:fwd?|ext|external)\]:?))+\s*`)

// cleanSubject returns a subject as a report title: encoded words decoded,
// reply and forward prefixes dropped.
func cleanSubject(s string) string {
	return subjectPrefixRE.ReplaceAllString(decodeHeader(s), "")
}

// splitAddress splits a From value that the address parser refused
// (unquoted commas, a missing bracket) into a display name and an address.
func splitAddress(v string) (name, addr string) {
	v = decodeHeader(v)
	if m := addressRE.FindStringIndex(v); m != nil {
		addr = v[m[0]:m[1]]
		name = strings.TrimSpace(v[:m[0]] + " " + v[m[1]:])
	} else {
		name = v
	}
	name = strings.Trim(name, " \t\"'<>[]()")
	name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(name, "mailto:")), "["))
	return strings.Trim(name, " \t\"'<>[]()"), addr
}

// addressRE finds an e-mail address in free text.
var addressRE = regexp.MustCompile(`[\p{L}0-9._%+'-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)+`)

// forwardMarkerRE matches the line mail programs put above a message
// forwarded inline: Gmail's "---------- Forwarded message ---------",
// Apple Mail's "Begin forwarded message:", Outlook's and Thunderbird's
// "-----Original Message-----" and "-------- Forwarded Message --------",
// and their German, French and Spanish versions.
var forwardMarkerRE = regexp.MustCompile(`(?i)^[\s>]*[-_=*]*\s*(?:forwarded message|original message|forwarded e-?mail|begin forwarded message|weitergeleitete nachricht|urspr[üu]ngliche nachricht|anfang der weitergeleiteten nachricht|message transf[ée]r[ée]|message d'origine|d[ée]but du message r[ée]exp[ée]di[ée]|mensaje reenviado|mensaje original)\s*[-_=*]*\s*:?\s*$`)

// forwardFieldRE matches one line of a forwarded message's header block,
// as mail programs print it ("From: …", "*Sent:* …", "Von: …"), with the
// field's name in group 1 and its value in group 2.
var forwardFieldRE = regexp.MustCompile(`(?i)^[\s>]*\*?(from|sent|date|to|cc|bcc|subject|reply-to|de|von|gesendet|datum|an|betreff|envoy[ée]|objet|[àa]|para|enviado|fecha|asunto)\*?\s*:\*?\s*(.*)$`)

// forwardField names the field a header line of a forwarded block sets.
var forwardField = map[string]string{
	"from": "from", "de": "from", "von": "from",
	"sent": "date", "date": "date", "gesendet": "date", "datum": "date", "envoyé": "date", "envoye": "date", "enviado": "date", "fecha": "date",
	"subject": "subject", "betreff": "subject", "objet": "subject", "asunto": "subject",
}

// splitForward finds a message forwarded inline in text: a marker line
// (forwardMarkerRE) or an Outlook header block (From: then Sent: or Date:
// within the next lines) after at most maxCoverWords of note. It returns
// the forwarded message's text, unquoted when every line of it is quoted
// ("> "), and what its header block says.
func splitForward(text string) (string, mailHead, bool) {
	lines := strings.Split(text, "\n")
	words := 0 // in the note above the forwarded message
	for i := range lines {
		start := -1
		switch {
		case forwardMarkerRE.MatchString(lines[i]):
			start = i + 1
		case outlookBlock(lines[i:]):
			start = i
		}
		if start < 0 {
			if words += CountWords(lines[i]); words > maxCoverWords {
				break
			}
			continue
		}
		head, rest := forwardHead(lines[start:])
		if body := unquoteLines(rest); strings.TrimSpace(body) != "" {
			return body, head, true
		}
		break
	}
	return text, mailHead{}, false
}

// outlookBlock reports whether lines start with a forwarded header block
// without a marker line: a From: line followed, within four lines, by a
// Sent: or Date: line and a Subject: or To: line.
func outlookBlock(lines []string) bool {
	m := forwardFieldRE.FindStringSubmatch(lines[0])
	if m == nil || forwardField[strings.ToLower(m[1])] != "from" {
		return false
	}
	var date, other bool
	for _, l := range lines[1:min(len(lines), 5)] {
		m := forwardFieldRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		switch f := forwardField[strings.ToLower(m[1])]; {
		case f == "date":
			date = true
		case f == "subject" || f == "":
			other = true
		}
	}
	return date && other
}

// forwardHead reads the header block at the start of lines (blank lines
// before it skipped) and returns it with the lines after it.
func forwardHead(lines []string) (mailHead, []string) {
	for len(lines) > 0 && strings.TrimSpace(strings.TrimLeft(lines[0], ">")) == "" {
		lines = lines[1:]
	}
	var h mailHead
	last := ""
	for len(lines) > 0 {
		l := lines[0]
		if m := forwardFieldRE.FindStringSubmatch(l); m != nil {
			last = forwardField[strings.ToLower(m[1])]
			v := strings.TrimSpace(m[2])
			switch last {
			case "from":
				h.name, h.addr = splitAddress(strings.ReplaceAll(v, "mailto:", ""))
			case "date":
				h.date = v
			case "subject":
				h.subject = v
			}
		} else if last == "" || strings.TrimSpace(l) == "" || (l[0] != ' ' && l[0] != '\t') {
			break // a continuation line (a long To: list) goes on; anything else ends the block
		}
		lines = lines[1:]
	}
	return h, lines
}

// unquoteLines joins lines into text, removing one level of "> " quoting when
// every non-blank line has it.
func unquoteLines(lines []string) string {
	quoted := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if !strings.HasPrefix(l, ">") {
			return strings.TrimSpace(strings.Join(lines, "\n"))
		}
		quoted = true
	}
	if quoted {
		for i, l := range lines {
			lines[i] = strings.TrimPrefix(strings.TrimPrefix(l, ">"), " ")
		}
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
