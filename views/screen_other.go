//go:build ci || wasm || js || android || ios || mobile

package views

import "fyne.io/fyne/v2"

// screenArea cannot tell the screen here (the headless test driver, or a
// platform whose windows the system sizes): the window opens at
// fallbackWindow or the size remembered.
func screenArea() (area fyne.Size, desktop, ok bool) { return fyne.Size{}, false, false }
