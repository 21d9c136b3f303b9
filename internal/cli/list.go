package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newListCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the pages: id, tab label, title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, lang, err := a.libraryAndLang()
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			for _, p := range lib.Pages(lang) {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", p.ID, p.Tab, p.Title)
			}
			return tw.Flush()
		},
	}
}
