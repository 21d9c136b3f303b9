package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func newLintCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "lint [DIR]",
		Short: "Check the content: parity between languages, front matter, links, control characters",
		Long: "lint checks the embedded content, or DIR (a directory with en/ and it/), and prints\n" +
			"one line per problem as path:line: message. It exits 1 when it finds any.",
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.contentDir
			if len(args) == 1 {
				dir = args[0]
			}
			var fsys fs.FS
			prefix := "content"
			if dir != "" {
				st, err := os.Stat(dir)
				if errors.Is(err, fs.ErrNotExist) {
					return usageErr(a.t().LintMissing, quote(dir))
				}
				if err != nil || !st.IsDir() {
					return usageErr(a.t().LintNotDir, quote(dir))
				}
				fsys, prefix = os.DirFS(dir), filepath.Clean(dir)
			} else {
				var err error
				if fsys, err = a.contentFS(); err != nil {
					return err
				}
			}
			problems, err := library.Lint(fsys)
			if errors.Is(err, library.ErrNoContent) {
				return usageErr("lint %s: %v", prefix, err)
			}
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, p := range problems {
				p.Path = filepath.Join(prefix, p.Path)
				fmt.Fprintln(out, p)
			}
			if len(problems) > 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), a.t().LintProblems.N(len(problems), prefix))
				return silentExit(1)
			}
			lib, err := library.Load(fsys)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, a.t().LintOK+"\n", len(lib.Pages("en")), len(lib.Pages("it")))
			return nil
		},
	}
}
