package cli

import (
	"errors"
	"fmt"
	"net"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// displayProblem says, in one line, why the window has no display to open
// on, or returns nil when it may have one. On Linux and the BSDs Parallax's
// window draws through X11 (GLFW built without its wayland tag, under
// Wayland through XWayland), so it needs DISPLAY naming an X server that
// answers. Without this check GLFW fails deep inside Fyne and the editor
// reads "PlatformError … internal error (please report this)". Only what is
// certain is reported: a DISPLAY this cannot read is left for GLFW to try.
func displayProblem(getenv func(string) string) error {
	switch runtime.GOOS {
	case "darwin", "windows", "ios", "android", "js":
		return nil
	}
	display := getenv("DISPLAY")
	why := ""
	switch {
	case display == "" && getenv("WAYLAND_DISPLAY") != "":
		why = "DISPLAY is not set; under Wayland Parallax needs XWayland"
	case display == "":
		why = "DISPLAY is not set"
	default:
		network, addr, ok := xAddress(display)
		if !ok || reachable(network, addr) {
			return nil
		}
		why = fmt.Sprintf("no X server answers on DISPLAY=%s", display)
	}
	return errors.New("no display to open the window on (" + why + "); the subcommands work without one: parallax --help")
}

// xAddress returns where the X server of display ("[host]:N[.screen]",
// optionally "unix/" or "tcp/" first) listens, as Xlib finds it: the local
// socket of display N for no host or host "unix", else TCP port 6000+N of
// host. ok is false for a display this does not read (a launchd socket
// path, say).
func xAddress(display string) (network, addr string, ok bool) {
	proto, rest, hasProto := strings.Cut(display, "/")
	if !hasProto {
		proto, rest = "", display
	} else if proto != "unix" && proto != "tcp" {
		return "", "", false
	}
	i := strings.LastIndexByte(rest, ':')
	if i < 0 {
		return "", "", false
	}
	host, num := rest[:i], rest[i+1:]
	num, _, _ = strings.Cut(num, ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || strings.HasPrefix(host, "/") {
		return "", "", false
	}
	if proto == "unix" || proto == "" && (host == "" || host == "unix") {
		return "unix", "/tmp/.X11-unix/X" + num, true
	}
	if n > 65535-6000 {
		return "", "", false
	}
	return "tcp", net.JoinHostPort(strings.Trim(host, "[]"), strconv.Itoa(6000+n)), true
}

// reachable reports whether something accepts a connection at addr. On
// Linux an X server listens on an abstract socket as well as on the file,
// and a server in another mount namespace (a container) may offer only the
// former, so both are tried.
func reachable(network, addr string) bool {
	try := []string{addr}
	if network == "unix" && runtime.GOOS == "linux" {
		try = append([]string{"@" + addr}, try...)
	}
	for _, a := range try {
		if conn, err := net.DialTimeout(network, a, 2*time.Second); err == nil {
			conn.Close()
			return true
		}
	}
	return false
}
