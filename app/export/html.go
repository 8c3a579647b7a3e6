package export

import (
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"parallax/app"
	"parallax/app/compare"
)

// htmlPage is one self-contained page: inline CSS, no script, no external
// request (fonts, images, styles), so the file opens offline, passes mail
// filters and cannot run anything a report or a note smuggles in. All report
// and note text goes through html/template's contextual escaping.
//
// It reads at laptop width: the table's columns share the width (fixed
// layout) and a long word or address breaks inside its cell rather than
// spilling into the next; below .Cards pixels, where a column would be too
// narrow to read, each row becomes a stack of cards, one per report that
// states the claim, each headed by its report's name. A row's match is said
// in words, a weak match in grey and dashed lines so it never looks as sure
// as the same claim, and a claim only one report states sits on pale blue,
// a colour no highlight uses. It prints as a memo: the header does not
// stick, a row is not split across pages where it fits on one, the table
// header repeats on every page and the colours are kept.
var htmlPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5em;color:#1d1d1f;background:#fff;overflow-wrap:anywhere;word-break:normal}
h1{font-size:1.4em;margin-bottom:.2em}
h2{font-size:1.15em;margin-top:1.4em}
.exported{margin-top:0;color:#444}
ol.reports li{margin:.2em 0}
.counts,.selection,.left-out{color:#444}
.note{white-space:pre-wrap;margin:.3em 0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #d0d0d6;padding:.45em .6em;vertical-align:top;text-align:left;overflow-wrap:anywhere;word-break:break-word}
th{background:#f2f2f5;position:sticky;top:0}
th.meta,td.meta{width:6.5em}
th.flags,td.flags{width:14em}
th.notes,td.notes{width:14em}
.who{display:none;font-size:.85em;font-weight:600;color:#444;margin-bottom:.2em}
.who .refmark{font-weight:400;color:#6b6b76}
.strength{display:inline-block;padding:0 .4em;border-radius:3px;font-size:.85em;font-weight:600;border:1px solid transparent}
.s-same{background:#dfe6fb;color:#1f3a8a;border-color:#1f3a8a}
.s-related{background:#fff;color:#444;border-color:#8a8a95}
.s-weak{background:#fff;color:#6b6b76;border:1px dashed #8a8a95;font-weight:400;font-style:italic}
.s-single{background:#e6effc;color:#24507a;border-color:#9bb7d9}
.rows-of{display:block;font-size:.85em;color:#555;margin-top:.2em}
tr.related td{background:#fafafa;color:#555}
tr.weak td.claim{color:#4a4a55;border-style:dashed}
tr.single td.claim:not(.none){background:#e6effc}
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
@media (max-width:{{.Cards}}px){
body{margin:1em}
table.rows,table.rows tbody,table.rows tr,table.rows td{display:block;width:auto}
table.rows thead{display:none}
table.rows tr{border:1px solid #c8c8d0;border-radius:6px;padding:.3em .5em;margin:0 0 1em}
table.rows tr.weak{border-style:dashed}
table.rows td{border:1px solid #e2e2e8;border-radius:4px;margin:.4em 0}
table.rows td.meta{border:0;padding:.2em 0;margin:0}
table.rows td.none{display:none}
table.rows .who{display:block}
}
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
{{- if .Exported}}
<p class="exported">{{.Exported}}.</p>
{{- end}}
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
<p class="legend">How sure each match is:
{{- range $k, $s := .Legend}}{{if $k}};{{end}} <span class="strength s-{{$s.Class}}">{{$s.Word}}</span> {{$s.Meaning}}{{end}};
a claim only one report states: <span class="strength s-single">only in [2]</span>.</p>
{{template "table" .Main}}
{{- if .Links.Rows}}
<h2>Links between rows</h2>
<p>Related claims, and the same claim stated twice by one report: each links two of the rows above.</p>
{{template "table" .Links}}
{{- end}}
{{- if .LeftOut}}
<p class="left-out">{{.LeftOut}}</p>
{{- end}}
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
{{define "table"}}<table class="rows">
<thead><tr><th class="meta">{{.Head}}</th>{{range .Docs}}<th>{{.Label}}</th>{{end}}<th class="flags">Flags</th>{{if .Notes}}<th class="notes">Verdict and notes</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr class="{{.Class}}"><td class="meta">{{if .N}}{{.N}}. {{end}}<span class="strength s-{{.Class}}">{{.Match}}</span>{{if .Of}}<span class="rows-of">{{.Of}}</span>{{end}}{{if .Manual}}<br><span class="manual">manual</span>{{end}}</td>
{{- range .Cells}}<td class="claim{{if .Ref}} ref{{end}}{{if not .Runs}} none{{end}}"><div class="who">{{.Who}}{{if .Ref}} <span class="refmark">· reference</span>{{end}}</div>{{if .Cue}}<span class="cue">{{.Cue}}</span> {{end}}{{range .Runs}}{{if .Kind}}<span class="{{.Kind}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}</td>{{end}}
<td class="flags{{if not .Flags}} none{{end}}"><div class="who">Flags</div>{{if .Flags}}<ul>{{range .Flags}}<li><span class="kind">{{.Kind}}</span> ({{.Against}}): {{.Detail}}</li>{{end}}</ul>{{end}}</td>
{{- if $.Notes}}<td class="notes{{if not .Notes}} none{{end}}"><div class="who">Verdict and notes</div>{{range $k, $n := .Notes}}<div{{if $k}} class="further"{{end}}><span class="verdict {{$n.Class}}">{{$n.Verdict}}</span>{{if $n.Text}}<p class="note">{{$n.Text}}</p>{{end}}</div>{{end}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
{{- end}}
`))

// The widths the page's columns need, in CSS pixels, below which it shows
// cards: the margins, the row column, the flags and the notes (14em at 15
// px), and a readable minimum per report.
const (
	cardsAtLeast = 900
	pageChrome   = 48 + 98 + 210
	notesWidth   = 210
	reportWidth  = 130
)

type (
	htmlData struct {
		Title, Exported, Counts, Selection, Summary, LeftOut string
		Docs                                                 []htmlDoc
		// Legend are the match words with their meanings.
		Legend []htmlStrength
		// Main are the rows, Links the links between rows worth reading.
		Main, Links htmlTable
		Orphans     []htmlOrphan
		// Cards is the width in CSS pixels below which rows are cards.
		Cards int
	}
	htmlDoc struct {
		Title, Byline, URL, Path, Label string
		Base                            bool
	}
	// htmlTable is one table of rows; Notes adds the verdict column (the
	// editor has annotated the comparison).
	htmlTable struct {
		Head  string
		Docs  []htmlDoc
		Notes bool
		Rows  []htmlRow
	}
	htmlRow struct {
		// N is the row's number as the window counts rows; 0 for a link.
		N int
		// Class is matchClass's; Match says it in words, Of which rows
		// a link joins.
		Class, Match, Of string
		Manual           bool
		Cells            []htmlCell
		Flags            []flag
		Notes            []htmlNote
	}
	// htmlCell is a report's claim in a row, Who the report's name for
	// the card it becomes on a narrow screen; no Runs where the report
	// does not state the claim.
	htmlCell struct {
		claim
		Who string
	}
	htmlStrength struct{ Class, Word, Meaning string }
	htmlNote     struct{ Verdict, Class, Text string }
	htmlOrphan   struct {
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

// htmlRowOf is row r as a table line numbered n.
func (m *Memo) htmlRowOf(n int, r row, docs int) htmlRow {
	cr := &m.C.Rows[r.I]
	hr := htmlRow{N: n, Class: matchClass(cr.Strength()), Match: cr.Strength().String(), Manual: r.Manual,
		Cells: make([]htmlCell, docs), Flags: r.Flags}
	if cr.Strength() == compare.StrengthAlone {
		// The report's name heads its column (or its card); a title
		// would not fit the row column.
		hr.Match = fmt.Sprintf("only in [%d]", cr.Claims[0].Doc+1)
	}
	for d := range hr.Cells {
		hr.Cells[d].Who = label(m.C, d)
	}
	for _, cl := range r.Claims {
		hr.Cells[cl.Doc].claim = cl
	}
	for _, n := range r.Notes {
		if says(n) {
			hr.Notes = append(hr.Notes, htmlNoteOf(n))
		}
	}
	return hr
}

// HTML writes m as one self-contained page: when and by whom it was
// exported (opt), the reports, the counts, the summary, and a table with a
// column per report and a line per row in the base report's order,
// numbered as the window numbers them, each headed by how strong its match
// is, each claim's differences from the row's reference coloured (added,
// missing, changed) and a transcript's claim after its time and speaker in
// grey, the row's flags listed and, when the editor has written any, a
// column of verdicts and notes; then the links between rows worth reading
// (the memo's outline), each naming the rows it joins, and the orphaned
// notes.
func HTML(w io.Writer, m *Memo, opt Options) error {
	c := m.C
	data := htmlData{Title: m.title(), Exported: exported(opt), Counts: counts(c), Selection: m.selection(),
		Summary: strings.TrimSpace(m.Summary)}
	for _, s := range strengths {
		data.Legend = append(data.Legend, htmlStrength{matchClass(s.S), s.S.String(), s.Meaning})
	}
	for d := range c.Docs {
		data.Docs = append(data.Docs, htmlDoc{title(c, d), byline(c, d), oneLine(c.Docs[d].Report.URL),
			c.Docs[d].Path, label(c, d), d == c.Base})
	}
	notes := m.annotated()
	data.Main = htmlTable{Head: "Row", Docs: data.Docs, Notes: notes}
	data.Links = htmlTable{Head: "Link", Docs: data.Docs, Notes: notes}
	data.Cards = max(cardsAtLeast, pageChrome+reportWidth*len(c.Docs))
	if notes {
		data.Cards += notesWidth
	}
	// rowOf[d][k] is the number of the row holding claim k of report d.
	rowOf := make([]map[int]int, len(c.Docs))
	for d := range rowOf {
		rowOf[d] = map[int]int{}
	}
	n := 0
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Link {
			continue
		}
		n++
		for _, ref := range r.Claims {
			rowOf[ref.Doc][ref.Claim] = n
		}
		if m.keep(i) {
			data.Main.Rows = append(data.Main.Rows, m.htmlRowOf(n, m.row(i), len(c.Docs)))
		}
	}
	o := m.outline()
	for _, r := range o.Links {
		hr := m.htmlRowOf(0, r, len(c.Docs))
		var at []int
		for _, ref := range c.Rows[r.I].Claims {
			at = append(at, rowOf[ref.Doc][ref.Claim])
		}
		slices.Sort(at)
		nums := make([]string, len(at))
		for k, n := range at {
			nums[k] = strconv.Itoa(n)
		}
		hr.Of = "rows " + strings.Join(nums, " and ")
		data.Links.Rows = append(data.Links.Rows, hr)
	}
	if o.Weak > 0 {
		data.LeftOut = leftOut(o.Weak)
	}
	for _, on := range o.Orphans {
		data.Orphans = append(data.Orphans, htmlOrphan{htmlNoteOf(on.Note), on.About})
	}
	return htmlPage.Execute(w, data)
}
