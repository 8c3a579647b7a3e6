package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"parallax/app/apptest"
)

// built is the parallax program the tests below run, built once.
var built struct {
	once sync.Once
	path string
	err  error
	out  []byte
}

// program builds this module's command into a temporary folder, with the
// tags the tests run under (the headless driver, so no GLFW is compiled:
// what is tested here happens before any window), and returns its path.
func program(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the program; skipped with -short")
	}
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-bin-")
		if err != nil {
			built.err = err
			return
		}
		built.path = filepath.Join(dir, "parallax")
		built.out, built.err = exec.Command("go", "build", "-tags", "ci sqlite_fts5", "-o", built.path, ".").CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build: %v\n%s", built.err, built.out)
	}
	return built.path
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.path != "" {
		os.RemoveAll(filepath.Dir(built.path))
	}
	os.Exit(code)
}

// environ is this process's environment without any locale or display
// variable, with extra added and the library in dir.
func environ(dir string, extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") ||
			name == "DISPLAY" || name == "WAYLAND_DISPLAY" || name == "GODEBUG" || name == "PARALLAX_DB" {
			continue
		}
		env = append(env, kv)
	}
	return append(append(env, "PARALLAX_DB="+filepath.Join(dir, "lib.db")), extra...)
}

// exe runs the program with env and args (stdin from stdin) and returns its
// exit code, stdout and stderr.
func exe(t *testing.T, bin string, env []string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

const noDisplay = "parallax: no display to open the window on (DISPLAY is not set); the subcommands work without one: parallax --help\n"

// TestLocalesLeaveStderrClean runs the built program under the locales of
// containers and servers (LANG=C.UTF-8 first), the C and POSIX locales, no
// locale at all and real ones, and checks that Fyne says nothing about them
// ("Fyne error: Error parsing user locale"): every command's stderr holds
// only what the command itself says, the window's the one line that there
// is no display.
func TestLocalesLeaveStderrClean(t *testing.T) {
	bin := program(t)
	files := apptest.SampleFiles(t)
	pairs := "label\tid1\tid2\ttext1\ttext2\n1\ta\tb\tThe ferry sank.\tThe ferry went down.\n"
	for _, locale := range [][]string{
		{"LANG=C.UTF-8"}, {"LC_ALL=C.UTF-8"}, {"LANG=C"}, {"LC_ALL=POSIX"}, {}, {"LANG=POSIX.UTF-8"},
		{"LANG=de_DE.UTF-8"}, {"LANG=pt_BR"}, {"LANG=de_DE@euro"}, {"LANG=C.UTF-8", "LANGUAGE=fr:C"},
		{"LANG=en_GB.UTF-8", "LC_MESSAGES=C.utf8"},
	} {
		t.Run(strings.Join(locale, ","), func(t *testing.T) {
			t.Parallel()
			env := environ(t.TempDir(), locale...)
			runs := []struct {
				args   []string
				code   int
				stderr string
			}{
				{[]string{"version"}, 0, ""},
				{nil, 1, noDisplay},
			}
			if slices.Equal(locale, []string{"LANG=C.UTF-8"}) {
				runs = append(runs, []struct {
					args   []string
					code   int
					stderr string
				}{
					{[]string{"--help"}, 0, ""},
					{[]string{"export", "--help"}, 0, ""},
					{[]string{"list"}, 0, ""},
					{[]string{"add", files[0]}, 0, ""},
					{[]string{"search", "ferry"}, 0, ""},
					{append([]string{"compare", "--format", "json"}, files...), 0, ""},
					{[]string{"pairs"}, 0, ""},
					{[]string{"show", "42"}, 1, "parallax: no report with ID 42 in the library\n"},
				}...)
			}
			for _, r := range runs {
				code, _, errs := exe(t, bin, env, pairs, r.args...)
				if code != r.code || errs != r.stderr {
					t.Errorf("%v: exit %d, stderr %q; want %d and %q", r.args, code, errs, r.code, r.stderr)
				}
			}
		})
	}
}

// TestLocaleInitOrder checks, on the built program, the argument of
// package localeenv's comment: its init runs before Fyne's lang package
// reads the locale.
func TestLocaleInitOrder(t *testing.T) {
	bin := program(t)
	_, _, errs := exe(t, bin, environ(t.TempDir(), "LANG=C.UTF-8", "GODEBUG=inittrace=1"), "", "version")
	order := map[string]int{}
	for i, line := range strings.Split(errs, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			order[f[1]] = i + 1
		}
	}
	ours, fyne := order["parallax/app/cli/localeenv"], order["fyne.io/fyne/v2/lang"]
	if ours == 0 || fyne == 0 || ours > fyne {
		t.Errorf("localeenv initialised at step %d, Fyne's lang at %d (0: not seen); want localeenv first", ours, fyne)
	}
}
