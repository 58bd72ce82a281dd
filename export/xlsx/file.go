package xlsx

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"ccselect/export"
)

// writeFile writes path through export.WriteFileAtomic (temporary file beside it, fsync,
// rename) so a reader never sees half a workbook. A new file is first created empty with mode
// 0600 and O_EXCL: that refuses an existing file without --force race-free, and the atomic
// writer keeps the mode of the file it replaces, so the workbook is never readable by others,
// not even for a moment. On failure the placeholder is removed: nothing changes on disk.
func writeFile(path string, force bool, write func(io.Writer) error) error {
	created := false
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		created = true
		fh.Close()
	case errors.Is(err, fs.ErrExist):
		if !force {
			return fmt.Errorf("%s already exists; use --force to replace it", path)
		}
	default:
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := export.WriteFileAtomic(path, write); err != nil {
		if created {
			os.Remove(path)
		}
		return err
	}
	// A replaced file keeps its mode in WriteFileAtomic; a client's workbook is private either way.
	return os.Chmod(path, 0o600)
}
