package cli

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

var updateHelp = flag.Bool("update", false, "rewrite testdata/help/*.txt from the current help")

// Each command's help is kept as a golden file (testdata/help/<command path>.txt), so a change to
// what a user reads is a reviewed change; go test ./internal/cli -run TestHelpGolden -update
// rewrites them.
func TestHelpGolden(t *testing.T) {
	var paths [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		if c.Hidden || c.Name() == "help" || c.Name() == "completion" {
			return
		}
		paths = append(paths, path)
		for _, s := range c.Commands() {
			walk(s, append(append([]string{}, path...), s.Name()))
		}
	}
	walk(newRoot(), nil)
	for _, p := range paths {
		name := strings.Join(append([]string{"ccselect"}, p...), "_")
		t.Run(name, func(t *testing.T) {
			out := mustCLI(t, append([]string{"help"}, p...)...)
			if strings.Contains(out, "\x1b[") {
				t.Fatal("help to a pipe carries escape sequences")
			}
			// fang pads lines to the block width; trailing spaces are noise in a diff.
			lines := strings.Split(out, "\n")
			for i := range lines {
				lines[i] = strings.TrimRight(lines[i], " ")
			}
			out = strings.Join(lines, "\n")
			golden := filepath.Join("testdata", "help", name+".txt")
			if *updateHelp {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(want) != out {
				t.Errorf("help differs from %s (run with -update after checking):\n%s", golden, out)
			}
			if len(p) > 0 && !strings.Contains(out, "EXAMPLES") {
				t.Errorf("help %s shows no examples", strings.Join(p, " "))
			}
		})
	}
}
