package export

import (
	"html/template"
	"io"
	"strings"

	"parallax/app"
)

// htmlPage is one self-contained page: inline CSS, no script, no external
// request (fonts, images, styles), so the file opens offline, passes mail
// filters and cannot run anything a report or a note smuggles in. All report
// and note text goes through html/template's contextual escaping. It prints
// as a memo: the header does not stick, a row is not split across pages
// where it fits on one, the table header repeats on every page and the
// highlight colours are kept.
var htmlPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#1d1d1f;background:#fff}
h1{font-size:1.4em}
h2{font-size:1.15em;margin-top:1.4em}
ol.reports li{margin:.2em 0}
.counts,.selection{color:#444}
.note{white-space:pre-wrap;margin:.3em 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #d0d0d6;padding:.45em .6em;vertical-align:top;text-align:left}
th{background:#f2f2f5;position:sticky;top:0}
th.meta,td.meta{width:7em}
th.flags,td.flags{width:16em}
th.notes,td.notes{width:16em}
tr.related td{background:#fafafa;color:#555}
tr.single td.claim:not(:empty){background:#fffbe6}
td.ref{box-shadow:inset 3px 0 0 #6b7fd7}
.added{background:#d9f5dd;border-radius:3px}
.missing{background:#fde2e2;text-decoration:line-through;border-radius:3px}
.was{background:#fde2e2;text-decoration:line-through;border-radius:3px;margin-right:.2em}
.changed{background:#fff0c2;border-radius:3px}
.shared{background:#e9edf3;border-radius:3px}
.cue{color:#6b6b76;font-size:.85em;font-variant-numeric:tabular-nums}
.flags ul{margin:0;padding-left:1.1em}
.kind{font-weight:600}
.legend span{padding:0 .3em}
.manual{display:inline-block;margin-top:.3em;padding:0 .35em;border:1px solid #8a8a95;border-radius:3px;font-size:.8em;color:#555}
.verdict{display:inline-block;padding:0 .45em;border-radius:3px;font-size:.85em;font-weight:600;background:#ececf0;color:#444}
.v-corroborated{background:#d9f5dd;color:#1e6b32}
.v-disputed{background:#fde2e2;color:#a11d1d}
.v-single-source{background:#e9e4fa;color:#4b3a9a}
.v-needs-checking{background:#fff0c2;color:#7a5300}
.further{border-top:1px dashed #d0d0d6;margin-top:.4em;padding-top:.3em}
.orphans li{margin:.6em 0}
.orphans blockquote{margin:.3em 0 0 1em;color:#555}
@page{margin:14mm}
@media print{
body{margin:0;font-size:10pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
th{position:static}
thead{display:table-header-group}
tr,.orphans li{break-inside:avoid;page-break-inside:avoid}
h1,h2{break-after:avoid;page-break-after:avoid}
}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<ol class="reports">
{{- range .Docs}}
<li><strong>{{.Title}}</strong>{{if .Byline}} — {{.Byline}}{{end}}{{if .URL}} — {{.URL}}{{end}}{{if .Path}} <code>{{.Path}}</code>{{end}}{{if .Base}} — base report{{end}}</li>
{{- end}}
</ol>
<p class="counts">{{.Counts}}.</p>
{{- if .Selection}}
<p class="selection">Rows shown: {{.Selection}}.</p>
{{- end}}
{{- if .Summary}}
<h2>Summary</h2>
<p class="note summary">{{.Summary}}</p>
{{- end}}
<p class="legend">Against each row's reference claim (marked at its left edge):
<span class="added">added</span> <span class="missing">missing</span> <span class="was">was</span><span class="changed">changed</span>;
in a claim that rewords it, the words they <span class="shared">share</span></p>
<table>
<thead><tr><th class="meta">Row</th>{{range .Docs}}<th>{{.Label}}</th>{{end}}<th class="flags">Flags</th>{{if .Notes}}<th class="notes">Verdict and notes</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr class="{{.Class}}"><td class="meta">{{.N}}. {{.Level}}<br>{{.Score}}{{if .Manual}}<br><span class="manual">manual</span>{{end}}</td>
{{- range .Cells}}<td class="claim{{if .Ref}} ref{{end}}">{{if .Cue}}<span class="cue">{{.Cue}}</span> {{end}}{{range .Runs}}{{if .Kind}}<span class="{{.Kind}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}</td>{{end}}
<td class="flags">{{if .Flags}}<ul>{{range .Flags}}<li><span class="kind">{{.Kind}}</span> ({{.Against}}): {{.Detail}}</li>{{end}}</ul>{{end}}</td>
{{- if $.Notes}}<td class="notes">{{range $k, $n := .Notes}}<div{{if $k}} class="further"{{end}}><span class="verdict {{$n.Class}}">{{$n.Verdict}}</span>{{if $n.Text}}<p class="note">{{$n.Text}}</p>{{end}}</div>{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- if .Orphans}}
<h2>Orphaned notes</h2>
<p>These notes were written on claims that are in no row any more (a report was removed or its words changed); they are kept here so that nothing is lost.</p>
<ol class="orphans">
{{- range .Orphans}}
<li><span class="verdict {{.Note.Class}}">{{.Note.Verdict}}</span>{{if .Note.Text}}<p class="note">{{.Note.Text}}</p>{{end}}
{{- range .About}}<blockquote><strong>{{.Label}}</strong>: {{.Text}}</blockquote>{{end}}</li>
{{- end}}
</ol>
{{- end}}
</body>
</html>
`))

type (
	htmlData struct {
		Title, Counts, Selection, Summary string
		Docs                              []htmlDoc
		Rows                              []htmlRow
		// Notes adds the verdict column: the editor has annotated the
		// comparison.
		Notes   bool
		Orphans []htmlOrphan
	}
	htmlDoc struct {
		Title, Byline, URL, Path, Label string
		Base                            bool
	}
	htmlRow struct {
		N            int
		Class, Level string
		Score        string
		Manual       bool
		Cells        []claim
		Flags        []flag
		Notes        []htmlNote
	}
	htmlNote   struct{ Verdict, Class, Text string }
	htmlOrphan struct {
		Note  htmlNote
		About []quote
	}
)

// htmlNoteOf is a note as the page shows it: a verdict badge coloured by
// verdict, and the text.
func htmlNoteOf(n app.Note) htmlNote {
	v := n.Verdict.Or()
	class := "v-other"
	if v.Valid() {
		class = "v-" + strings.ReplaceAll(string(v), " ", "-")
	}
	return htmlNote{string(v), class, strings.TrimSpace(n.Text)}
}

// HTML writes m as one self-contained page: the reports, the counts, the
// summary, and a table with a column per report and a line per row in the
// base report's order, each claim's differences from the row's reference
// coloured (added, missing, changed) and a transcript's claim after its
// time and speaker in grey, the row's flags listed and, when the
// editor has written any, a column of verdicts and notes; orphaned notes
// follow the table.
func HTML(w io.Writer, m *Memo) error {
	c := m.C
	data := htmlData{Title: m.title(), Counts: c.Counts().String(), Selection: m.selection(),
		Summary: strings.TrimSpace(m.Summary), Notes: m.annotated()}
	for d := range c.Docs {
		data.Docs = append(data.Docs, htmlDoc{title(c, d), byline(c, d), oneLine(c.Docs[d].Report.URL),
			c.Docs[d].Path, label(c, d), d == c.Base})
	}
	for i := range c.Rows {
		if !m.keep(i) {
			continue
		}
		r := &c.Rows[i]
		mr := m.row(i)
		hr := htmlRow{N: i + 1, Class: r.Level.String(), Level: r.Level.String(), Score: formatScore(r.Score),
			Manual: mr.Manual, Cells: make([]claim, len(c.Docs)), Flags: mr.Flags}
		if len(r.Claims) == 1 {
			hr.Class, hr.Level = "single", "single"
		}
		for _, cl := range mr.Claims {
			hr.Cells[cl.Doc] = cl
		}
		for _, n := range mr.Notes {
			if says(n) {
				hr.Notes = append(hr.Notes, htmlNoteOf(n))
			}
		}
		data.Rows = append(data.Rows, hr)
	}
	for _, on := range m.orphans() {
		data.Orphans = append(data.Orphans, htmlOrphan{htmlNoteOf(on.Note), on.About})
	}
	return htmlPage.Execute(w, data)
}
