package cli

import (
	"bytes"
	"net"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestXAddress(t *testing.T) {
	for _, tc := range []struct {
		display, network, addr string
		ok                     bool
	}{
		{":0", "unix", "/tmp/.X11-unix/X0", true},
		{":77.0", "unix", "/tmp/.X11-unix/X77", true},
		{"unix:1", "unix", "/tmp/.X11-unix/X1", true},
		{"unix/:2", "unix", "/tmp/.X11-unix/X2", true},
		{"localhost:10.0", "tcp", "localhost:6010", true},
		{"tcp/10.0.0.5:1", "tcp", "10.0.0.5:6001", true},
		{"[::1]:3", "tcp", "[::1]:6003", true},
		{"/private/tmp/com.apple.launchd.x/org.xquartz:0", "", "", false},
		{"nonsense", "", "", false},
		{":x", "", "", false},
		{"host:99999", "", "", false},
		{"decnet/host::0", "", "", false},
	} {
		network, addr, ok := xAddress(tc.display)
		if network != tc.network || addr != tc.addr || ok != tc.ok {
			t.Errorf("xAddress(%q) = %q %q %v, want %q %q %v", tc.display, network, addr, ok, tc.network, tc.addr, tc.ok)
		}
	}
}

func TestReachable(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "X")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip(err)
	}
	if !reachable("unix", sock) {
		t.Errorf("a listening socket is not reachable")
	}
	l.Close()
	if reachable("unix", sock) {
		t.Errorf("a closed socket is reachable")
	}
}

// TestNoDisplay: the window started without a display says so in one line
// and exits 1 without trying to open it; a display that cannot be read is
// left for the window to try.
func TestNoDisplay(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the window needs no DISPLAY here")
	}
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "(DISPLAY is not set)"},
		{map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, "(DISPLAY is not set; under Wayland Parallax needs XWayland)"},
		// No X server has this number (and no TCP port).
		{map[string]string{"DISPLAY": ":59999"}, "(no X server answers on DISPLAY=:59999)"},
	} {
		var out, errb bytes.Buffer
		opened := false
		code := Run(nil, Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return tc.env[k] },
			DefaultDB: func() (string, error) { return "lib.db", nil },
			Window:    func(string, []string) error { opened = true; return nil }})
		want := "parallax: no display to open the window on " + tc.want + "; the subcommands work without one: parallax --help\n"
		if code != 1 || opened || errb.String() != want || out.Len() != 0 {
			t.Errorf("%v: exit %d, window opened %v, stderr %q, want %q", tc.env, code, opened, errb.String(), want)
		}
	}
	if err := displayProblem(func(k string) string { return map[string]string{"DISPLAY": "odd"}[k] }); err != nil {
		t.Errorf("a DISPLAY Parallax cannot read was judged: %v", err)
	}
}

// TestWindowOpensOnDisplay: with an X server answering, the window is
// opened on the library, with the files given.
func TestWindowOpensOnDisplay(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("abstract sockets are Linux's")
	}
	const display = ":59998"
	l, err := net.Listen("unix", "@/tmp/.X11-unix/X59998")
	if err != nil {
		t.Skip(err)
	}
	defer l.Close()
	var got []string
	var errb bytes.Buffer
	code := Run([]string{"--db", "lib.db", "help_test.go"}, Env{Stdout: &errb, Stderr: &errb,
		Getenv: func(k string) string { return map[string]string{"DISPLAY": display}[k] },
		Window: func(db string, files []string) error { got = append([]string{db}, files...); return nil }})
	if code != 0 || strings.Join(got, " ") != "lib.db help_test.go" {
		t.Errorf("exit %d, window on %v, output %q", code, got, errb.String())
	}
}
