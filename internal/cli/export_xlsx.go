package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"ccselect/export/xlsx"
	"ccselect/model"
)

// passwordEnv is where --password takes the workbook password from when there is no terminal
// to prompt on (scripts, CI).
const passwordEnv = "CCSELECT_XLSX_PASSWORD"

// xlsxOnly are the export flags that mean something only for --format xlsx.
var xlsxOnly = []string{"profile", "consensus", "samples", "seed", "password"}

// addXLSXFlags adds the flags of the executive workbook to export.
func addXLSXFlags(c *cobra.Command) {
	c.Flags().String("samples", strconv.Itoa(model.DefaultSMAASamples),
		fmt.Sprintf("SMAA samples for the xlsx Sensitivity sheet, 0 to %d (0 skips SMAA)", maxSamples))
	c.Flags().Uint64("seed", 1, "SMAA random seed for xlsx (same seed, same numbers)")
	c.Flags().Bool("password", false, "encrypt the xlsx workbook; the password is prompted (or $"+passwordEnv+")")
}

// refuseExisting is the one rule of every file export: an existing file is replaced only with
// --force. It is checked before any work so that a refused export costs nothing; the writers
// check again race-free when they create the file.
func refuseExisting(path string, force bool) error {
	if force {
		return nil
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists; add --force to replace it", path)
	}
	return nil
}

// fullPath is path made absolute for the "wrote …" line, so the user knows where it went.
func fullPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// runExportXLSX writes the executive workbook (issue 11).
func runExportXLSX(c *cobra.Command) error {
	path := str(c, "out")
	switch path {
	case "":
		return usagef("--out FILE.xlsx is required")
	case "-":
		return usagef("--out - is for JSON; an xlsx workbook needs --out FILE.xlsx")
	}
	samples, err := parseSamples(str(c, "samples"))
	if err != nil {
		return err
	}
	seed, _ := c.Flags().GetUint64("seed")
	r, err := rule(c)
	if err != nil {
		return err
	}
	force := boolFlag(c, "force")
	if err := refuseExisting(path, force); err != nil {
		return err
	}
	// The evaluation and the profile are checked before the password is asked for: nobody
	// should type a password twice to learn that --profile has a typo.
	ev, err := loadSource(c)
	if err != nil {
		return err
	}
	if _, err := model.NewProblem(ev, str(c, "profile"), r, model.WSM{}); err != nil {
		return err
	}
	password := ""
	if boolFlag(c, "password") {
		if password, err = readPassword(c); err != nil {
			return err
		}
	}
	opt := xlsx.WorkbookOptions{Profile: str(c, "profile"), Lang: lang(c), Rule: r,
		SMAASamples: samples, SMAASeed: seed, Password: password, Generated: time.Now()}
	if err := xlsx.WriteWorkbookFile(path, force, ev, opt); err != nil {
		return unrepeat(err, path)
	}
	what := "workbook"
	if password != "" {
		what = "encrypted workbook"
	}
	fmt.Fprintf(c.OutOrStdout(), "wrote %s (%s of %q)\n", fullPath(path), what, ev.Name)
	return nil
}

// readPassword gets the workbook password: $CCSELECT_XLSX_PASSWORD when set and not empty (a
// script says what it wants), else typed twice without echo on the terminal. It is only ever handed to
// the encoder: never printed, logged or stored.
func readPassword(c *cobra.Command) (string, error) {
	if p := os.Getenv(passwordEnv); p != "" {
		return p, nil
	}
	f, ok := stdin.(term.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return "", fmt.Errorf("--password needs a terminal to prompt on, or the password in $%s", passwordEnv)
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(c.ErrOrStderr(), prompt)
		b, err := term.ReadPassword(f.Fd())
		fmt.Fprintln(c.ErrOrStderr())
		if err != nil {
			return "", fmt.Errorf("read the password: %w", err)
		}
		return strings.TrimRight(string(b), "\r\n"), nil
	}
	p, err := ask("Workbook password: ")
	if err != nil {
		return "", err
	}
	if p == "" {
		return "", errors.New("no password typed; nothing written")
	}
	again, err := ask("Same password again: ")
	if err != nil {
		return "", err
	}
	if again != p {
		return "", errors.New("the two passwords differ; nothing written")
	}
	return p, nil
}

// xlsxFlagsUsed names the first xlsx-only flag given to a JSON export, which would otherwise
// be silently ignored.
func xlsxFlagsUsed(c *cobra.Command) string {
	for _, name := range xlsxOnly {
		if c.Flags().Changed(name) {
			return name
		}
	}
	return ""
}
