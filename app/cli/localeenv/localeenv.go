// Package localeenv keeps Fyne from printing "Fyne error: Error parsing user
// locale C" when Parallax starts under a C or POSIX locale (LANG=C.UTF-8 is
// the default of many containers and servers), or under a locale with a
// modifier (de_DE@euro).
//
// Where the line comes from: package fyne.io/fyne/v2/lang has an init
// function that loads Fyne's translations and, through updateLocalizer and
// closestSupportedLocale, parses every locale github.com/jeandeaual/go-locale
// reads from LC_ALL, LC_MESSAGES, LANG (the first one set) and LANGUAGE with
// golang.org/x/text/language. go-locale passes "C" and "POSIX" on as no
// locale, but turns "C.UTF-8" into "C", "POSIX.UTF-8" into "POSIX" and
// "de_DE@euro" into "de-DE@euro", none of which is a language tag, so Fyne
// logs an error. That runs during package initialisation, before main, for
// every command, the window or not; later, in the window only,
// lang.SystemLocale parses the first locale again (fonts, the device's
// locale), where a one-letter "C" quietly means English.
//
// So this package's init rewrites, before Fyne's init reads them, only those
// of the variables go-locale reads whose value Fyne cannot parse: a C or
// POSIX locale with a charset becomes "C", which go-locale and Fyne take as
// "no locale, use English", an empty or C entry of LANGUAGE is dropped, and
// a modifier is cut (de_DE@euro becomes de_DE). A locale Fyne can read
// (de_DE.UTF-8, pt_BR) is never changed, so Fyne's dialogs keep the user's
// language. main calls Restore first thing, which puts the user's values back
// where Fyne's later calls read them without complaint, so the programs
// Parallax runs (pdftotext, tesseract) see the environment they were given.
//
// Why this init runs before Fyne's: Go initialises packages one at a time,
// each step taking the first package, in import path order, whose imports are
// all initialised (the Go spec, "Package initialization", since Go 1.21).
// This package imports only os and strings, and fyne.io/fyne/v2/lang imports
// text/template, which sorts after "parallax/app/cli/localeenv" and itself
// needs os (through fmt) and strings. So whenever text/template could be
// initialised, this package could be too and comes first in the order: it is
// initialised before text/template, hence before Fyne's lang. Keep the
// imports to packages text/template needs, or the argument breaks;
// TestInitOrder checks it on the built program.
package localeenv

import (
	"os"
	"strings"
)

// saved holds each variable init changed with the value it had, and
// restore says whether Restore puts those values back.
var (
	saved   map[string]string
	restore bool
)

func init() {
	fixed := fix(os.Getenv)
	if len(fixed) == 0 {
		return
	}
	restore = restoreSafe(os.Getenv, fixed)
	saved = make(map[string]string, len(fixed))
	for name, v := range fixed {
		saved[name] = os.Getenv(name)
		os.Setenv(name, v)
	}
}

// Restore puts back the values init changed, unless Fyne's calls after
// start-up (they read only the first locale) would log the same error for
// them; then the fixed values stay. main calls it before anything else.
func Restore() {
	if !restore {
		return
	}
	for name, v := range saved {
		os.Setenv(name, v)
	}
	saved, restore = nil, false
}

// fix returns the variables to set, with their new values, so that every
// locale go-locale reads from the environment getenv gives is one Fyne can
// parse; nil when there is nothing to fix. It follows go-locale's
// locale_unix.go: the first of LC_ALL, LC_MESSAGES and LANG that is set
// decides, exactly "C" or "POSIX" means no locale, and otherwise LANGUAGE,
// when set, lists the locales in its place.
func fix(getenv func(string) string) map[string]string {
	name, value := mainVar(getenv)
	if value == "C" || value == "POSIX" {
		return nil
	}
	out := map[string]string{}
	if langs := getenv("LANGUAGE"); langs != "" {
		var kept []string
		for _, l := range strings.Split(langs, ":") {
			if l, ok := fixEntry(l); ok {
				kept = append(kept, l)
			}
		}
		if len(kept) > 0 {
			if v := strings.Join(kept, ":"); v != langs {
				out["LANGUAGE"] = v
			}
			return out
		}
		// No usable entry: go-locale would fall back on nothing, so let
		// LANGUAGE carry the main locale, or make the main locale "C".
		if l, ok := fixEntry(value); ok {
			out["LANGUAGE"] = l
			return out
		}
		if name == "" {
			name = "LANG"
		}
		out[name] = "C"
		return out
	}
	if value == "" {
		return nil
	}
	switch l, ok := fixEntry(value); {
	case !ok:
		out[name] = "C"
	case l != value:
		out[name] = l
	default:
		return nil
	}
	return out
}

// restoreSafe reports whether the environment getenv gives can be put back
// after fixed was applied: when its first locale, as Fyne's lang.SystemLocale
// reads it, is under two letters (Fyne then uses English without parsing)
// or is one fix left as it was.
func restoreSafe(getenv func(string) string, fixed map[string]string) bool {
	first := firstLocale(getenv)
	after := firstLocale(func(k string) string {
		if v, ok := fixed[k]; ok {
			return v
		}
		return getenv(k)
	})
	return len(first) < 2 || first == after
}

// mainVar returns the first of LC_ALL, LC_MESSAGES and LANG that is set,
// and its value.
func mainVar(getenv func(string) string) (name, value string) {
	for _, n := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(n); v != "" {
			return n, v
		}
	}
	return "", ""
}

// firstLocale is the locale go-locale's GetLocale returns: "" for none,
// else the first entry as a tag ("de-DE").
func firstLocale(getenv func(string) string) string {
	_, value := mainVar(getenv)
	if value == "C" || value == "POSIX" {
		return ""
	}
	if langs := getenv("LANGUAGE"); langs != "" {
		value = langs
	}
	if value == "" {
		return ""
	}
	first, _, _ := strings.Cut(value, ":")
	return tag(first)
}

// tag turns a locale entry into the tag go-locale gives Fyne: the charset
// cut, "_" for "-", language and territory joined by "-".
func tag(entry string) string {
	base, _, _ := strings.Cut(entry, ".")
	base = strings.ReplaceAll(base, "-", "_")
	lang, territory, _ := strings.Cut(base, "_")
	if territory == "" {
		return lang
	}
	return lang + "-" + territory
}

// fixEntry returns entry as a locale Fyne can parse and true, or false when
// it names no language: empty, C or POSIX (with a charset or not). A
// modifier before the charset is cut: go-locale keeps it in the tag.
func fixEntry(entry string) (string, bool) {
	base, charset, hasCharset := strings.Cut(entry, ".")
	lang, _, _ := strings.Cut(strings.ReplaceAll(base, "-", "_"), "_")
	if i := strings.IndexByte(lang, '@'); i >= 0 {
		lang = lang[:i]
	}
	if lang == "" || strings.EqualFold(lang, "C") || strings.EqualFold(lang, "POSIX") {
		return "", false
	}
	if i := strings.IndexByte(base, '@'); i >= 0 {
		base = base[:i]
	}
	if hasCharset {
		return base + "." + charset, true
	}
	return base, true
}
