package cli

import (
	"encoding/json"
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
				pages := []pageListJSON{}
				for _, p := range lib.Pages(lang) {
					pages = append(pages, pageListJSON{ID: p.ID, Tab: p.Tab, Title: p.Title, Order: p.Order})
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(pages)
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
