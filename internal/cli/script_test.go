package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the testscript scripts run ccselect as a program: the test binary becomes
// ccselect when called by that name.
func TestMain(m *testing.M) {
	// fang measures the terminal once per process; its test hook fixes the width so the help
	// goldens do not depend on where the tests run.
	os.Setenv("__FANG_TEST_WIDTH", "100")
	testscript.Main(m, map[string]func(){"ccselect": Main})
}

// TestScripts runs testdata/script/*.txtar end to end: the README walk-through and every defect
// of issue 9, each failing command checked to leave the database byte for byte as it was.
//
// Extra commands:
//
//	status N ccselect ARGS…   run it and require exit status N (0, 1 usage-free data error, 2, 130)
//	snap FILE                 remember FILE's SHA-256 (or that it is absent)
//	unchanged FILE            FILE is as snap last saw it
func TestScripts(t *testing.T) { testscript.Run(t, scriptParams("testdata/script", nil)) }

// scriptParams is the one environment every script suite runs in (a private XDG data directory,
// a fixed user and language, no colour) with the shared commands, plus a suite's own.
func scriptParams(dir string, extra map[string]func(ts *testscript.TestScript, neg bool, args []string)) testscript.Params {
	cmds := map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"status":    cmdStatus,
		"snap":      cmdSnap,
		"unchanged": cmdUnchanged,
	}
	for k, v := range extra {
		cmds[k] = v
	}
	return testscript.Params{
		Dir: dir,
		Setup: func(env *testscript.Env) error {
			env.Setenv("XDG_DATA_HOME", filepath.Join(env.WorkDir, "xdg"))
			env.Setenv("CCSELECT_USER", "tester")
			env.Setenv("LANG", "en_US.UTF-8")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds:                cmds,
		RequireExplicitExec: true,
	}
}

func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command args...")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("status: %v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

func fileSHA(ts *testscript.TestScript, name string) string {
	data, err := os.ReadFile(ts.MkAbs(name))
	if errors.Is(err, os.ErrNotExist) {
		return "absent"
	}
	ts.Check(err)
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func cmdSnap(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: snap FILE")
	}
	ts.Setenv("SNAP_"+hex.EncodeToString([]byte(args[0])), fileSHA(ts, args[0]))
}

func cmdUnchanged(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: unchanged FILE")
	}
	before := ts.Getenv("SNAP_" + hex.EncodeToString([]byte(args[0])))
	if before == "" {
		ts.Fatalf("unchanged %s: no snap taken", args[0])
	}
	same := fileSHA(ts, args[0]) == before
	if same == neg {
		if neg {
			ts.Fatalf("%s did not change", args[0])
		}
		ts.Fatalf("%s changed", args[0])
	}
}
