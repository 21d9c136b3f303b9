package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
)

func newLintCmd(a *app) *cobra.Command {
	var seedsDir string
	cmd := &cobra.Command{
		Use:   "lint [DIR]",
		Short: "Check the content: parity between languages, front matter, links, control characters",
		Long: "lint checks the embedded content, or DIR (a directory with en/ and it/), and prints\n" +
			"one line per problem as path:line: message. It exits 1 when it finds any.\n" +
			"With --seeds (or $CYBERDIPLO_SEEDS) it also compares every passage with the source\n" +
			"pages. A sentence over 40 words is a warning: printed, but the exit status stays 0.",
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
			var opts library.Options
			if seedsDir == "" {
				seedsDir = a.env.Getenv("CYBERDIPLO_SEEDS")
			}
			if seedsDir != "" {
				st, err := os.Stat(seedsDir)
				if err != nil || !st.IsDir() {
					return usageErr(a.t().LintSeedsNotDir, seedsDir)
				}
				if opts.Seeds, err = library.ReadSeeds(os.DirFS(seedsDir)); err != nil {
					return usageErr("--seeds %s: %v", seedsDir, err)
				}
			}
			all, err := library.Check(fsys, opts)
			if errors.Is(err, library.ErrNoContent) {
				return usageErr("lint %s: %v", prefix, err)
			}
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			problems, warnings := 0, 0
			for _, p := range all {
				p.Path = filepath.Join(prefix, p.Path)
				fmt.Fprintln(out, p)
				if p.Warning {
					warnings++
				} else {
					problems++
				}
			}
			if warnings > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), a.t().LintWarnings+"\n", warnings, prefix)
			}
			if problems > 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), a.t().LintProblems.N(problems, prefix))
				return silentExit(1)
			}
			lib, err := library.Load(fsys)
			if err != nil {
				return err
			}
			t, counts := a.t(), make([]string, 0, len(langs.All()))
			for i, l := range langs.All() {
				f := t.LintPagesMore
				if i == 0 {
					f = t.LintPages
				}
				counts = append(counts, fmt.Sprintf(f, len(lib.Pages(l)), langs.Name(l, a.msgLang())))
			}
			fmt.Fprintf(out, t.LintOK+"\n", strings.Join(counts, ", "))
			return nil
		},
	}
	cmd.Flags().StringVar(&seedsDir, "seeds", "", "also check that no passage copies the wording of the source pages, the `DIR`/*.txt files")
	return cmd
}
