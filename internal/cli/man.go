package cli

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	"github.com/cyberdiplo/cyberdiplo/internal/tui"
)

// The man page, in roff (man(7) macros), in the reader's language: written from
// the same command tree and flags as --help and from the reader's key map
// (tui.HelpKeys) as the help overlay, so none of them can say something the
// others do not. The release puts the English one in man1/ and the Italian one in
// it/man1/.

func newManCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the man page (roff) on standard output",
		Long: "man prints the man page in roff, in the language of --lang or of the locale\n" +
			"(`cyberdiplo man --lang it` is the Italian one); `cyberdiplo man | man -l -` reads it.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(cmd.OutOrStdout(), manPage(cmd.Root(), a.msgLang(), a.tabs()))
			return err
		},
	}
}

// manPage writes the man page of the command tree under root in lang.
func manPage(root *cobra.Command, lang string, tabs int) string {
	t, m := i18n.CLI(lang), i18n.Man(lang)
	tr := func(s string) string { return i18n.Help(lang, s) }
	root.InitDefaultHelpFlag()
	root.InitDefaultVersionFlag()
	var b strings.Builder
	version, _, date := versionInfo()
	if d, err := time.Parse(time.RFC3339, date); err == nil {
		date = d.Format("2006-01-02")
	} else {
		date = ""
	}
	name := root.Name()
	fmt.Fprintf(&b, ".TH %s 1 %s %s %s\n", strings.ToUpper(name), macroArg(date), macroArg(name+" "+version), macroArg(m.Manual))
	b.WriteString(".nh\n.ad l\n") // no hyphenation (cy-berdiplo, --lang), ragged right

	b.WriteString(".SH " + macroArg(m.Name) + "\n")
	b.WriteString(name + ` \- ` + roffText(tr(root.Short)) + "\n")

	b.WriteString(".SH " + macroArg(m.Synopsis) + "\n")
	subs := visibleCommands(root)
	for i, c := range append([]*cobra.Command{root}, subs...) {
		if i > 0 {
			b.WriteString(".br\n")
		}
		b.WriteString(".B " + macroArg(c.CommandPath()) + "\n")
		args := strings.TrimSpace(useArgs(c, lang))
		if c.HasAvailableFlags() {
			args = strings.TrimSpace(t.FlagsWord + " " + args)
		}
		if c.HasParent() && c.HasAvailableSubCommands() {
			args = strings.TrimSpace(args + " " + strings.Join(subNames(c), "|"))
		}
		if args != "" {
			b.WriteString(`\fI` + roffText(args) + `\fR` + "\n")
		}
	}

	b.WriteString(".SH " + macroArg(m.Description) + "\n")
	b.WriteString(paragraphs(tr(root.Long)))

	b.WriteString(".SH " + macroArg(m.Options) + "\n")
	writeManFlags(&b, root, root.LocalFlags(), t, tr)

	b.WriteString(".SH " + macroArg(m.Commands) + "\n")
	for _, c := range subs {
		b.WriteString(".SS " + macroArg(strings.TrimSpace(c.Name()+useArgs(c, lang))) + "\n")
		desc := cmpOr(c.Long, c.Short)
		if c.Name() == "completion" || strings.Contains(desc, "\t") {
			desc = c.Short // cobra's own help for completion is laid out for a terminal
		}
		b.WriteString(paragraphs(tr(desc)))
		if s := subNames(c); len(s) > 0 {
			b.WriteString(".PP\n" + roffText(t.Commands+": "+strings.Join(s, ", ")) + "\n")
		}
		writeManFlags(&b, c, c.LocalFlags(), t, tr)
	}

	b.WriteString(".SH " + macroArg(m.Keys) + "\n")
	b.WriteString(roffText(m.KeysIntro) + "\n")
	for _, k := range tui.HelpKeys(lang, tabs) {
		b.WriteString(".TP\n" + `\fB` + roffText(k.Keys) + `\fR` + "\n" + roffText(k.Does) + "\n")
	}

	b.WriteString(".SH " + macroArg(m.Environment) + "\n")
	writeTagged(&b, m.Env)
	b.WriteString(".SH " + macroArg(m.Files) + "\n")
	writeTagged(&b, m.FilesList)
	b.WriteString(".SH " + macroArg(m.ExitStatus) + "\n")
	writeTagged(&b, m.Exit)

	b.WriteString(".SH " + macroArg(m.Examples) + "\n")
	for _, c := range append([]*cobra.Command{root}, subs...) {
		ex := strings.Trim(tr(c.Example), "\n")
		if ex == "" {
			continue
		}
		b.WriteString(".PP\n.RS 4\n.nf\n")
		for _, l := range strings.Split(ex, "\n") {
			b.WriteString(roffLine(strings.TrimSpace(l)) + "\n")
		}
		b.WriteString(".fi\n.RE\n")
	}
	b.WriteString(".SH " + macroArg(m.SeeAlso) + "\n")
	b.WriteString(roffText(m.SeeAlsoText) + "\n")
	return b.String()
}

// writeManFlags writes flags as tagged paragraphs: "--limit N" in bold and
// italic, then what it does and its default.
func writeManFlags(b *strings.Builder, c *cobra.Command, fs *pflag.FlagSet, t i18n.CLIStrings, tr func(string) string) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || (f.Name == "help" && c.HasParent()) {
			return // every command's -h is said once, under the options
		}
		name, usage := flagUsage(c, f, t, tr)
		tag := `\fB\-\-` + roffText(f.Name) + `\fR`
		if f.Shorthand != "" {
			tag = `\fB\-` + roffText(f.Shorthand) + `\fR, ` + tag
		}
		if name != "" {
			tag += ` \fI` + roffText(name) + `\fR`
		}
		switch f.DefValue {
		case "", "false", "0", "[]", "0s":
		default:
			usage += " " + fmt.Sprintf(t.Default, f.DefValue)
		}
		b.WriteString(".TP\n" + tag + "\n" + roffText(strings.Join(strings.Fields(usage), " ")) + "\n")
	})
}

func writeTagged(b *strings.Builder, rows [][2]string) {
	for _, r := range rows {
		b.WriteString(".TP\n" + `\fB` + roffText(r[0]) + `\fR` + "\n" + roffText(r[1]) + "\n")
	}
}

// subNames are the names of c's visible subcommands (completion's shells).
func subNames(c *cobra.Command) []string {
	var out []string
	for _, s := range visibleCommands(c) {
		if s.Name() != "help" {
			out = append(out, s.Name())
		}
	}
	return out
}

// paragraphs turns --help text (lines broken for a terminal, blank lines between
// paragraphs) into roff paragraphs that the formatter fills to the reader's width.
func paragraphs(s string) string {
	var b strings.Builder
	for i, p := range strings.Split(strings.TrimSpace(s), "\n\n") {
		if i > 0 {
			b.WriteString(".PP\n")
		}
		b.WriteString(roffText(strings.Join(strings.Fields(p), " ")) + "\n")
	}
	return b.String()
}

// code is a span in backquotes in a help text: a command or a value, in bold.
var code = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile("`([^`\n]+)`") })

// roffText escapes text for roff: backslashes, hyphens (\- so that --lang stays
// two ASCII hyphens to copy), and a dot or an apostrophe that would start a line as a
// request; a span in backquotes becomes bold (the backquotes are --help's markup,
// not the reader's).
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	s = code().ReplaceAllString(s, `\fB$1\fR`)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}

// roffLine is one line of an example, kept as it is (no fill, no bold).
func roffLine(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// macroArg is one argument of a request (.TH, .SH, .SS): quoted, its quotes and
// backslashes escaped.
func macroArg(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, `"`, `\(dq`)
	s = strings.ReplaceAll(s, "-", `\-`)
	return `"` + s + `"`
}

// tabs is the number of pages of the content the program reads (8 in the
// built-in briefing), for the digit keys the man page lists.
func (a *app) tabs() int {
	if lib, err := a.library(); err == nil {
		return len(lib.IDs())
	}
	return 9
}
