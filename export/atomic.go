package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// WriteFileAtomic writes a file through write so that readers see either the old file or the
// complete new one, never a partial file: the content goes to a temporary file created with
// O_EXCL in the target's directory (rename is only atomic within one file system), is flushed and
// fsynced, then renamed over path. On any error the temporary file is removed and an existing
// file at path is left as it was. Every error names path.
//
//   - Permissions: exports hold confidential assessments, so a new file and every temporary file
//     is 0600. A replaced file that this user owns keeps its mode (the owner chose it).
//   - A symbolic link is followed only when this user owns it and it is not in a sticky,
//     world-writable directory such as /tmp (where anyone may plant a link to make another user
//     overwrite a file of theirs); otherwise the export is refused.
//   - Something that is not a regular file (a pipe, a terminal, /dev/stdout) is written into
//     directly: there is nothing to replace atomically, and a device must never be swapped for a
//     file.
//   - Temporary files a killed export left next to the target (ours, older than staleAfter) are
//     removed on the next export there.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("write %s: it is a directory", path)
		case !fi.Mode().IsRegular():
			if err := checkLinks(path); err != nil {
				return fmt.Errorf("write %s: %w", path, err)
			}
			return writeInPlace(path, write)
		}
	}
	target, err := resolveLinks(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := replaceFile(target, write); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// tempPrefix marks our temporary files: "."+base+tempPrefix+random+".tmp".
const tempPrefix = ".ccselect-"

// staleAfter: a temporary file older than this is no export in progress but a killed one.
const staleAfter = 10 * time.Minute

// replaceFile does the temporary file and rename for a path that is not a link.
func replaceFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	if fi, statErr := os.Stat(dir); statErr != nil {
		if errors.Is(statErr, fs.ErrNotExist) {
			return fmt.Errorf("directory %s does not exist", dir)
		}
		return statErr
	} else if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory", dir)
	}
	cleanStale(dir, filepath.Base(path))
	perm, keep := os.FileMode(0o600), false
	if fi, err := os.Lstat(path); err == nil && ownedByMe(fi) {
		perm, keep = fi.Mode().Perm(), true
	}

	f, err := createTemp(dir, filepath.Base(path))
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close() // may already be closed; the error that matters is err
			os.Remove(tmp)
		}
	}()

	bw := bufio.NewWriter(f)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if keep && perm != 0o600 {
		if err = f.Chmod(perm); err != nil {
			return err
		}
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// createTemp makes a new hidden 0600 file next to the target, with O_EXCL so that nothing
// planted under the name (a link, a file) is ever opened.
func createTemp(dir, base string) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, "."+base+tempPrefix+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL|noFollow, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// cleanStale removes the temporary files of base that a killed export left in dir: regular
// files this user owns, older than staleAfter (a younger one may be an export under way).
func cleanStale(dir, base string) {
	matches, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+tempPrefix+"*.tmp"))
	for _, m := range matches {
		fi, err := os.Lstat(m)
		if err != nil || !fi.Mode().IsRegular() || !ownedByMe(fi) || time.Since(fi.ModTime()) < staleAfter {
			continue
		}
		os.Remove(m)
	}
}

func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// linkAllowed refuses a symbolic link that someone else could have planted: one this user does
// not own, or any link in a sticky world-writable directory (/tmp), where Linux's
// protected_symlinks is the only other guard and is not everywhere.
func linkAllowed(path string, fi fs.FileInfo) error {
	if !ownedByMe(fi) {
		return fmt.Errorf("refusing to follow the symbolic link %s: it belongs to another user", path)
	}
	if d, err := os.Stat(filepath.Dir(path)); err == nil && d.Mode()&os.ModeSticky != 0 && d.Mode().Perm()&0o002 != 0 {
		return fmt.Errorf("refusing to follow the symbolic link %s: it is in a shared directory (sticky, world-writable)", path)
	}
	return nil
}

// checkLinks vets every link on the way from path to what it names.
func checkLinks(path string) error {
	_, err := resolveLinks(path)
	return err
}

// resolveLinks follows symbolic links from path to the file they lead to, which need not exist
// yet (a dangling link), refusing links linkAllowed refuses. Relative links are relative to the
// link's directory.
func resolveLinks(path string) (string, error) {
	for range 40 { // as Linux's MAXSYMLINKS
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode()&os.ModeSymlink == 0) {
			return path, nil
		}
		if err != nil {
			return "", err
		}
		if err := linkAllowed(path, fi); err != nil {
			return "", err
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// writeInPlace writes into an existing file that is not a regular file (a pipe or a device).
func writeInPlace(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	bw := bufio.NewWriter(f)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// syncDir makes the rename durable on file systems that need the directory entry flushed. It is
// best effort: some platforms cannot open or fsync a directory, and the file itself is complete.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	_ = d.Close()
}
