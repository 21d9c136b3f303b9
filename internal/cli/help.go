package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
)

// The help of every command, in the reader's language: plain text that reads the
// same on a terminal, in a file and through a screen reader (no colour, no
// padding, no trailing spaces), every command listed.

// help writes the help of c.
func (a *app) help(c *cobra.Command, _ []string) {
	writeHelp(c.OutOrStdout(), c, a.msgLang())
}

func writeHelp(w io.Writer, c *cobra.Command, lang string) {
	t := i18n.CLI(lang)
	tr := func(s string) string { return i18n.Help(lang, s) }
	c.InitDefaultHelpFlag()
	c.InitDefaultVersionFlag()
	var b strings.Builder
	section := func(title string) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(title + ":\n")
	}
	if desc := strings.TrimSpace(tr(cmpOr(c.Long, c.Short))); desc != "" {
		b.WriteString(desc + "\n")
	}

	section(t.Usage)
	subs := visibleCommands(c)
	flagsWord := ""
	if c.HasAvailableFlags() {
		flagsWord = " " + t.FlagsWord
	}
	if c.Runnable() || len(subs) == 0 {
		b.WriteString("  " + commandPath(c) + useArgs(c, lang) + flagsWord + "\n")
	}
	if len(subs) > 0 {
		b.WriteString("  " + commandPath(c) + " " + t.CommandWord + flagsWord + "\n")
	}

	if len(subs) > 0 {
		section(t.Commands)
		var rows [][2]string
		for _, s := range subs {
			rows = append(rows, [2]string{s.Name() + useArgs(s, lang), tr(s.Short)})
		}
		writeRows(&b, rows)
	}
	if rows := flagRows(c, c.LocalFlags(), t, tr); len(rows) > 0 {
		section(t.Flags)
		writeRows(&b, rows)
	}
	if rows := flagRows(c, c.InheritedFlags(), t, tr); len(rows) > 0 {
		section(t.GlobalFlags)
		writeRows(&b, rows)
	}
	if ex := strings.Trim(tr(c.Example), "\n"); ex != "" {
		section(t.Examples)
		b.WriteString(ex + "\n")
	}
	if len(subs) > 0 {
		b.WriteString("\n" + fmt.Sprintf(t.MoreHelp, commandPath(c)) + "\n")
	}
	_, _ = io.WriteString(w, trimLines(b.String()))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// visibleCommands are the subcommands --help lists: all but the hidden ones.
func visibleCommands(c *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, s := range c.Commands() {
		if !s.Hidden && (s.IsAvailableCommand() || s.Name() == "help") {
			out = append(out, s)
		}
	}
	return out
}

// useArgs is what follows the name in a command's Use ("PAGE...", "[DIR]"), with
// a leading space, in lang.
func useArgs(c *cobra.Command, lang string) string {
	f := strings.Fields(c.Use)
	if len(f) < 2 {
		return ""
	}
	out := make([]string, 0, len(f)-1)
	for _, a := range f[1:] {
		out = append(out, i18n.Help(lang, a))
	}
	return " " + strings.Join(out, " ")
}

// flagUsage is a flag's value name and what it does, in the reader's language, as
// --help and the man page say them.
func flagUsage(c *cobra.Command, f *pflag.Flag, t i18n.CLIStrings, tr func(string) string) (name, usage string) {
	usage = tr(f.Usage)
	switch f.Name {
	case "help":
		usage = fmt.Sprintf(t.HelpFor, c.Name())
	case "version":
		usage = fmt.Sprintf(t.VersionFor, c.Root().Name())
	}
	name, usage = valueName(f, usage)
	return tr(name), usage
}

// flagRows describes flags: "-h, --help" or "    --limit N", and the usage with
// its default.
func flagRows(c *cobra.Command, fs *pflag.FlagSet, t i18n.CLIStrings, tr func(string) string) [][2]string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		name, usage := flagUsage(c, f, t, tr)
		key := "    --" + f.Name
		if f.Shorthand != "" {
			key = "-" + f.Shorthand + ", --" + f.Name
		}
		if name != "" {
			key += " " + name
		}
		switch f.DefValue {
		case "", "false", "0", "[]", "0s":
		default:
			usage += " " + fmt.Sprintf(t.Default, f.DefValue)
		}
		rows = append(rows, [2]string{key, usage})
	})
	return rows
}

// valueName is the name of a flag's value: the word in backquotes in its usage
// (removed from the usage), else one from its type.
func valueName(f *pflag.Flag, usage string) (string, string) {
	if i := strings.IndexByte(usage, '`'); i >= 0 {
		if j := strings.IndexByte(usage[i+1:], '`'); j >= 0 {
			name := usage[i+1 : i+1+j]
			return name, usage[:i] + name + usage[i+1+j+1:]
		}
	}
	switch f.Value.Type() {
	case "bool":
		return "", usage
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return "N", usage
	case "duration":
		return "DURATION", usage
	}
	return strings.ToUpper(f.Name), usage
}

// writeRows writes two columns, the second aligned; a second column of several
// lines keeps its indentation.
func writeRows(b *strings.Builder, rows [][2]string) {
	width := 0
	for _, r := range rows {
		width = max(width, len([]rune(r[0])))
	}
	pad := strings.Repeat(" ", 2+width+2)
	for _, r := range rows {
		b.WriteString("  " + r[0])
		b.WriteString(strings.Repeat(" ", width-len([]rune(r[0]))+2))
		b.WriteString(strings.ReplaceAll(r[1], "\n", "\n"+pad))
		b.WriteByte('\n')
	}
}

// trimLines removes the spaces at the end of every line.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}

// newHelpCmd is "help [COMMAND]": the help of a command, or a plain sentence for a
// command that does not exist.
func newHelpCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Explain a command (the same as COMMAND --help)",
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || target == nil || len(rest) > 0 {
				return usageErr(a.t().UnknownHelpTopic, strings.Join(args, " "), commandNames(cmd.Root()))
			}
			a.help(target, nil)
			return nil
		},
	}
}

// commandNames lists the subcommands of c a user may type.
func commandNames(c *cobra.Command) string {
	var names []string
	for _, s := range visibleCommands(c) {
		names = append(names, s.Name())
	}
	return strings.Join(names, ", ")
}
