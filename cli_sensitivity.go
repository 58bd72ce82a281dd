package main

import (
	"fmt"
	"io"
)

// cmdSensitivity is wired once the sensitivity engine lands.
func cmdSensitivity(args []string, out io.Writer) error {
	return fmt.Errorf("sensitivity: not available in this build yet")
}
