package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at path with data atomically: written to a
// temporary file in the same folder (so the rename stays on one file
// system), synced, then renamed over path. A reader never sees half an
// export, and a failure leaves the old file as it was.
func WriteFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return writeError(path, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return writeError(path, err)
	}
	return nil
}

// writeError says why path could not be written in the editor's words,
// without the temporary file's name: path is a folder, its folder is
// missing, writing there is not allowed, or the system's own reason (disk
// full, say). It unwraps to err.
func writeError(path string, err error) error {
	var reason string
	var pe *fs.PathError
	var le *os.LinkError
	fi, statErr := os.Stat(path)
	switch {
	case statErr == nil && fi.IsDir():
		reason = "it is a folder"
	case errors.Is(err, fs.ErrNotExist):
		reason = "there is no folder " + filepath.Dir(path)
	case errors.Is(err, fs.ErrPermission):
		reason = "permission denied"
	case errors.As(err, &pe):
		reason = pe.Err.Error()
	case errors.As(err, &le):
		reason = le.Err.Error()
	default:
		reason = err.Error()
	}
	return &writeFailure{msg: fmt.Sprintf("cannot write %s: %s", path, reason), err: err}
}

// writeFailure is a failed WriteFile: a message for the editor and the
// error underneath for errors.Is.
type writeFailure struct {
	msg string
	err error
}

func (e *writeFailure) Error() string { return e.msg }
func (e *writeFailure) Unwrap() error { return e.err }
