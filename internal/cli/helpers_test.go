package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ccselect/export"
	"ccselect/samples"
)

// cli runs the command line in-process and returns exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func mustCLI(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := cli(t, args...)
	if code != 0 {
		t.Fatalf("ccselect %s: exit %d: %s", strings.Join(args, " "), code, errs)
	}
	return out
}

func failCLI(t *testing.T, want string, args ...string) {
	t.Helper()
	code, _, errs := cli(t, args...)
	if code == 0 {
		t.Fatalf("ccselect %s succeeded, want an error mentioning %q", strings.Join(args, " "), want)
	}
	if !strings.Contains(errs, want) {
		t.Fatalf("ccselect %s: stderr %q does not mention %q", strings.Join(args, " "), errs, want)
	}
}

// snapshot captures what a user would see of a database: its list and every evaluation's bundle.
func snapshot(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(mustCLI(t, "list", "--db", db, "--format", "json"))
	var rows []struct{ ID int64 }
	if err := json.Unmarshal([]byte(b.String()), &rows); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		out := filepath.Join(t.TempDir(), "snap.json")
		mustCLI(t, "export", "--db", db, "--eval", jsonID(r.ID), "--out", out)
		data, _ := os.ReadFile(out)
		b.Write(data)
	}
	return b.String()
}

func jsonID(id int64) string { b, _ := json.Marshal(id); return string(b) }

// sampleBundle writes the embedded sample as a bundle file in dir and returns its path.
func sampleBundle(t *testing.T, dir string) string {
	t.Helper()
	ev, err := samples.Sample()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sample.json")
	if err := export.WriteBundleFile(path, ev); err != nil {
		t.Fatal(err)
	}
	return path
}

// listing names what dir holds, so a test can prove a command created nothing there.
func listing(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

func expectExit(t *testing.T, want int, args ...string) (string, string) {
	t.Helper()
	code, out, errs := cli(t, args...)
	if code != want {
		t.Fatalf("ccselect %s: exit %d, want %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, want, out, errs)
	}
	return out, errs
}

func fileBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
