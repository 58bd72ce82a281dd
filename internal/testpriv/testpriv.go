// Package testpriv lets permission tests mean something when the suite runs as root (as CI does).
package testpriv

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// childEnv marks the copy of the test binary that unprivileged started.
const childEnv = "CCSELECT_TEST_UNPRIVILEGED"

// Unprivileged makes a permission test meaningful when the tests run as root, which ignores file
// modes: it runs the calling test again, alone, in a copy of the test binary started as user
// nobody (setpriv), and reports the child's result. It returns true where the checks should
// run: in this process when it is not root, in the child when it is. Without setpriv a root
// run skips the test, saying why.
func Unprivileged(t *testing.T) bool {
	t.Helper()
	if os.Getenv(childEnv) == "1" || os.Geteuid() != 0 {
		return true
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root without setpriv: file permissions cannot be tested")
	}
	// The go-build directory is private to root: copy the binary where nobody can run it.
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "test.bin")
	copyFile(t, os.Args[0], bin, 0o755)
	var pattern []string
	for _, part := range strings.Split(t.Name(), "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
		bin, "-test.run="+strings.Join(pattern, "/"), "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"=1", "TMPDIR=/tmp", "HOME=/nonexistent")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	if (err != nil && !errors.As(err, &exit)) || strings.HasPrefix(string(out), "setpriv:") {
		// Could not start it at all (a noexec /tmp, a container that forbids setuid, ...).
		t.Skipf("cannot run the test binary as user nobody: %v %s", err, out)
	}
	if err != nil {
		t.Fatalf("as user nobody: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("the unprivileged run did not pass %s:\n%s", t.Name(), out)
	}
	t.Logf("ran as user nobody:\n%s", out)
	return false
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}
