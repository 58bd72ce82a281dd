// Command ccselect is a terminal decision workbench for choosing a cloud call-center (CCaaS)
// vendor. Everything it does is in internal/cli and the packages it calls.
package main

import "ccselect/internal/cli"

func main() { cli.Main() }
