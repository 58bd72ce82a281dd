// Package acceptance holds outside-in tests: they build the ccselect binary once and run it as a
// user would, asserting on exit codes, messages and the bytes of every file involved. They use
// only command shapes that are stable across CLI rewrites (import FILE --db DB, list/check/report
// --db DB, export --format json --out F --db DB).
package acceptance

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"ccselect/export"
	"ccselect/samples"
)

var (
	bin        string // the built ccselect
	sampleJSON []byte // the sample evaluation as a bundle
	goodDB     []byte // a database holding the sample, checkpointed (no -wal)
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "ccselect-acceptance-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "ccselect")
	if out, err := exec.Command("go", "build", "-o", bin, "ccselect").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		return 1
	}
	ev, err := samples.Sample()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var b bytes.Buffer
	if err := export.EncodeBundle(&b, ev); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	sampleJSON = b.Bytes()
	bundle, db := filepath.Join(dir, "s.json"), filepath.Join(dir, "good.db")
	if err := os.WriteFile(bundle, sampleJSON, 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if r := ccselect(dir, "import", bundle, "--db", db); r.code != 0 {
		fmt.Fprintf(os.Stderr, "import the sample: %s\n", r.stderr)
		return 1
	}
	if goodDB, err = os.ReadFile(db); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

type result struct {
	code           int
	stdout, stderr string
}

// ccselect runs the binary in dir with a private environment (no default database of the user's
// is ever touched) and a timeout, so a command that hangs (on a FIFO, say) fails instead.
func ccselect(dir string, args ...string) result {
	c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(c, bin, args...)
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + dir, "CCSELECT_DB=" + filepath.Join(dir, "default.db"), "LANG=en_US.UTF-8", "PATH=" + os.Getenv("PATH")}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	var ee *exec.ExitError
	switch {
	case c.Err() != nil:
		r.code, r.stderr = -1, "timed out (hung): "+r.stderr
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		r.code, r.stderr = -1, err.Error()
	}
	return r
}
