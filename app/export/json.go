package export

import (
	"encoding/json"
	"io"
	"math"
	"time"

	"parallax/app"
)

// JSONSchema is the version of the JSON export's shape, written as its
// "schema" field. It changes only when a field changes meaning or goes
// away; adding a field keeps it. docs/export-schema.md describes each field.
const JSONSchema = 1

// The JSON shape. The fields of DESIGN.md's command-line contract
// (documents: title, path, claims: start, end, text; rows: claims: doc,
// claim; level, link, score, flags: kind, detail) keep their names and
// meaning: measurement scripts outside the project read them. Everything
// else was added after them, and "documents" stays the first key.
type (
	jsonOut struct {
		Documents []jsonDoc  `json:"documents"`
		Rows      []jsonRow  `json:"rows"`
		Schema    int        `json:"schema"`
		Base      int        `json:"base"`
		Name      string     `json:"name,omitempty"`
		Summary   string     `json:"summary,omitempty"`
		Selection string     `json:"selection,omitempty"`
		Date      string     `json:"date,omitempty"`
		Editor    string     `json:"editor,omitempty"`
		Orphans   []jsonNote `json:"orphans,omitempty"`
	}
	jsonDoc struct {
		Title     string      `json:"title"`
		Path      string      `json:"path"`
		Claims    []jsonClaim `json:"claims"`
		ID        int64       `json:"id,omitempty"`
		Outlet    string      `json:"outlet,omitempty"`
		Author    string      `json:"author,omitempty"`
		Published string      `json:"published,omitempty"`
		URL       string      `json:"url,omitempty"`
	}
	jsonClaim struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
		// Time and Speaker are a transcript's: the cue the claim
		// begins in.
		Time    string `json:"time,omitempty"`
		Speaker string `json:"speaker,omitempty"`
	}
	jsonRow struct {
		Claims  []jsonRef  `json:"claims"`
		Level   string     `json:"level"`
		Link    bool       `json:"link,omitempty"`
		Score   float64    `json:"score"`
		Flags   []jsonFlag `json:"flags"`
		Status  string     `json:"status"`
		Verdict string     `json:"verdict"`
		Notes   []jsonNote `json:"notes,omitempty"`
		Manual  bool       `json:"manual,omitempty"`
		// Strength is the match in the words of every memo ("same
		// claim", "related", "weak match"); omitted for a claim alone.
		Strength string `json:"strength,omitempty"`
	}
	jsonRef struct {
		Doc   int `json:"doc"`
		Claim int `json:"claim"`
	}
	jsonFlag struct {
		Kind   string `json:"kind"`
		Detail string `json:"detail"`
		// Sides are the reports (indices in documents) on each side
		// of the flag, in the order Detail quotes them.
		Sides [][]int `json:"sides"`
	}
	jsonNote struct {
		Verdict string       `json:"verdict"`
		Text    string       `json:"text"`
		Anchors []jsonAnchor `json:"anchors,omitempty"`
		Updated string       `json:"updated,omitempty"`
	}
	jsonAnchor struct {
		Report int64  `json:"report"`
		Print  string `json:"print"`
		Text   string `json:"text"`
		Nth    int    `json:"nth,omitempty"`
	}
)

// jsonTime writes a time in UTC, RFC 3339, or "" for the zero time, so the
// output does not depend on the machine's time zone.
func jsonTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// jsonNoteOf is a note as the JSON holds it, verbatim.
func jsonNoteOf(n app.Note) jsonNote {
	out := jsonNote{Verdict: string(n.Verdict.Or()), Text: n.Text, Updated: jsonTime(n.Updated)}
	for _, a := range n.Anchors {
		out.Anchors = append(out.Anchors, jsonAnchor(a))
	}
	return out
}

// JSON writes m as `parallax compare --format json` prints it: documents
// with their claims as byte spans of the file as read (start, end), the
// claim's text and, for a transcript, the time and speaker of the cue it
// begins in, then every row, one-claim rows included so that every claim
// is in a row (when m.Only is nil), with its status, verdict, notes,
// manual mark and strength in words; then the schema version, the
// comparison's name, summary and selection, the editor's name
// (opt.Editor) and the orphaned notes. Scores are rounded to four decimals,
// which is all the models resolve and keeps the output stable; nothing in
// it depends on the clock.
func JSON(w io.Writer, m *Memo, opt Options) error {
	c := m.C
	out := jsonOut{Documents: make([]jsonDoc, len(c.Docs)), Rows: make([]jsonRow, 0, len(c.Rows)), Schema: JSONSchema, Base: c.Base,
		Name: m.Name, Summary: m.Summary, Selection: m.Selection, Date: jsonTime(m.Date),
		Editor: oneLine(opt.Editor)}
	for d := range c.Docs {
		doc := &c.Docs[d]
		r := doc.Report
		jd := jsonDoc{Title: r.Title, Path: doc.Path, Claims: make([]jsonClaim, len(doc.Claims)),
			ID: r.ID, Outlet: r.Outlet, Author: r.Author, Published: r.Published, URL: r.URL}
		for i := range doc.Claims {
			s, e := doc.FileSpan(i)
			jd.Claims[i] = jsonClaim{Start: s, End: e, Text: doc.ClaimText(i)}
			if cue, ok := doc.ClaimCue(i); ok {
				jd.Claims[i].Time, jd.Claims[i].Speaker = app.Timestamp(cue.Start), cue.Speaker
			}
		}
		out.Documents[d] = jd
	}
	for i := range c.Rows {
		if !m.keep(i) {
			continue
		}
		r := &c.Rows[i]
		jr := jsonRow{Claims: make([]jsonRef, len(r.Claims)), Level: r.Level.String(), Link: r.Link,
			Score: math.Round(r.Score*1e4) / 1e4, Flags: make([]jsonFlag, len(r.Flags)),
			Status: c.Status(i).String(), Verdict: string(m.Verdict(i)), Manual: m.manual(i),
			Strength: r.Strength().String()}
		for k, ref := range r.Claims {
			jr.Claims[k] = jsonRef{ref.Doc, ref.Claim}
		}
		for k, f := range r.Flags {
			jr.Flags[k] = jsonFlag{string(f.Kind), f.Detail, make([][]int, len(f.Sides))}
			for s, side := range f.Sides {
				for _, cl := range side.Claims {
					jr.Flags[k].Sides[s] = append(jr.Flags[k].Sides[s], r.Claims[cl].Doc)
				}
			}
		}
		for _, n := range m.notes(i) {
			jr.Notes = append(jr.Notes, jsonNoteOf(n))
		}
		out.Rows = append(out.Rows, jr)
	}
	for _, n := range m.Orphans {
		out.Orphans = append(out.Orphans, jsonNoteOf(n))
	}
	return json.NewEncoder(w).Encode(out)
}
