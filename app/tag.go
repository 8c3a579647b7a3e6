package app

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TagCount is a tag and how many reports carry it.
type TagCount struct {
	Name    string
	Reports int
}

// MaxTagRunes bounds a tag's length: a tag is a label in a list, not a
// note.
const MaxTagRunes = 64

// ErrBadTag is a tag name CheckTag refuses; the error says why.
var ErrBadTag = errors.New("not a tag")

// CheckTag returns name as a tag is stored (spaces at the ends trimmed,
// runs of white space made one space) or an ErrBadTag saying why it cannot
// be one: empty, longer than MaxTagRunes, holding a control character, or
// starting with + or -, which the command line reads as adding and
// removing.
func CheckTag(name string) (string, error) {
	t := strings.Join(strings.Fields(name), " ")
	switch {
	case t == "":
		return "", fmt.Errorf("%w: a tag needs a name", ErrBadTag)
	case utf8.RuneCountInString(t) > MaxTagRunes:
		return "", fmt.Errorf("%w: %q is longer than %d characters", ErrBadTag, t, MaxTagRunes)
	case strings.IndexFunc(t, unicode.IsControl) >= 0:
		return "", fmt.Errorf("%w: %q holds a control character", ErrBadTag, t)
	case t[0] == '+' || t[0] == '-':
		return "", fmt.Errorf("%w: %q starts with %c", ErrBadTag, t, t[0])
	}
	return t, nil
}
