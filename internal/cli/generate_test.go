package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// generate writes a bundle import accepts, and like export refuses an existing file without
// --force (leaving it untouched).
func TestGenerateCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "g.json")
	args := []string{"generate", "--vendors", "4", "--criteria", "6", "--reviewers", "2", "--seed", "3", "--out", out}
	if code := Run(args, io.Discard, io.Discard); code != 0 {
		t.Fatalf("generate: exit %d", code)
	}
	first, _ := os.ReadFile(out)
	var stderr bytes.Buffer
	if code := Run(args, io.Discard, &stderr); code != ExitData || !strings.Contains(stderr.String(), "add --force") {
		t.Fatalf("second generate: exit %d, %q", code, stderr.String())
	}
	if code := Run(append(args, "--force"), io.Discard, io.Discard); code != 0 {
		t.Fatalf("generate --force: exit %d", code)
	}
	again, _ := os.ReadFile(out)
	if !bytes.Equal(first, again) {
		t.Fatal("the same flags wrote a different file")
	}
	db := filepath.Join(dir, "g.db")
	if code := Run([]string{"import", out, "--db", db}, io.Discard, os.Stderr); code != 0 {
		t.Fatalf("import: exit %d", code)
	}
	stderr.Reset()
	if code := Run([]string{"generate", "--vendors", "0", "--out", filepath.Join(dir, "x.json")}, io.Discard, &stderr); code != ExitUsage {
		t.Fatalf("--vendors 0: exit %d, %q", code, stderr.String())
	}
}
