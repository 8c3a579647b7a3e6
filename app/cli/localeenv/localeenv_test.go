package localeenv

import (
	"maps"
	"testing"
)

// TestFix pins which locale variables are rewritten, and how, for the
// values go-locale would hand Fyne unparsed, and that readable ones are left.
func TestFix(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		want    map[string]string
		restore bool
	}{
		{env: nil, want: nil},
		{env: map[string]string{"LANG": "C"}, want: nil},
		{env: map[string]string{"LC_ALL": "POSIX"}, want: nil},
		{env: map[string]string{"LANG": "de_DE.UTF-8"}, want: nil},
		{env: map[string]string{"LANG": "pt_BR"}, want: nil},
		{env: map[string]string{"LANG": "C.UTF-8"}, want: map[string]string{"LANG": "C"}, restore: true},
		{env: map[string]string{"LANG": "C.utf8"}, want: map[string]string{"LANG": "C"}, restore: true},
		{env: map[string]string{"LC_ALL": "C.UTF-8", "LANG": "de_DE.UTF-8"}, want: map[string]string{"LC_ALL": "C"}, restore: true},
		{env: map[string]string{"LC_MESSAGES": "POSIX.UTF-8"}, want: map[string]string{"LC_MESSAGES": "C"}},
		{env: map[string]string{"LANG": "de_DE@euro"}, want: map[string]string{"LANG": "de_DE"}},
		{env: map[string]string{"LANG": "sr_RS@latin.UTF-8"}, want: map[string]string{"LANG": "sr_RS.UTF-8"}},
		// A modifier after the charset never reaches Fyne.
		{env: map[string]string{"LANG": "de_DE.UTF-8@euro"}, want: nil},
		// LANGUAGE replaces the main locale unless that is exactly C or POSIX.
		{env: map[string]string{"LANG": "C", "LANGUAGE": "C.UTF-8"}, want: nil},
		{env: map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "de:en"}, want: nil},
		{env: map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de::en:"}, want: map[string]string{"LANGUAGE": "de:en"}, restore: true},
		{env: map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "fr@x:en"}, want: map[string]string{"LANGUAGE": "fr:en"}},
		{env: map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "C.UTF-8"}, want: map[string]string{"LANGUAGE": "de_DE.UTF-8"}, restore: true},
		{env: map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "C.UTF-8"}, want: map[string]string{"LANG": "C"}, restore: true},
		{env: map[string]string{"LANGUAGE": "POSIX.UTF-8"}, want: map[string]string{"LANG": "C"}},
	} {
		getenv := func(k string) string { return tc.env[k] }
		got := fix(getenv)
		if len(got) == 0 {
			got = nil
		}
		if !maps.Equal(got, tc.want) {
			t.Errorf("%v: fix = %v, want %v", tc.env, got, tc.want)
			continue
		}
		if got == nil {
			continue
		}
		if r := restoreSafe(getenv, got); r != tc.restore {
			t.Errorf("%v: restoreSafe = %v, want %v", tc.env, r, tc.restore)
		}
		after := func(k string) string {
			if v, ok := got[k]; ok {
				return v
			}
			return tc.env[k]
		}
		if again := fix(after); len(again) != 0 {
			t.Errorf("%v: fixed environment still needs %v", tc.env, again)
		}
	}
}
