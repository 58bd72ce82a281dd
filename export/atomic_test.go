package export_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"ccselect/export"
)

func writeString(path, content string) error {
	return export.WriteFileAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, content)
		return err
	})
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode()
}

// Replacing a file keeps its permissions: re-exporting a client's bundle that was made private
// (0600) must not make it world-readable.
func TestWriteFileAtomicKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	for _, perm := range []os.FileMode{0o600, 0o640, 0o664} {
		path := filepath.Join(dir, "private.json")
		if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, perm); err != nil {
			t.Fatal(err)
		}
		if err := writeString(path, "new"); err != nil {
			t.Fatal(err)
		}
		if got := mode(t, path).Perm(); got != perm || readString(t, path) != "new" {
			t.Errorf("after replacing a %v file: mode %v, content %q", perm, got, readString(t, path))
		}
	}
	onlyFiles(t, dir, "private.json")
}

// A new export is private (0600) whatever the umask: it holds a client's assessment.
func TestWriteFileAtomicNewFileIsPrivate(t *testing.T) {
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "new.json")
	if err := writeString(path, "x"); err != nil {
		t.Fatal(err)
	}
	if got := mode(t, path).Perm(); got != 0o600 {
		t.Errorf("new file under umask 022: mode %v, want 0600", got)
	}
}

// Writing through a symbolic link replaces the file it points to, atomically, and keeps the link;
// a dangling link gets its target created.
func TestWriteFileAtomicFollowsSymlinks(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	target := filepath.Join(other, "real.json")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "current.json")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	// A chain, with a relative link.
	link2 := filepath.Join(dir, "latest.json")
	if err := os.Symlink("current.json", link2); err != nil {
		t.Fatal(err)
	}
	if err := writeString(link2, "new"); err != nil {
		t.Fatal(err)
	}
	if mode(t, link)&os.ModeSymlink == 0 || mode(t, link2)&os.ModeSymlink == 0 {
		t.Fatal("the link was replaced by a file")
	}
	if got := readString(t, target); got != "new" {
		t.Fatalf("target holds %q", got)
	}
	if got := mode(t, target).Perm(); got != 0o600 {
		t.Errorf("target mode %v, want 0600 kept", got)
	}
	onlyFiles(t, dir, "current.json", "latest.json")
	onlyFiles(t, other, "real.json")

	dangling := filepath.Join(dir, "dangling.json")
	if err := os.Symlink(filepath.Join(other, "later.json"), dangling); err != nil {
		t.Fatal(err)
	}
	if err := writeString(dangling, "created"); err != nil {
		t.Fatal(err)
	}
	if mode(t, dangling)&os.ModeSymlink == 0 || readString(t, filepath.Join(other, "later.json")) != "created" {
		t.Fatal("a dangling link was not written through")
	}

	loop := filepath.Join(dir, "loop.json")
	if err := os.Symlink("loop.json", loop); err != nil {
		t.Fatal(err)
	}
	if err := writeString(loop, "x"); err == nil || !strings.Contains(err.Error(), loop) {
		t.Errorf("link loop: %v", err)
	}
}

// Something that is not a regular file (a pipe, /dev/stdout) is written into, not replaced:
// `export --out /dev/stdout` must print, and must never swap a device for a file.
func TestWriteFileAtomicIntoAPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until the writer opens the pipe
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := writeString(fifo, "through the pipe"); err != nil {
		t.Fatal(err)
	}
	if mode(t, fifo)&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: mode %v", mode(t, fifo))
	}
	if s := <-got; s != "through the pipe" {
		t.Fatalf("reader got %q", s)
	}
	onlyFiles(t, dir, "pipe")
}
