package export

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Issue 7, defect 6: root's export into a shared 1777 directory replaced the target of a link
// that user nobody planted there. A link this user does not own, or any link in a sticky
// world-writable directory, is refused, and the file it points to is untouched.
func TestWriteFileAtomicRefusesPlantedLinks(t *testing.T) {
	shared := t.TempDir()
	if err := os.Chmod(shared, 0o1777); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(victim, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(shared, "report.json")
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 { // make it nobody's link, as in the report
		if err := os.Lchown(link, 65534, 65534); err != nil {
			t.Fatal(err)
		}
	}
	err := WriteFileAtomic(link, func(w io.Writer) error { _, err := io.WriteString(w, "export"); return err })
	if err == nil || !strings.Contains(err.Error(), "refusing to follow the symbolic link") {
		t.Fatalf("export through a planted link: %v", err)
	}
	if got := readFileString(t, victim); got != "precious" {
		t.Fatalf("the link's target was changed to %q", got)
	}
	if es, _ := os.ReadDir(shared); len(es) != 1 {
		t.Fatalf("a temporary file was left behind: %v", es)
	}
}

// Temporary files are created 0600 with O_EXCL, and the ones a killed export left behind are
// removed by the next export to the same file once they are old enough not to be in progress.
func TestWriteFileAtomicCleansStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	stale := filepath.Join(dir, ".out.json"+tempPrefix+"killed.tmp")
	young := filepath.Join(dir, ".out.json"+tempPrefix+"running.tmp")
	for _, p := range []string{stale, young} {
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleAfter)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	var tempMode os.FileMode
	err := WriteFileAtomic(path, func(w io.Writer) error {
		matches, _ := filepath.Glob(filepath.Join(dir, ".out.json"+tempPrefix+"*.tmp"))
		for _, m := range matches {
			if m != young {
				if fi, err := os.Stat(m); err == nil {
					tempMode = fi.Mode().Perm()
				}
			}
		}
		_, err := io.WriteString(w, "new")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if tempMode != 0o600 {
		t.Errorf("temporary file mode %v, want 0600", tempMode)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a temporary file of an export that may be running was removed: %v", err)
	}
	if got := readFileString(t, path); got != "new" {
		t.Fatalf("wrote %q", got)
	}
}

func readFileString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
