package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// buildSidebar is the library side of the window: one button that adds
// reports (in the sidebar rather than a toolbar of its own across the
// window, so the comparison keeps the height), the saved comparisons and
// the reports. Ctrl+B hides it and gives its width to the comparison.
func (m *Main) buildSidebar() fyne.CanvasObject {
	prefs := m.app.Preferences()
	m.sideSplit = container.NewVSplit(m.comps.build(), m.lib.build())
	m.sideSplit.Offset = prefs.FloatWithFallback(prefSidebarVSplit, 0.28)
	var add *widget.Button
	add = widget.NewButtonWithIcon("Add reports", theme.ContentAddIcon(), func() { m.showAddMenu(add) })
	add.Importance = widget.HighImportance
	m.sidebar = container.NewBorder(container.NewPadded(add), nil, nil, nil, m.sideSplit)
	if !prefs.BoolWithFallback(prefSidebarShown, true) {
		m.sidebar.Hide()
	}
	return m.sidebar
}

// showAddMenu offers the ways in below the Add reports button, with the
// keys that do the same from anywhere.
func (m *Main) showAddMenu(at fyne.CanvasObject) {
	paste := fyne.NewMenuItem("Paste or type a report…", m.showAddReport)
	paste.Icon = theme.ContentAddIcon()
	paste.Shortcut = shortcut(fyne.KeyN)
	open := fyne.NewMenuItem("Open files…", m.showOpenFiles)
	open.Icon = theme.FolderOpenIcon()
	open.Shortcut = shortcut(fyne.KeyO)
	fetch := fyne.NewMenuItem("From an address…", func() { m.showAddAddress() })
	fetch.Icon = theme.DownloadIcon()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at).Add(fyne.NewPos(0, at.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", paste, open, fetch), m.win.Canvas(), pos)
}

// toggleSidebar hides or shows the library sidebar (Ctrl+B) and remembers it.
func (m *Main) toggleSidebar() {
	on := !m.sidebar.Visible()
	if on {
		m.sidebar.Show()
	} else {
		m.sidebar.Hide()
	}
	m.app.Preferences().SetBool(prefSidebarShown, on)
	m.split.Refresh()
	m.checkMenu(menuSidebar, on)
}

// checkMenu ticks or unticks the View menu item labelled label.
func (m *Main) checkMenu(label string, on bool) {
	menu := m.win.MainMenu()
	if menu == nil {
		return
	}
	for _, mm := range menu.Items {
		for _, it := range mm.Items {
			if it.Label == label && it.Checked != on {
				it.Checked = on
				menu.Refresh()
			}
		}
	}
}
