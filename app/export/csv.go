package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"parallax/app/compare"
)

// CSV writes c as a spreadsheet (RFC 4180, through encoding/csv): a header
// naming each report, then one line per row with each report's claim text
// in its column (empty where the report does not state it), the row's
// level, score and flags ("kind: detail", separated by "; "). Claim text is
// written as is, line breaks included, since CSV quoting keeps it intact.
func CSV(w io.Writer, c *compare.Comparison) error {
	cw := csv.NewWriter(w)
	head := make([]string, 0, len(c.Docs)+3)
	for d := range c.Docs {
		head = append(head, label(c, d))
	}
	cw.Write(append(head, "level", "score", "flags"))
	for i := range c.Rows {
		r := &c.Rows[i]
		line := make([]string, len(c.Docs), len(c.Docs)+3)
		for _, ref := range r.Claims {
			line[ref.Doc] = c.Docs[ref.Doc].ClaimText(ref.Claim)
		}
		fl := make([]string, len(r.Flags))
		for k, f := range r.Flags {
			fl[k] = string(f.Kind) + ": " + f.Detail
		}
		cw.Write(append(line, r.Level.String(), strconv.FormatFloat(r.Score, 'f', 2, 64), strings.Join(fl, "; ")))
	}
	cw.Flush()
	return cw.Error()
}
