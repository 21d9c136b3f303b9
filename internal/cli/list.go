package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

// pageListJSON is one page in list --json.
type pageListJSON struct {
	ID    string `json:"id"`
	Tab   string `json:"tab"`
	Title string `json:"title"`
	Order int    `json:"order"`
}

func newListCmd(a *app) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the pages: id, tab label, title",
		Example: "  cyberdiplo list --lang it\n" +
			"  cyberdiplo list --json | jq -r '.[].id'",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lib, lang, err := a.libraryAndLang()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				list := newJSONList(out)
				for _, p := range lib.Pages(lang) {
					if err := list.add(pageListJSON{ID: p.ID, Tab: p.Tab, Title: p.Title, Order: p.Order}); err != nil {
						return err
					}
				}
				return list.close()
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			for _, p := range lib.Pages(lang) {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", p.ID, p.Tab, p.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the pages as a JSON array: id, tab, title, order")
	return cmd
}
