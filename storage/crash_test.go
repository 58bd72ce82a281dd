package storage

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var crashRounds = flag.Int("crash.rounds", 50, "SIGKILL rounds of TestCrashKill")

// childEnv switches the test binary into a child role (see TestChild).
const childEnv = "CCSELECT_STORAGE_CHILD"

// TestChild is not a test of its own: it is the body of the child processes that TestCrashKill
// and TestProcessesConcurrently start from this same binary (os.Args[0]), selected by childEnv.
func TestChild(t *testing.T) {
	switch os.Getenv(childEnv) {
	case "crash":
		crashChild()
	case "worker":
		workerChild()
	default:
		t.Skip("only runs as a child of TestCrashKill or TestProcessesConcurrently")
	}
	os.Exit(0)
}

// crashChild edits the database at $CCSELECT_CRASH_DB through the store, forever, printing an
// acknowledgement after each commit: "client K" after setting the client of evaluation 1 to K,
// "import NAME" after importing the whole fixture evaluation as NAME. The parent kills it.
func crashChild() {
	path := os.Getenv("CCSELECT_CRASH_DB")
	k, _ := strconv.Atoi(os.Getenv("CCSELECT_CRASH_FROM"))
	s, err := Open(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	ev := fixture()
	out := bufio.NewWriter(os.Stdout)
	for ; ; k++ {
		if k%3 == 2 {
			cp := *ev
			cp.Name = fmt.Sprintf("import-%d", k)
			if _, err := s.Create(&cp, "crash"); err != nil {
				fmt.Fprintln(out, "error", err)
				out.Flush()
				os.Exit(1)
			}
			fmt.Fprintln(out, "import", cp.Name)
		} else {
			if err := s.SetClient(1, strconv.Itoa(k), "crash"); err != nil {
				fmt.Fprintln(out, "error", err)
				out.Flush()
				os.Exit(1)
			}
			fmt.Fprintln(out, "client", k)
		}
		out.Flush()
	}
}

// Issue 7: a child edits through the store and acknowledges every commit; the parent SIGKILLs
// it at seeded random moments (after 0–5 acknowledgements plus 0–3 ms), reopens the file and
// checks integrity_check, that every acknowledged edit is there, and that every import is whole
// (all of its vendors, scores and rules) or absent. -crash.rounds=N for more than the CI's 50.
func TestCrashKill(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Create(fixture(), "t"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	want := fixture()
	whole := map[string]bool{} // imports already seen whole stay whole
	rng := rand.New(rand.NewPCG(7, 2026))
	k, lastClient := 0, -1
	acked := map[string]bool{}
	kills := 0
	for round := 0; round < *crashRounds; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestChild$")
		cmd.Env = append(os.Environ(), childEnv+"=crash", "CCSELECT_CRASH_DB="+path, "CCSELECT_CRASH_FROM="+strconv.Itoa(k))
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := bufio.NewScanner(stdout)
		wait := rng.IntN(6)
		for i := 0; i < wait && lines.Scan(); i++ {
			record(t, lines.Text(), &lastClient, acked)
		}
		time.Sleep(time.Duration(rng.IntN(3000)) * time.Microsecond) // where the kill lands, not a wait for anything
		if err := cmd.Process.Signal(syscall.SIGKILL); err == nil {
			kills++
		}
		for lines.Scan() { // acknowledgements already written before the kill count too
			record(t, lines.Text(), &lastClient, acked)
		}
		cmd.Wait()
		k = 1000 * (round + 1) // fresh, increasing numbers for the next child

		r, err := Open(path)
		if err != nil {
			t.Fatalf("round %d: reopen after SIGKILL: %v", round, err)
		}
		if problems, err := integrity(r.db, "integrity_check"); err != nil || len(problems) > 0 {
			t.Fatalf("round %d: integrity_check: %q, %v", round, problems, err)
		}
		ev, err := r.Load(1)
		if err != nil {
			t.Fatal(err)
		}
		if lastClient >= 0 {
			if got, _ := strconv.Atoi(ev.Client); got < lastClient {
				t.Fatalf("round %d: client %q, but %d was acknowledged", round, ev.Client, lastClient)
			}
		}
		list, err := r.List()
		if err != nil {
			t.Fatal(err)
		}
		present := map[string]bool{}
		for _, m := range list {
			if !strings.HasPrefix(m.Name, "import-") {
				continue
			}
			present[m.Name] = true
			if whole[m.Name] {
				continue
			}
			got, err := r.Load(m.ID)
			if err != nil || len(got.Scores) != len(want.Scores) || len(got.Vendors) != len(want.Vendors) ||
				len(got.KnockOuts) != len(want.KnockOuts) {
				t.Fatalf("round %d: import %s is partial: %v", round, m.Name, err)
			}
			whole[m.Name] = true
		}
		for name := range acked {
			if !present[name] {
				t.Fatalf("round %d: acknowledged import %s is missing", round, name)
			}
		}
		r.Close()
	}
	t.Logf("%d rounds, %d kills, %d imports acknowledged, last client %d", *crashRounds, kills, len(acked), lastClient)
}

func record(t *testing.T, line string, lastClient *int, acked map[string]bool) {
	kind, arg, _ := strings.Cut(line, " ")
	switch kind {
	case "client":
		n, _ := strconv.Atoi(arg)
		if n > *lastClient {
			*lastClient = n
		}
	case "import":
		acked[arg] = true
	case "error":
		t.Fatalf("child: %s", arg)
	}
}
