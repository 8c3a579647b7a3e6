package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"parallax/app/fetch"
	"parallax/app/files"
	"parallax/app/ingest"
)

// maxExpand bounds how many files one folder can bring into an import: a
// folder of a story's reports holds dozens, an archive of a desk thousands;
// a home folder dropped by mistake should stop with a message, not an
// afternoon of importing.
const maxExpand = 10000

// Expand turns the sources an editor named into the files to import, in
// order: a web address stands for itself, as does a file (whatever its name, so the editor learns
// why a file was refused rather than seeing it skipped); a folder stands
// for the files under it, recursively, whose extension has a reader
// (ingest.Extensions), in the walk's lexical order, skipping hidden files and folders
// and never following links to folders (which can loop). A folder that
// cannot be read, or holds no such file, becomes one failed outcome that
// says so. Outcomes with Err set are final; the others carry only Path.
func Expand(sources []string) []Imported {
	var out []Imported
	for _, src := range sources {
		if fetch.IsAddress(src) {
			out = append(out, Imported{Path: src})
			continue
		}
		fi, err := os.Stat(src)
		if err != nil || !fi.IsDir() {
			out = append(out, Imported{Path: src})
			continue
		}
		found, err := filesUnder(src)
		switch {
		case err != nil:
			out = append(out, Imported{Path: src, Err: fmt.Errorf("%s: %w", files.Printable(filepath.Base(src)), err)})
		case len(found) == 0:
			out = append(out, Imported{Path: src, Err: fmt.Errorf("%s: a folder with no files Parallax can read", files.Printable(filepath.Base(src)))})
		}
		for _, f := range found {
			out = append(out, Imported{Path: f})
		}
	}
	return out
}

// errTooMany stops a walk that found more than maxExpand files.
var errTooMany = fmt.Errorf("a folder with more than %d files to import; choose a smaller one", maxExpand)

// filesUnder lists the readable files under dir, sorted.
func filesUnder(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // an unreadable sub-folder does not spoil the rest
		}
		hidden := p != dir && strings.HasPrefix(d.Name(), ".")
		switch {
		case d.IsDir() && hidden:
			return filepath.SkipDir
		case d.IsDir() || hidden || !d.Type().IsRegular():
			return nil
		case Readable(d.Name()):
			if len(out) == maxExpand {
				return errTooMany
			}
			out = append(out, p)
		}
		return nil
	})
	if errors.Is(err, fs.ErrPermission) {
		return nil, errors.New("the folder cannot be opened: permission denied")
	}
	if err != nil && !errors.Is(err, errTooMany) {
		return nil, fmt.Errorf("the folder cannot be read: %w", err)
	}
	return out, err
}

// Readable reports whether a file called name is one Parallax reads by its
// extension, so that a folder's other files (images, spreadsheets) are
// left alone.
func Readable(name string) bool {
	return slices.Contains(ingest.Extensions(), strings.ToLower(filepath.Ext(name)))
}
