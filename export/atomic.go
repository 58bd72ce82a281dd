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
)

// WriteFileAtomic writes a file through write so that readers see either the old file or the
// complete new one, never a partial file: the content goes to a temporary file in the same
// directory (rename is only atomic within one file system), is flushed and fsynced, then renamed
// over path. On any error the temporary file is removed and an existing file at path is left as
// it was. Every error names path.
//
//   - Permissions: a replaced file keeps its mode (a bundle made private stays private); a new
//     file gets 0644 less the umask, as any file a program creates.
//   - A symbolic link is followed: the file it points to is replaced and the link stays (a
//     dangling link gets its target created).
//   - Something that is not a regular file (a pipe, a terminal, /dev/stdout) is written into
//     directly: there is nothing to replace atomically, and a device must never be swapped for a
//     file.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	if fi, err := os.Stat(path); err == nil {
		switch {
		case fi.IsDir():
			return fmt.Errorf("write %s: it is a directory", path)
		case !fi.Mode().IsRegular():
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
	perm, keep := os.FileMode(0o644), false
	if fi, err := os.Stat(path); err == nil {
		perm, keep = fi.Mode().Perm(), true
	}

	f, err := createTemp(dir, filepath.Base(path), perm)
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
	// The umask has trimmed the mode of the new file, as it should; a replaced file keeps its
	// own mode exactly.
	if keep {
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

// createTemp makes a new hidden file next to the target. Unlike os.CreateTemp (always 0600) it
// creates the file with perm, so the umask applies to a new export as to any new file.
func createTemp(dir, base string, perm os.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return f, err
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// resolveLinks follows symbolic links from path to the file they lead to, which need not exist
// yet (a dangling link). Relative links are relative to the link's directory.
func resolveLinks(path string) (string, error) {
	for range 40 { // as Linux's MAXSYMLINKS
		fi, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) || (err == nil && fi.Mode()&os.ModeSymlink == 0) {
			return path, nil
		}
		if err != nil {
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
