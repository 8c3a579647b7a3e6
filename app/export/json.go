package export

import (
	"encoding/json"
	"io"
	"math"

	"parallax/app/compare"
)

// The JSON shape of DESIGN.md's command-line contract. Field names are part
// of the contract: measurement scripts outside the project read them.
type (
	jsonOut struct {
		Documents []jsonDoc `json:"documents"`
		Rows      []jsonRow `json:"rows"`
	}
	jsonDoc struct {
		Title  string      `json:"title"`
		Path   string      `json:"path"`
		Claims []jsonClaim `json:"claims"`
	}
	jsonClaim struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Text  string `json:"text"`
	}
	jsonRow struct {
		Claims []jsonRef  `json:"claims"`
		Level  string     `json:"level"`
		Link   bool       `json:"link,omitempty"`
		Score  float64    `json:"score"`
		Flags  []jsonFlag `json:"flags"`
	}
	jsonRef struct {
		Doc   int `json:"doc"`
		Claim int `json:"claim"`
	}
	jsonFlag struct {
		Kind   string `json:"kind"`
		Detail string `json:"detail"`
	}
)

// JSON writes c as `parallax compare --format json` prints it: documents
// with their claims as byte spans of the file as read (start, end) and the
// claim's text, then every row, one-claim rows included so that every claim
// is in a row. Scores are rounded to four decimals, which is all the models
// resolve and keeps the output stable.
func JSON(w io.Writer, c *compare.Comparison) error {
	out := jsonOut{Documents: make([]jsonDoc, len(c.Docs)), Rows: make([]jsonRow, len(c.Rows))}
	for d := range c.Docs {
		doc := &c.Docs[d]
		jd := jsonDoc{Title: doc.Report.Title, Path: doc.Path, Claims: make([]jsonClaim, len(doc.Claims))}
		for i := range doc.Claims {
			s, e := doc.FileSpan(i)
			jd.Claims[i] = jsonClaim{s, e, doc.ClaimText(i)}
		}
		out.Documents[d] = jd
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		jr := jsonRow{Claims: make([]jsonRef, len(r.Claims)), Level: r.Level.String(), Link: r.Link,
			Score: math.Round(r.Score*1e4) / 1e4, Flags: make([]jsonFlag, len(r.Flags))}
		for k, ref := range r.Claims {
			jr.Claims[k] = jsonRef{ref.Doc, ref.Claim}
		}
		for k, f := range r.Flags {
			jr.Flags[k] = jsonFlag{string(f.Kind), f.Detail}
		}
		out.Rows[i] = jr
	}
	return json.NewEncoder(w).Encode(out)
}
