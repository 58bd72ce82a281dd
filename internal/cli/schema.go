package cli

import (
	"github.com/spf13/cobra"

	"ccselect/docs"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the bundle format",
		Long: `Print the JSON Schema (draft 2020-12) of the evaluation bundle that export writes
and import reads; docs/bundle.md explains every field.`,
		Example: "  ccselect schema > bundle.schema.json",
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			_, err := c.OutOrStdout().Write(docs.BundleSchema)
			return err
		},
	}
}
