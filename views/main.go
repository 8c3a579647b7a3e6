// Package views is Parallax's window: the library sidebar, the report pane,
// the dialogs that bring reports in, and the menus.
//
// It follows the shape of Jacalz/rymdport: each part of the screen is a
// small struct with a build method and named handlers, and Main wires them
// together. Everything slow (the library, imports, search) runs in a
// goroutine and touches widgets only inside fyne.Do, so the window never
// stalls while SQLite or a large file is busy.
//
// The window speaks only to *workspace.Workspace, never to storage: the same
// use cases back the command line, and the views can be tested headless over
// a fake app.Store (go test -tags ci).
package views

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/workspace"
	"parallax/assets"
)

// Main is the main window. Create it with New, then ShowAndRun; or call Run.
type Main struct {
	app fyne.App
	win fyne.Window
	ws  *workspace.Workspace

	lib    *library
	comps  *comparisonsPane
	report *reportPane
	cmp    *comparisonView
	status *statusBar

	// right holds the report pane and the comparison view; one is shown.
	reportView, cmpView fyne.CanvasObject
	sideSplit, split    *container.Split
	// sidebar holds the add button, the comparisons and the library.
	sidebar *fyne.Container
	theme   *appTheme

	// ctx is cancelled when the window closes, stopping background work.
	ctx    context.Context
	cancel context.CancelFunc
	// jobs counts background work so tests can wait for it to settle.
	jobs sync.WaitGroup
	// ready is closed once the library has been opened (and the samples
	// offered), so imports asked for at start-up come after it.
	ready chan struct{}
	// importMu keeps imports one at a time, so the progress bar tells the
	// truth about one batch.
	importMu sync.Mutex
	// fromFiles is set when the window was started on files: they, not the
	// last comparison, are what the editor wants to see.
	fromFiles bool
	// openFile shows a file with the system's program and names it
	// (openWithSystem; tests record the file instead).
	openFile func(path string) (string, error)
}

// Import adds files and folders to the library in the background, after
// the library has been opened, with progress in the status bar and a
// summary at the end (the result list when one failed); two to twelve
// reports then open as a comparison. It may be called before
// ShowAndRun (command-line arguments).
func (m *Main) Import(paths []string) {
	m.importSources(paths, startup, "")
}

// New builds the main window over ws and starts opening the library in the
// background: the built-in samples are offered to a new library
// (Workspace.EnsureSamples), then the report list is loaded, then files
// (command-line arguments; may be none) are imported. A window started on
// the editor's own files does not add the samples: the editor came with
// material, and three strangers' reports in the list would be in the way.
func New(a fyne.App, ws *workspace.Workspace, files ...string) *Main {
	ctx, cancel := context.WithCancel(context.Background())
	m := &Main{app: a, ws: ws, ctx: ctx, cancel: cancel, ready: make(chan struct{}), fromFiles: len(files) > 0, openFile: openWithSystem}

	icon := fyne.NewStaticResource("parallax.png", assets.Icon)
	a.SetIcon(icon)
	m.theme = &appTheme{mode: a.Preferences().StringWithFallback(prefTheme, themeSystem)}
	a.Settings().SetTheme(m.theme)
	m.win = a.NewWindow("Parallax")
	m.win.SetIcon(icon)

	m.lib = newLibrary(m)
	m.comps = newComparisonsPane(m)
	m.report = newReportPane(m)
	m.cmp = newComparisonView(m)
	m.status = newStatusBar()
	m.win.SetContent(m.build())
	m.win.SetMainMenu(m.buildMenu())
	m.win.SetOnDropped(m.onDropped)
	m.addKeys()
	m.win.SetCloseIntercept(func() {
		m.saveState()
		m.win.Close()
	})
	m.win.SetOnClosed(cancel)
	m.placeWindow()
	m.win.Canvas().Focus(m.lib.search)

	m.start()
	if m.fromFiles {
		m.Import(files)
	}
	return m
}

// Warn shows a notice the editor must read before working, such as a
// library opened read-only because it is damaged; the status line keeps
// its title.
func (m *Main) Warn(title, msg string) {
	d := dialog.NewInformation(title, msg, m.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	m.status.set(title + ": changes are not saved.")
}

// Window is the main window, for callers that want to add to it.
func (m *Main) Window() fyne.Window { return m.win }

// ShowAndRun shows the window and runs the app until it is closed.
func (m *Main) ShowAndRun() {
	m.win.ShowAndRun()
	m.cancel()
}

// build lays out the window: the sidebar | the report or the comparison,
// over one status line (the comparison adds its counts and toggles to it).
func (m *Main) build() fyne.CanvasObject {
	sidebar := m.buildSidebar()
	m.reportView = m.report.build()
	m.cmpView = m.cmp.build()
	m.cmpView.Hide()
	m.cmp.statusLine.Hide()
	m.split = container.NewHSplit(sidebar, container.NewStack(m.reportView, m.cmpView))
	m.split.Offset = m.app.Preferences().FloatWithFallback(prefSidebarSplit, 0.2)

	return container.NewBorder(nil,
		container.NewVBox(widget.NewSeparator(), m.status.build(m.cmp.statusLine)),
		nil, nil, m.split)
}

// saveState remembers the window's size and splits, and saves the open
// comparison as it is on screen, before the window closes.
func (m *Main) saveState() {
	prefs := m.app.Preferences()
	size := m.win.Canvas().Size()
	prefs.SetFloat(prefWindowWidth, float64(size.Width))
	prefs.SetFloat(prefWindowHeight, float64(size.Height))
	prefs.SetFloat(prefSidebarSplit, m.split.Offset)
	prefs.SetFloat(prefSidebarVSplit, m.sideSplit.Offset)
	prefs.SetFloat(prefDetailsSplit, m.cmp.split.Offset)
	m.cmp.save.now()
}

// showComparisonView puts the comparison view in place of the report pane.
func (m *Main) showComparisonView(on bool) {
	if on {
		m.reportView.Hide()
		m.cmpView.Show()
		m.cmp.statusLine.Show()
		m.showTitle()
		return
	}
	m.cmp.save.now()
	m.cmpView.Hide()
	m.cmp.statusLine.Hide()
	m.showTitle()
	m.report.offerBack()
	m.reportView.Show()
}

// showTitle names the comparison on screen in the window's title, so the
// toolbar above the rows need not give it a line of its own.
func (m *Main) showTitle() {
	if name, ok := m.cmp.loaded(); ok && m.cmpView.Visible() {
		m.win.SetTitle("Parallax — " + name)
		return
	}
	m.win.SetTitle("Parallax")
}

// openComparison shows a saved comparison as it was left. The comparison
// already open behind the report pane comes back as the editor left it
// (rows, selection, place), not aligned again.
func (m *Main) openComparison(c app.Comparison) {
	m.lib.list.UnselectAll()
	m.app.Preferences().SetInt(prefLastComparison, int(c.ID))
	m.showComparisonView(true)
	if _, ok := m.cmp.loaded(); ok && m.cmp.saved.ID == c.ID {
		return
	}
	m.cmp.open(c)
}

// backToComparison returns from a report to the comparison left open.
func (m *Main) backToComparison() {
	if _, ok := m.cmp.loaded(); !ok {
		return
	}
	m.comps.set(m.comps.all, m.cmp.saved.ID)
	m.openComparison(m.cmp.saved)
}

// compareTicked makes a comparison of the reports ticked in the library.
func (m *Main) compareTicked() {
	ids := slices.Clone(m.lib.ticked)
	if len(ids) < app.MinReports || len(ids) > app.MaxReports {
		m.status.set(fmt.Sprintf("Tick %d to %d reports in the library, then press Compare.", app.MinReports, app.MaxReports))
		return
	}
	m.lib.untickAll()
	m.newComparison(ids)
}

// newComparison saves a comparison of the reports ids and opens it.
func (m *Main) newComparison(ids []int64) {
	m.spawn(func() {
		c, err := m.ws.NewComparison(m.ctx, ids)
		do(func() {
			if err != nil {
				m.showError("Could not make the comparison", err)
				return
			}
			m.reloadComparisons(c.ID)
			m.openComparison(c)
		})
	})
}

// reloadComparisons reads the saved comparisons again and selects id.
func (m *Main) reloadComparisons(id int64) {
	m.spawn(func() {
		all, err := m.ws.Comparisons(m.ctx)
		do(func() {
			if err != nil {
				m.showError("Could not read the comparisons", err)
				return
			}
			m.comps.set(all, id)
		})
	})
}

// confirmRemoveComparison asks before deleting the open comparison.
func (m *Main) confirmRemoveComparison() {
	c := m.cmp.saved
	if c.ID == 0 || !m.cmpView.Visible() {
		m.status.set("Open a comparison first.")
		return
	}
	msg := fmt.Sprintf("Remove the comparison “%s”?\n\nIts reports stay in the library.", c.Name)
	d := dialog.NewConfirm("Remove comparison", msg, func(ok bool) {
		if !ok {
			return
		}
		m.spawn(func() {
			err := m.ws.RemoveComparison(m.ctx, c.ID)
			do(func() {
				if err != nil {
					m.showError("Could not remove the comparison", err)
					return
				}
				m.cmp.forget()
				m.showComparisonView(false)
				m.reloadComparisons(0)
				m.status.set(fmt.Sprintf("Removed the comparison “%s”.", c.Name))
			})
		})
	}, m.win)
	d.SetConfirmText("Remove")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// setTheme switches between following the system and a pinned variant.
func (m *Main) setTheme(mode string) {
	m.app.Preferences().SetString(prefTheme, mode)
	m.theme = &appTheme{mode: mode}
	m.app.Settings().SetTheme(m.theme)
	m.cmp.themeChanged()
}

// spawn runs f in the background and counts it in m.jobs.
func (m *Main) spawn(f func()) {
	m.jobs.Add(1)
	go func() {
		defer m.jobs.Done()
		f()
	}()
}

// start offers the samples to a new library and loads the list, selecting
// the newest report so the window opens on something to read.
func (m *Main) start() {
	m.status.busy("Opening the library…")
	m.spawn(func() {
		defer close(m.ready)
		var added int
		var serr error
		if !m.fromFiles {
			added, serr = m.ws.EnsureSamples(m.ctx)
		}
		reports, err := m.ws.Reports(m.ctx)
		comps, cerr := m.ws.Comparisons(m.ctx)
		do(func() {
			if cerr == nil {
				m.comps.set(comps, 0)
				m.reopenLast(comps)
			}
			m.status.done("")
			if err != nil {
				m.showError("Could not open the library", err)
				return
			}
			switch {
			case serr != nil:
				m.status.set("The sample reports could not be added: " + serr.Error())
			case added > 0:
				m.status.set(fmt.Sprintf("Welcome to Parallax. %d sample reports of one story are in your library to try; remove them whenever you like.", added))
			default:
				m.status.set(countReports(len(reports)) + " in the library.")
			}
			var first int64
			if len(reports) > 0 {
				first = reports[0].ID
			}
			m.lib.setReports(reports, first)
		})
	})
}

// reopenLast opens the comparison the editor had open last time, unless
// the window was started on files.
func (m *Main) reopenLast(comps []app.Comparison) {
	last := int64(m.app.Preferences().Int(prefLastComparison))
	if m.fromFiles || last == 0 {
		return
	}
	for _, c := range comps {
		if c.ID == last {
			m.comps.set(comps, c.ID)
			m.openComparison(c)
		}
	}
}

// reload reads the library again and selects report id (0: keep the
// current selection if it still exists).
func (m *Main) reload(id int64) {
	m.spawn(func() {
		reports, err := m.ws.Reports(m.ctx)
		do(func() {
			if err != nil {
				m.showError("Could not read the library", err)
				return
			}
			m.lib.setReports(reports, id)
		})
	})
}

// openReport shows report id in the report pane (0 clears it).
func (m *Main) openReport(id int64) {
	if id == 0 {
		m.report.clear()
		return
	}
	if m.cmpView.Visible() {
		m.comps.unselect()
		m.showComparisonView(false)
	}
	if m.report.current.ID == id {
		return
	}
	m.report.loading(id)
	m.spawn(func() {
		r, err := m.ws.Report(m.ctx, id)
		do(func() {
			if m.report.wanted != id {
				return // the editor has moved on
			}
			if err != nil {
				m.report.clear()
				m.showError("Could not open the report", err)
				return
			}
			m.report.show(r)
		})
	})
}

// confirmRemove asks before deleting the report on show.
func (m *Main) confirmRemove() {
	r := m.report.current
	if r.ID == 0 {
		return
	}
	msg := fmt.Sprintf("Remove “%s” from the library?\n\nIts text and metadata are deleted from this library; the original file, if any, is not touched.", workspace.Title(r))
	d := dialog.NewConfirm("Remove report", msg, func(ok bool) {
		if ok {
			m.remove(r)
		}
	}, m.win)
	d.SetConfirmText("Remove")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}

// remove deletes r, reloads the list and selects the report that took its
// place, so an editor clearing out several reports keeps their position.
func (m *Main) remove(r app.Report) {
	next := m.lib.neighbour(r.ID)
	m.spawn(func() {
		err := m.ws.Remove(m.ctx, r.ID)
		do(func() {
			if err != nil {
				m.showError("Could not remove the report", err)
				return
			}
			m.report.clear()
			m.lib.forget(r.ID)
			m.status.set(fmt.Sprintf("Removed “%s”.", workspace.Title(r)))
			m.reload(next)
		})
	})
}

// showError tells the editor what failed, in words, in a dialog.
func (m *Main) showError(what string, err error) {
	if errors.Is(err, context.Canceled) {
		return // the window is closing
	}
	dialog.ShowError(fmt.Errorf("%s: %w", what, err), m.win)
}

// countReports says "1 report" or "3 reports".
func countReports(n int) string {
	if n == 1 {
		return "1 report"
	}
	return fmt.Sprintf("%d reports", n)
}
