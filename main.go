// Command ccselect is a terminal decision workbench for choosing a cloud call-center (CCaaS)
// vendor. This file only parses flags and wires the packages together; see cli_*.go for the
// subcommands and the packages for everything they do.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// command is one subcommand: it parses its own flags and returns an error for the user.
type command func(args []string, out io.Writer) error

var commands = map[string]command{
	"demo":        cmdDemo,
	"report":      cmdReport,
	"list":        cmdList,
	"new":         cmdNew,
	"import":      cmdImport,
	"export":      cmdExport,
	"check":       cmdCheck,
	"sensitivity": cmdSensitivity,
	"version":     cmdVersion,
}

// run dispatches to a subcommand (none, or flags only, opens the workbench) and turns errors
// into a message on stderr and exit status 1, or 2 for a mistake in the command line itself.
// Help (ccselect help, -h, --help) goes to stdout with status 0.
func run(args []string, stdout, stderr io.Writer) int {
	name, rest := "", args
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		name, rest = args[0], args[1:]
	}
	cmd := cmdWorkbench
	if name == "help" {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if name != "" {
		c, ok := commands[name]
		if !ok {
			fmt.Fprintf(stderr, "ccselect: unknown command %q\n\n%s", name, usage)
			return 2
		}
		cmd = c
	}
	err := cmd(rest, stdout)
	var help *helpRequest
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &help):
		if name == "" {
			fmt.Fprint(stdout, usage)
			return 0
		}
		printFlags(stdout, help.flags)
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "ccselect: %s\n", ue.msg)
		if ue.flags != nil {
			printFlags(stderr, ue.flags)
		} else {
			fmt.Fprintln(stderr, "Run 'ccselect help' for usage.")
		}
		return 2
	}
	fmt.Fprintf(stderr, "ccselect: %v\n", err)
	return 1
}

const usage = `ccselect — choose a cloud call-center vendor / 云呼叫中心选型评估工作台

Usage:
  ccselect [--db PATH] [--lang zh|en]          open the workbench
  ccselect demo [--lang zh|en]                 the workbench on a temporary copy of the sample
  ccselect report [--db PATH | --sample] [--eval NAME|ID] [--profile NAME]
                  [--method wsm|topsis] [--consensus mean|median]
                  [--format table|json|csv] [--lang zh|en]
  ccselect sensitivity [--db PATH | --sample] [--eval NAME|ID] [--profile NAME]
                  [--consensus mean|median] [--samples N] [--seed S] [--level dimensions|criteria]
                  [--weights uniform|ordinal|around:PCT] [--uncertainty none|reviewers]
                  [--format table|json] [--lang zh|en]
  ccselect list [--db PATH] [--format table|json]
  ccselect new --template default|finance|healthcare|government --name NAME [--client C] [--peak P] [--db PATH]
  ccselect import FILE.json|- [--db PATH] [--name NAME]    (- reads stdin)
  ccselect export --format json --out FILE|- [--eval NAME|ID] [--db PATH]
  ccselect check [--db PATH]
  ccselect version

Database: --db, else $CCSELECT_DB, else $XDG_DATA_HOME/ccselect/ccselect.db,
else ~/.local/share/ccselect/ccselect.db (created on first use with the sample evaluation).
`

func cmdVersion(args []string, out io.Writer) error {
	fs := newFlags("version")
	if err := parse(fs, args); err != nil {
		return err
	}
	fmt.Fprintf(out, "ccselect %s\n", version)
	return nil
}
