package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/render"
)

func newShowCmd(a *app) *cobra.Command {
	var format string
	var width int
	cmd := &cobra.Command{
		Use:   "show PAGE...",
		Short: "Print pages (ansi on a terminal, plain when piped, or the Markdown source)",
		Example: "  cyberdiplo show un --lang it --format plain\n" +
			"  cyberdiplo show glossario | less",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return plainErr(a.t().ShowNeedsPage)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lib, lang, err := a.libraryAndLang()
			if err != nil {
				return err
			}
			ids, err := a.resolve(lib, args)
			if err != nil {
				return err
			}
			f, err := a.format(format)
			if err != nil {
				return err
			}
			w, err := a.width(width)
			if err != nil {
				return err
			}
			style, err := a.style()
			if err != nil {
				return err
			}
			if style == "auto" {
				style = "dark"
			}
			if f == "plain" {
				style = "notty"
			}
			out := cmd.OutOrStdout()
			for i, id := range ids {
				p := lib.Page(lang, id)
				if p == nil {
					return fmt.Errorf(a.t().NoVersion, id, i18n.LanguageName(lang, a.msgLang()), a.contentName())
				}
				if i > 0 {
					fmt.Fprintln(out)
				}
				if f == "markdown" {
					fmt.Fprintln(out, strings.TrimSpace(p.Body))
					continue
				}
				doc, err := a.cache().Render(p, w, style)
				if err != nil {
					return fmt.Errorf(a.t().RenderFailed, p.Path, err)
				}
				fmt.Fprintln(out, doc.Text)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "ansi, plain or markdown (default: ansi on a terminal, plain otherwise or under NO_COLOR)")
	cmd.Flags().IntVar(&width, "width", 0, "wrap at `N` columns (default: the terminal's width, else 80)")
	return cmd
}

// format validates --format, or picks the default for where the output goes.
func (a *app) format(f string) (string, error) {
	switch f {
	case "ansi", "plain", "markdown":
		return f, nil
	case "":
		if a.env.Terminal && a.env.Getenv("NO_COLOR") == "" {
			return "ansi", nil
		}
		return "plain", nil
	}
	return "", usageErr(a.t().UnknownFormat, f)
}

// width validates --width, or picks the terminal's width capped at the reading width.
func (a *app) width(w int) (int, error) {
	if w != 0 {
		if w < 20 || w > 1000 {
			return 0, usageErr(a.t().BadWidth, w)
		}
		return w, nil
	}
	if a.env.Width > 0 {
		return min(a.env.Width, render.MaxWidth), nil
	}
	return 80, nil
}
