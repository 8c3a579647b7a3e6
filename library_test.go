package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLibraryDefence runs the command line as an editor whose library was
// damaged would: add is refused with what to do and the file is not
// touched; list, check and backup still read it; restore puts a backup
// back; and a library cut to 0 bytes is never silently made a new one.
func TestLibraryDefence(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	var files []string
	for i := range 30 {
		files = append(files, write(t, dir, fmt.Sprintf("r%d.txt", i), strings.Repeat(fmt.Sprintf("Sentence %d about the ferry that sank. ", i), 150)))
	}
	if code, _, errs := run(t, db, append([]string{"add"}, files...)...); code != 0 {
		t.Fatalf("add: %d %s", code, errs)
	}
	bak := filepath.Join(dir, "backup.db")
	if code, _, errs := run(t, db, "backup", "--out", bak); code != 0 || !strings.Contains(errs, "Wrote "+bak) {
		t.Fatalf("backup: %d %s", code, errs)
	}
	if code, _, errs := run(t, db, "backup", "--out", bak); code != 1 || !strings.Contains(errs, "give --force") {
		t.Errorf("backup over a file: %d %s", code, errs)
	}
	if code, out, errs := run(t, db, "check"); code != 0 || out != db+": ok\n" {
		t.Errorf("check of a sound library: %d %q %s", code, out, errs)
	}

	data := damage(t, db)
	code, _, errs := run(t, db, "add", write(t, dir, "new.txt", "A new report about the ferry."))
	if code != 1 || !strings.Contains(errs, "is damaged") || !strings.Contains(errs, "Nothing was written to it") {
		t.Errorf("add to a damaged library: exit %d, %s", code, errs)
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, data) {
		t.Error("add wrote to the damaged library")
	}
	if code, out, errs := run(t, db, "check"); code != 1 || out == "" || !strings.Contains(errs, "damaged") {
		t.Errorf("check of a damaged library: exit %d, %q, %s", code, out, errs)
	}
	rec := filepath.Join(dir, "recovered.db")
	if code, out, errs := run(t, db, "recover", "--out", rec); code != 0 || !strings.Contains(out, "reports: ") || !strings.Contains(out, "--db "+rec) {
		t.Errorf("recover: exit %d, %s %s", code, out, errs)
	}
	if code, out, _ := run(t, rec, "check"); code != 0 || out != rec+": ok\n" {
		t.Errorf("check of the recovered library: exit %d, %s", code, out)
	}
	if code, out, _ := run(t, db, "restore", bak); code != 0 || !strings.Contains(out, "restored the library") || !strings.Contains(out, ".damaged-") {
		t.Errorf("restore over the damaged library: exit %d, %s", code, out)
	}
	if l := listed(t, db); len(l) != 30 {
		t.Errorf("after restore: %d reports, want 30", len(l))
	}
	if code, _, errs := run(t, db, "restore", filepath.Join(dir, "missing.db")); code != 1 || !strings.Contains(errs, "not a file") {
		t.Errorf("restore from a missing file: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("restore from a missing file created it")
	}

	// Cut to nothing: refused, for reading and writing, and left as it is.
	if err := os.WriteFile(db, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"list"}, {"add", files[0]}} {
		code, _, errs := run(t, db, args...)
		if code != 1 || !strings.Contains(errs, "it is empty (0 bytes)") {
			t.Errorf("%v on an empty file: exit %d, %s", args, code, errs)
		}
	}
	if fi, _ := os.Stat(db); fi.Size() != 0 {
		t.Error("the empty library file was replaced")
	}
}

// damage scribbles over the cells of a table b-tree page in the second
// half of the library file (text in overflow pages would go unnoticed:
// only the structure is checked) and returns the damaged bytes.
func damage(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	for off := len(data) / page / 2 * page; off+page <= len(data); off += page {
		if data[off] == 0x0d || data[off] == 0x05 { // leaf or interior table page
			copy(data[off+8:off+page], bytes.Repeat([]byte{0xa5}, page-8))
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			return data
		}
	}
	t.Fatal("no table page to damage")
	return nil
}
