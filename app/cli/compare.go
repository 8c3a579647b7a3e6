package cli

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"parallax/app/compare"
	"parallax/app/export"
	"parallax/app/workspace"
)

// runCompare is `parallax compare [--format json|md|html|csv|pdf] [--editor
// NAME] [--out PATH] FILE...`: it compares files without opening the
// library (DESIGN.md, Command line) and writes them through export.Write,
// as the window exports them, with no notes, dated now; md is the default because a person at a terminal
// reads it. The whole output is built in memory before anything is
// written, so a failure never leaves half a file, and --out is replaced
// atomically (a temporary file in the same folder, then a rename), so a
// reader never sees a partial export.
//
// Mistakes are reported on one line (no usage text), because scripts such
// as score.py show the first line of stderr.
func runCompare(c *call, args []string) error {
	format := c.fs.String("format", "md", "")
	out := c.fs.String("out", "", "")
	opt := c.memoOptions()
	files, err := c.parseArgs(args)
	if err != nil {
		return err
	}
	f := strings.ToLower(*format)
	if !slices.Contains(export.Formats, f) {
		return fmt.Errorf("compare: unknown format %q (use %s)", *format, strings.Join(export.Formats, ", "))
	}
	if len(files) < 2 {
		return fmt.Errorf("compare needs at least two files, got %d", len(files))
	}
	cmp, err := compare.Files(c.ctx, files, compare.Options{}, nil)
	if err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	var b bytes.Buffer
	opt.Exported = time.Now()
	if err := export.Write(&b, f, &export.Memo{C: cmp}, *opt); err != nil {
		return fmt.Errorf("compare: %w", err)
	}
	return c.emit("compare", b.Bytes(), *out)
}

// emit writes a command's output to stdout, or atomically to the file out.
func (c *call) emit(cmd string, data []byte, out string) error {
	if out == "" {
		_, err := c.env.Stdout.Write(data)
		return err
	}
	if err := workspace.WriteFile(out, data); err != nil {
		return fmt.Errorf("%s: %w", cmd, err)
	}
	return nil
}
