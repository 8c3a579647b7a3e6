package workspace

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"parallax/app/files"
)

// ErrExists is WriteFile refusing to replace a file that is already there
// when it was not told it may: the command line says to give --force, the
// window has asked before it calls.
var ErrExists = errors.New("it already exists")

// ErrNotRegular is WriteFile refusing a path that is not a regular file
// (a folder, a named pipe, a device, a socket): the error's message says
// which.
var ErrNotRegular = errors.New("not a regular file")

// WriteFile writes data to the regular file at path, never leaving half a
// file and never destroying what it was not asked to:
//
//   - The data goes to a temporary file in the same folder (so the last
//     step stays on one file system), is synced, and only then takes the
//     path: a reader never sees half an export, and a failure (a full
//     disk, say) leaves whatever was at path as it was.
//   - A new file is created with a hard link from the temporary one, which
//     fails if a file appeared at path meanwhile, so even a race never
//     overwrites; where the file system has no hard links, a rename.
//   - A file already at path is replaced only when replace is true, and
//     keeps its permissions (a 0600 memo stays private).
//   - A symbolic link is followed: the file it points to is replaced, the
//     link stays (as the shell's > does). A link to nothing is refused.
//   - Anything but a regular file (a folder, a named pipe, a device, a
//     socket) is refused, replace or not: renaming over it would turn
//     /dev/full or a FIFO a program reads into a plain file.
//
// Errors name path as the user gave it, never the temporary file.
func WriteFile(path string, data []byte, replace bool) error {
	return WriteWith(path, replace, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}

// WriteWith is WriteFile with the data written by fill into the temporary
// file f (its name is f.Name(); fill may also have another program write
// the file by that name, and need not close f), for output that is not
// built in memory first: a backup of the library.
func WriteWith(path string, replace bool, fill func(f *os.File) error) error {
	target, fi, err := writeTarget(path)
	if err != nil {
		return writeError(path, err)
	}
	if fi != nil && !replace {
		return writeError(path, ErrExists)
	}
	tmp, err := writeTemp(target, fill, fi)
	if err != nil {
		return writeError(path, err)
	}
	if fi != nil {
		err = os.Rename(tmp, target)
	} else if err = os.Link(tmp, target); err == nil || errors.Is(err, fs.ErrExist) {
		os.Remove(tmp)
		if err != nil {
			err = ErrExists
		}
	} else {
		// No hard links here (FAT, some network file systems): the
		// check above is as close as a rename can come.
		err = os.Rename(tmp, target)
	}
	if err != nil {
		os.Remove(tmp)
		return writeError(path, err)
	}
	syncDir(filepath.Dir(target))
	return nil
}

// writeTarget is the file WriteFile writes for path: path itself, or the
// file a symbolic link at path points to; with that file's information
// when there is one already (nil when there is none). A target that is
// not a regular file is an ErrNotRegular saying what it is.
func writeTarget(path string) (target string, fi fs.FileInfo, err error) {
	fi, err = os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return path, nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	target = path
	if fi.Mode()&fs.ModeSymlink != 0 {
		if target, err = filepath.EvalSymlinks(path); errors.Is(err, fs.ErrNotExist) {
			return "", nil, errors.New("it is a link to a file that does not exist")
		} else if err != nil {
			return "", nil, err
		}
		if fi, err = os.Stat(target); err != nil {
			return "", nil, err
		}
	}
	if kind := files.Kind(fi.Mode()); kind != "" {
		return "", nil, fmt.Errorf("it is %s, %w", kind, ErrNotRegular)
	}
	return target, fi, nil
}

// writeTemp has fill write a new file beside target, syncs it and returns
// its path. It gets the permissions of old, the file it will replace, or
// for a new file 0666 trimmed by the umask, as any new file.
func writeTemp(target string, fill func(*os.File) error, old fs.FileInfo) (string, error) {
	var r [6]byte
	if _, err := rand.Read(r[:]); err != nil {
		return "", err
	}
	tmp := filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+"."+hex.EncodeToString(r[:])+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o666)
	if err != nil {
		return "", err
	}
	err = fill(f)
	if err == nil && old != nil {
		err = f.Chmod(old.Mode().Perm())
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	return tmp, nil
}

// syncDir makes a new name in dir durable: the file's data is synced, but
// the entry naming it lives in the folder. Where folders cannot be synced
// (Windows), the rename is as durable as the system makes it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// writeError says why path could not be written in the editor's words,
// without the temporary file's name: it is there already, it is not a
// regular file, its folder is missing, writing there is not allowed, or
// the system's own reason (disk full, say). It unwraps to err.
func writeError(path string, err error) error {
	var reason string
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.Is(err, ErrExists), errors.Is(err, ErrNotRegular):
		reason = err.Error()
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
	return &writeFailure{msg: fmt.Sprintf("cannot write %s: %s", files.Printable(path), reason), err: err}
}

// writeFailure is a failed WriteFile: a message for the editor and the
// error underneath for errors.Is.
type writeFailure struct {
	msg string
	err error
}

func (e *writeFailure) Error() string { return e.msg }
func (e *writeFailure) Unwrap() error { return e.err }
