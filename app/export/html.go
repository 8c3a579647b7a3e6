package export

import (
	"html/template"
	"io"

	"parallax/app/compare"
)

// htmlPage is one self-contained page: inline CSS, no script, no external
// request (fonts, images, styles), so the file opens offline, passes mail
// filters and cannot run anything a report smuggles in. All report text goes
// through html/template's contextual escaping.
var htmlPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Comparison of {{len .Docs}} reports</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#1d1d1f;background:#fff}
h1{font-size:1.4em}
ol.reports li{margin:.2em 0}
.summary{color:#444}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #d0d0d6;padding:.45em .6em;vertical-align:top;text-align:left}
th{background:#f2f2f5;position:sticky;top:0}
th.meta,td.meta{width:7em}
th.flags,td.flags{width:16em}
tr.related td{background:#fafafa;color:#555}
tr.single td.claim:not(:empty){background:#fffbe6}
td.ref{box-shadow:inset 3px 0 0 #6b7fd7}
.added{background:#d9f5dd;border-radius:3px}
.missing{background:#fde2e2;text-decoration:line-through;border-radius:3px}
.was{background:#fde2e2;text-decoration:line-through;border-radius:3px;margin-right:.2em}
.changed{background:#fff0c2;border-radius:3px}
.flags ul{margin:0;padding-left:1.1em}
.kind{font-weight:600}
.legend span{padding:0 .3em}
</style>
</head>
<body>
<h1>Comparison of {{len .Docs}} reports</h1>
<ol class="reports">
{{- range .Docs}}
<li><strong>{{.Title}}</strong>{{if .Byline}} — {{.Byline}}{{end}}{{if .Path}} <code>{{.Path}}</code>{{end}}{{if .Base}} — base report{{end}}</li>
{{- end}}
</ol>
<p class="summary">{{.Counts}}.</p>
<p class="legend">Against each row's reference claim (marked at its left edge):
<span class="added">added</span> <span class="missing">missing</span> <span class="was">was</span><span class="changed">changed</span></p>
<table>
<thead><tr><th class="meta">Row</th>{{range .Docs}}<th>{{.Label}}</th>{{end}}<th class="flags">Flags</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr class="{{.Class}}"><td class="meta">{{.N}}. {{.Level}}<br>{{.Score}}</td>
{{- range .Cells}}<td class="claim{{if .Ref}} ref{{end}}">{{range .Runs}}{{if .Kind}}<span class="{{.Kind}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}</td>{{end}}
<td class="flags">{{if .Flags}}<ul>{{range .Flags}}<li><span class="kind">{{.Kind}}</span> ({{.Against}}): {{.Detail}}</li>{{end}}</ul>{{end}}</td></tr>
{{- end}}
</tbody>
</table>
</body>
</html>
`))

type (
	htmlData struct {
		Docs   []htmlDoc
		Counts string
		Rows   []htmlRow
	}
	htmlDoc struct {
		Title, Byline, Path, Label string
		Base                       bool
	}
	htmlRow struct {
		N            int
		Class, Level string
		Score        string
		Cells        []htmlCell
		Flags        []htmlFlag
	}
	htmlCell struct {
		Runs []Run
		Ref  bool
	}
	htmlFlag struct{ Kind, Against, Detail string }
)

// HTML writes c as one self-contained page: the reports, the counts, and a
// table with a column per report and a line per row in the base report's
// order, each claim's differences from the row's reference coloured (added,
// missing, changed) and the row's flags listed.
func HTML(w io.Writer, c *compare.Comparison) error {
	data := htmlData{Counts: c.Counts().String()}
	for d := range c.Docs {
		data.Docs = append(data.Docs, htmlDoc{title(c, d), byline(c, d), c.Docs[d].Path, label(c, d), d == c.Base})
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		hr := htmlRow{N: i + 1, Class: r.Level.String(), Level: r.Level.String(),
			Score: formatScore(r.Score), Cells: make([]htmlCell, len(c.Docs))}
		if len(r.Claims) == 1 {
			hr.Class, hr.Level = "single", "single"
		}
		for k, ref := range r.Claims {
			hr.Cells[ref.Doc] = htmlCell{Runs: c.ClaimRuns(r, k), Ref: len(r.Claims) > 1 && k == r.Ref}
		}
		for k, f := range r.Flags {
			hr.Flags = append(hr.Flags, htmlFlag{string(f.Kind), label(c, r.Claims[r.FlagOf[k]].Doc), f.Detail})
		}
		data.Rows = append(data.Rows, hr)
	}
	return htmlPage.Execute(w, data)
}
