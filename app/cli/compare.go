package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"parallax/app/compare"
	"parallax/app/export"
)

// formats are the writers `parallax compare --format` offers; md is the
// default because a person at a terminal reads it.
var formats = map[string]func(*bytes.Buffer, *compare.Comparison) error{
	"md":   func(b *bytes.Buffer, c *compare.Comparison) error { return export.Markdown(b, c) },
	"json": func(b *bytes.Buffer, c *compare.Comparison) error { return export.JSON(b, c) },
	"html": func(b *bytes.Buffer, c *compare.Comparison) error { return export.HTML(b, c) },
	"csv":  func(b *bytes.Buffer, c *compare.Comparison) error { return export.CSV(b, c) },
}

// runCompare is `parallax compare [--format json|md|html|csv] [--out PATH]
// FILE...`: it compares files without opening the library (DESIGN.md,
// Command line). The whole output is built in memory before anything is
// written, so a failure never leaves half a file, and --out is replaced
// atomically (a temporary file in the same folder, then a rename), so a
// reader never sees a partial export.
//
// Mistakes are reported on one line (no usage text), because scripts such
// as score.py show the first line of stderr.
func runCompare(c *call, args []string) error {
	format := c.fs.String("format", "md", "")
	out := c.fs.String("out", "", "")
	files, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	write, ok := formats[strings.ToLower(*format)]
	if !ok {
		return fmt.Errorf("compare: unknown format %q (use json, md, html or csv)", *format)
	}
	if len(files) < 2 {
		return fmt.Errorf("compare needs at least two files, got %d", len(files))
	}
	cmp, err := compare.Files(c.ctx, files, compare.Options{}, nil)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	var b bytes.Buffer
	if err := write(&b, cmp); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	if *out == "" {
		_, err := c.env.Stdout.Write(b.Bytes())
		return err
	}
	return writeAtomic(*out, b.Bytes())
}

// writeAtomic replaces the file at path with data: written to a temporary
// file in the same folder (so the rename stays on one file system), synced,
// then renamed over path.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("compare: cannot write %s: %w", path, err)
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
		return fmt.Errorf("compare: cannot write %s: %w", path, err)
	}
	return nil
}
