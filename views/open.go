package views

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/workspace"
)

// Preferences of "Open files…": the folder of the last one, because an
// editor usually pulls a story's reports from one place, and whether
// sub-folders are searched.
const (
	prefLastFolder = "open.last_folder"
	prefSubfolders = "open.subfolders"
)

// showOpenFiles (Ctrl+O) opens many files at once. Fyne's file dialog picks
// one file, so the editor picks a folder, then ticks the files to import
// from it and its sub-folders, every file Parallax reads listed and ticked
// to start with, with a filter by kind.
func (m *Main) showOpenFiles() {
	m.chooseFolder(func(dir string) { newPicker(m).open(dir) })
}

// chooseFolder asks for a folder, starting where the editor last was.
func (m *Main) chooseFolder(chosen func(dir string)) {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			m.showError("Could not open the folder", err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		m.app.Preferences().SetString(prefLastFolder, dir.String())
		chosen(dir.Path())
	}, m.win)
	d.SetTitleText("Choose the folder that holds the reports")
	d.SetConfirmText("Choose")
	if last := m.app.Preferences().String(prefLastFolder); last != "" {
		if u, err := fynestorage.ParseURI(last); err == nil {
			if l, err := fynestorage.ListerForURI(u); err == nil {
				d.SetLocation(l)
			}
		}
	}
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// pickFile is one file "Open files…" offers.
type pickFile struct {
	path string
	// rel is the path under the chosen folder, as the list shows it.
	rel    string
	kind   string
	size   int64
	ticked bool
}

// picker is the second step of "Open files…": the files under one folder,
// each with a tick box, and a tick box per kind that hides or shows the
// files of that kind.
type picker struct {
	m   *Main
	dir string
	// files are all the files found; shown those of the kinds ticked.
	files []*pickFile
	shown []*pickFile
	// off are the kinds the editor unticked.
	off map[string]bool
	// seq discards a listing overtaken by a newer one.
	seq int

	where   *widget.Label
	sub     *widget.Check
	kinds   *fyne.Container
	list    *widget.List
	message *widget.Label
	count   *widget.Label
	ok      *widget.Button
	dlg     *dialog.CustomDialog
}

func newPicker(m *Main) *picker { return &picker{m: m, off: map[string]bool{}} }

// open shows the dialog and lists dir in the background.
func (p *picker) open(dir string) {
	p.where = widget.NewLabel("")
	p.where.Truncation = fyne.TextTruncateEllipsis
	other := widget.NewButtonWithIcon("Other folder…", theme.FolderOpenIcon(), func() { p.m.chooseFolder(p.load) })
	p.sub = widget.NewCheck("Include sub-folders", func(on bool) {
		p.m.app.Preferences().SetBool(prefSubfolders, on)
		p.load(p.dir)
	})
	p.sub.Checked = p.m.app.Preferences().BoolWithFallback(prefSubfolders, true)
	p.kinds = container.NewHBox()

	p.list = widget.NewList(func() int { return len(p.shown) }, p.createRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		// A click anywhere on a row ticks or unticks it.
		p.list.UnselectAll()
		if id >= 0 && id < len(p.shown) {
			p.shown[id].ticked = !p.shown[id].ticked
			p.list.RefreshItem(id)
			p.updateCount()
		}
	}
	p.message = widget.NewLabel("")
	p.message.Wrapping = fyne.TextWrapWord
	p.message.Alignment = fyne.TextAlignCenter
	p.count = widget.NewLabel("")
	all := widget.NewButton("Select all", func() { p.tickShown(true) })
	none := widget.NewButton("Select none", func() { p.tickShown(false) })

	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, other, p.where),
		container.NewBorder(nil, nil, p.sub, nil, container.NewHScroll(p.kinds)),
		container.NewBorder(nil, nil, p.count, container.NewHBox(all, none)),
		widget.NewSeparator(),
	)
	body := container.NewStack(p.list, container.NewCenter(p.message))
	p.ok = widget.NewButtonWithIcon("Import", theme.ConfirmIcon(), p.submit)
	p.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { p.dlg.Hide() })
	p.dlg = dialog.NewCustomWithoutButtons("Open files", container.NewBorder(top, nil, nil, nil, body), p.m.win)
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, p.ok})
	size := p.m.win.Canvas().Size()
	p.dlg.Resize(fyne.NewSize(min(820, size.Width-40), min(600, size.Height-40)))
	p.dlg.Show()
	p.load(dir)
}

// load lists dir in the background and shows what it holds.
func (p *picker) load(dir string) {
	p.dir = dir
	p.where.SetText("Files in " + dir)
	p.files, p.shown = nil, nil
	p.list.Refresh()
	p.say("Looking for files…")
	p.updateCount()
	p.seq++
	seq, sub := p.seq, p.sub.Checked
	p.m.spawn(func() {
		files, problem := listFolder(dir, sub)
		do(func() {
			if seq != p.seq {
				return // the editor chose another folder meanwhile
			}
			p.files = files
			p.buildKinds()
			p.filter()
			p.say(problem)
		})
	})
}

// listFolder finds the files Parallax reads in dir (and its sub-folders
// when sub is set, as an import of the folder would: workspace.Expand),
// ticked, with a message when there is something to say about them.
func listFolder(dir string, sub bool) ([]*pickFile, string) {
	var paths []string
	problem := ""
	if sub {
		for _, it := range workspace.Expand([]string{dir}) {
			if it.Err != nil {
				problem = sentence(strings.TrimPrefix(it.Err.Error(), filepath.Base(dir)+": "))
				continue
			}
			paths = append(paths, it.Path)
		}
	} else {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, "The folder cannot be read: " + err.Error()
		}
		folders := false
		for _, e := range entries {
			hidden := strings.HasPrefix(e.Name(), ".")
			folders = folders || (e.IsDir() && !hidden)
			if e.Type().IsRegular() && !hidden && workspace.Readable(e.Name()) {
				paths = append(paths, filepath.Join(dir, e.Name()))
			}
		}
		if len(paths) == 0 {
			problem = "There are no files Parallax can read in this folder."
			if folders {
				problem += " Tick Include sub-folders to look in its sub-folders."
			}
		}
	}
	files := make([]*pickFile, 0, len(paths))
	for _, path := range paths {
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			rel = filepath.Base(path)
		}
		f := &pickFile{path: path, rel: filepath.ToSlash(rel), kind: kindOf(path), ticked: true}
		if fi, err := os.Stat(path); err == nil {
			f.size = fi.Size()
		}
		files = append(files, f)
	}
	return files, problem
}

// sentence starts s with a capital letter.
func sentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// buildKinds makes a tick box per kind of file found: "Web pages (12)".
func (p *picker) buildKinds() {
	n := map[string]int{}
	for _, f := range p.files {
		n[f.kind]++
	}
	kinds := make([]string, 0, len(n))
	for k := range n {
		kinds = append(kinds, k)
	}
	// The most common kind first: it is what the folder is about.
	slices.SortFunc(kinds, func(a, b string) int { return cmp.Or(n[b]-n[a], strings.Compare(a, b)) })
	p.kinds.Objects = nil
	if len(kinds) < 2 {
		p.kinds.Refresh()
		return // one kind: nothing to filter
	}
	for _, k := range kinds {
		c := widget.NewCheck(fmt.Sprintf("%s (%d)", k, n[k]), func(on bool) {
			p.off[k] = !on
			p.filter()
		})
		c.Checked = !p.off[k]
		p.kinds.Add(c)
	}
	p.kinds.Refresh()
}

// filter shows the files of the kinds ticked.
func (p *picker) filter() {
	p.shown = p.shown[:0]
	for _, f := range p.files {
		if !p.off[f.kind] {
			p.shown = append(p.shown, f)
		}
	}
	p.list.Refresh()
	p.updateCount()
}

// tickShown ticks or unticks every file on show.
func (p *picker) tickShown(on bool) {
	for _, f := range p.shown {
		f.ticked = on
	}
	p.list.Refresh()
	p.updateCount()
}

// selected lists the files to import: ticked and on show, in folder order.
func (p *picker) selected() []string {
	var out []string
	for _, f := range p.shown {
		if f.ticked {
			out = append(out, f.path)
		}
	}
	return out
}

// updateCount says how many files are ticked, on the Import button too.
func (p *picker) updateCount() {
	n := len(p.selected())
	p.count.SetText(fmt.Sprintf("%d of %s ticked", n, countFiles(len(p.shown))))
	p.count.Hidden = len(p.files) == 0
	if n == 0 {
		p.ok.SetText("Import")
		p.ok.Disable()
		return
	}
	p.ok.SetText("Import " + countFiles(n))
	p.ok.Enable()
}

// say shows msg over the list ("" hides it).
func (p *picker) say(msg string) {
	p.message.SetText(msg)
	p.message.Hidden = msg == ""
}

// submit imports the ticked files.
func (p *picker) submit() {
	paths := p.selected()
	if len(paths) == 0 {
		return
	}
	p.dlg.Hide()
	p.m.importSources(paths, asked, p.dir)
}

// A row: a tick box with the file's path, its kind and size on the right.
func (p *picker) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	name := widget.NewLabel("sub/file.html")
	name.Truncation = fyne.TextTruncateEllipsis
	info := newNote("Web pages · 120 KB")
	return container.NewBorder(nil, nil, check, info.RichText, name)
}

func (p *picker) updateRow(id widget.ListItemID, row fyne.CanvasObject) {
	if id < 0 || id >= len(p.shown) {
		return
	}
	f := p.shown[id]
	c := row.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(f.rel)
	check := c.Objects[1].(*widget.Check)
	check.OnChanged = nil
	check.SetChecked(f.ticked)
	check.OnChanged = func(on bool) {
		f.ticked = on
		p.updateCount()
	}
	info := c.Objects[2].(*widget.RichText)
	info.Segments[0].(*widget.TextSegment).Text = f.kind + " · " + fileSize(f.size)
	info.Refresh()
}

// fileSize is "820 bytes", "12 KB" or "3.4 MB".
func fileSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// onDropped imports files and folders dropped anywhere on the window: a
// folder brings the files under it that Parallax reads, a file is always
// tried, so the editor learns why it was refused rather than seeing
// nothing happen.
func (m *Main) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() == "file" {
			paths = append(paths, u.Path())
		}
	}
	m.importSources(paths, asked, "")
}
