// Command startupfloor is the start-up floor of ccselect's stack: it links the libraries ccselect
// is built on and does nothing, so its whole-process time is what their initialisation costs
// before any of ccselect's own code runs. Compare it with a Go hello-world and with
// `ccselect version` (README, Performance):
//
//	go build -o /tmp/floor ./internal/cli/testdata/startupfloor
//	go build -o /tmp/ccselect .
//	farm-bench -n 20 --vs /tmp/floor -- /tmp/ccselect version
//
// It lives under testdata so that `go build ./...` and `go test ./...` leave it alone.
package main

import (
	"os"

	_ "charm.land/bubbles/v2/key"
	_ "charm.land/bubbletea/v2"
	_ "charm.land/fang/v2"
	_ "charm.land/lipgloss/v2"
	_ "github.com/spf13/cobra"
	_ "github.com/xuri/excelize/v2"
	_ "modernc.org/sqlite"
)

func main() { os.Stdout.WriteString("startup floor\n") }
