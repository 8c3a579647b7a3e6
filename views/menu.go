package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/assets"
)

// shortcut is Ctrl+key (Cmd+key on macOS).
func shortcut(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// buildMenu makes the main menu. The desktop driver runs a menu item's
// shortcut from anywhere in the window, even while an entry has focus, so
// the accelerators need no separate registration.
func (m *Main) buildMenu() *fyne.MainMenu {
	add := fyne.NewMenuItem("Add report…", m.showAddReport)
	add.Shortcut = shortcut(fyne.KeyN)
	add.Icon = theme.ContentAddIcon()
	open := fyne.NewMenuItem("Open files…", m.showOpenFiles)
	open.Shortcut = shortcut(fyne.KeyO)
	open.Icon = theme.FolderOpenIcon()
	remove := fyne.NewMenuItem("Remove report…", m.confirmRemove)
	remove.Icon = theme.DeleteIcon()
	// Action nil: the driver supplies its own quit for an IsQuit item.
	quit := fyne.NewMenuItem("Quit", nil)
	quit.IsQuit = true
	quit.Shortcut = shortcut(fyne.KeyQ)

	find := fyne.NewMenuItem("Search library", m.lib.focusSearch)
	find.Shortcut = shortcut(fyne.KeyF)
	find.Icon = theme.SearchIcon()

	about := fyne.NewMenuItem("About Parallax", m.showAbout)
	about.Icon = theme.InfoIcon()

	return fyne.NewMainMenu(
		fyne.NewMenu("File", add, open, fyne.NewMenuItemSeparator(), remove, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu("Edit", find),
		fyne.NewMenu("Help", about),
	)
}

// version is the app's version from its metadata (FyneApp.toml or
// fyne build flags), or a plain note for a development build.
func (m *Main) version() string {
	md := m.app.Metadata()
	switch {
	case md.Version == "", md.Version == "dev":
		return "development build"
	case md.Build > 0:
		return fmt.Sprintf("Version %s (build %d)", md.Version, md.Build)
	}
	return "Version " + md.Version
}

// showAbout shows the About box.
func (m *Main) showAbout() {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("parallax.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))

	name := widget.NewLabel("Parallax")
	name.SizeName = theme.SizeNameHeadingText
	name.TextStyle.Bold = true
	name.Alignment = fyne.TextAlignCenter
	ver := newNote(m.version())
	ver.seg.Style.Alignment = fyne.TextAlignCenter
	what := widget.NewLabel("Compare several reports of the same story claim by claim: where the sources agree, where they differ, and what only one of them says.")
	what.Wrapping = fyne.TextWrapWord
	what.Alignment = fyne.TextAlignCenter

	content := container.NewVBox(container.NewCenter(icon), name, ver.RichText, what)
	d := dialog.NewCustom("About Parallax", "Close", content, m.win)
	d.Resize(fyne.NewSize(420, 340))
	d.Show()
}
