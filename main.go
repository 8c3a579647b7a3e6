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
	"os"

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
		DefaultDB:      storage.DefaultPath,
		Window:         window,
		Version:        version,
		StdoutTerminal: cli.IsTerminal(os.Stdout),
	}))
}

func openStore(path string) (app.Store, error) { return storage.Open(path) }

// window opens the library at dbPath and runs the window until it closes.
func window(dbPath string, files []string) error {
	st, err := storage.Open(dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	fyneapp.SetMetadata(fyne.AppMetadata{
		ID: appID, Name: "Parallax", Version: version,
		Icon: fyne.NewStaticResource("icon.png", assets.Icon),
	})
	a := fyneapp.NewWithID(appID)
	views.Run(a, workspace.New(st), files)
	return nil
}
