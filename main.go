// Command parallax compares several reports of the same story claim by claim.
// With no arguments it opens the window; subcommands (add, list, show, search,
// export, compare, ...; parallax --help lists them) work without one. See
// README.md and DESIGN.md.
//
// This file is the composition root only: it is the one place that knows
// both the SQLite storage and the Fyne views, and it wires them to the
// command line in package app/cli.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"parallax/app"
	"parallax/app/cli"
	// localeenv's init runs before Fyne's and keeps it from logging an
	// error under LANG=C.UTF-8 and the like; see its package comment.
	"parallax/app/cli/localeenv"
	"parallax/app/workspace"
	"parallax/assets"
	"parallax/storage"
	"parallax/views"
)

// version is set from FyneApp.toml by `make build` (-ldflags -X).
var version = "dev"

// appID matches FyneApp.toml; preferences are stored under it.
const appID = "org.parallax.desktop"

func main() {
	localeenv.Restore()
	os.Exit(cli.Run(os.Args[1:], cli.Env{
		Stdin:          os.Stdin,
		Stdout:         os.Stdout,
		Stderr:         os.Stderr,
		Getenv:         os.Getenv,
		OpenStore:      openStore,
		Restore:        storage.Restore,
		Recover:        storage.Recover,
		DefaultDB:      storage.DefaultPath,
		Window:         window,
		Version:        version,
		StdoutTerminal: cli.IsTerminal(os.Stdout),
	}))
}

// openStore opens the library at path for the command line: read-only for
// commands that only read.
func openStore(path string, readOnly bool) (app.Store, error) {
	return storage.OpenWith(path, storage.Options{ReadOnly: readOnly})
}

// openForWindow opens the library for the window. A damaged one, or one
// that cannot be written (a read-only folder or disk), is opened read-only,
// with the notice the window shows: the editor can still read and export
// it, nothing is written to it, and the notes panel keeps what is typed and
// says it is not saved.
func openForWindow(dbPath string) (st *storage.DB, title, notice string, err error) {
	st, err = storage.Open(dbPath)
	var de *app.DamagedError
	switch {
	case errors.As(err, &de):
		title = "The library is damaged"
		notice = fmt.Sprintf("%v.\n\nIt was opened read-only: you can read and export it, but changes cannot be saved, "+
			"and nothing was written to it. What lies on the damaged pages may not show.\n\n`parallax check` lists the damage, "+
			"`parallax recover --out NEW.db` saves what can be read into a new library, and `parallax restore BACKUP` puts a backup back.", de)
	case errors.Is(err, app.ErrReadOnly):
		title = "The library cannot be changed"
		notice = fmt.Sprintf("%s is on a disk or in a folder that cannot be written, so it was opened read-only: you can "+
			"read and export it, but changes cannot be saved.", dbPath)
	default:
		return st, "", "", err
	}
	ro, rerr := storage.OpenWith(dbPath, storage.Options{ReadOnly: true, Reason: strings.ToLower(title[:1]) + title[1:]})
	if rerr != nil {
		return nil, "", "", err
	}
	return ro, title, notice, nil
}

// window opens the library at dbPath and runs the window until it closes.
func window(dbPath string, files []string) error {
	st, title, notice, err := openForWindow(dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	fyneapp.SetMetadata(fyne.AppMetadata{
		ID: appID, Name: "Parallax", Version: version,
		Icon: fyne.NewStaticResource("icon.png", assets.Icon),
	})
	a := fyneapp.NewWithID(appID)
	m := views.New(a, workspace.New(st), files...)
	if notice != "" {
		m.Warn(title, notice)
	}
	m.ShowAndRun()
	return nil
}
