package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cyberdiplo/cyberdiplo/internal/i18n"
	langs "github.com/cyberdiplo/cyberdiplo/internal/lang"
)

// exitError carries the exit status a command ends with, and a one-line message
// for standard error (none when the command already said what it had to).
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

// usageErr is bad input: exit 2, with a message saying what was wrong and what is accepted.
func usageErr(format string, args ...any) error {
	return &exitError{code: 2, msg: fmt.Sprintf(format, args...)}
}

// plainErr is bad input said in a sentence of its own: exit 2.
func plainErr(msg string) error { return &exitError{code: 2, msg: msg} }

// silentExit ends with a status and no message (lint problems, no search hits).
func silentExit(code int) error { return &exitError{code: code} }

// exitCode maps an error from a command to the process's exit status: 2 for bad
// input (cobra's own flag and argument errors included), 1 for anything else.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return 1
}

// msgLang is the language of the command line's messages: --lang when it names
// one, else the locale (LC_ALL, LC_MESSAGES, LANG).
func (a *app) msgLang() string {
	if a.langFlag != "" {
		if l, err := langs.Parse(a.langFlag); err == nil {
			return l
		}
	}
	l, _ := langs.Choose("", a.env.Getenv)
	return l
}

// t returns the command line's messages in the reader's language.
func (a *app) t() i18n.CLIStrings { return i18n.CLI(a.msgLang()) }

// flagError says in a sentence what was wrong with a flag, in place of the
// parser's words ("strconv.ParseInt: parsing ...").
func (a *app) flagError(c *cobra.Command, err error) error {
	t := a.t()
	path := commandPath(c)
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		name := "--" + notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			name = "-" + notExist.GetSpecifiedName()
		}
		return usageErr(t.UnknownFlag, quote(name), path)
	case errors.As(err, &needs):
		return usageErr(t.FlagNeedsValue, "--"+needs.GetFlag().Name, path)
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		format := t.FlagBadValue
		switch typ := f.Value.Type(); {
		case strings.HasPrefix(typ, "int") || strings.HasPrefix(typ, "uint"):
			format = t.FlagNotNumber
		case strings.HasPrefix(typ, "float"):
			format = t.FlagNotDecimal
		case typ == "bool":
			format = t.FlagNotBool
		case typ == "duration":
			format = t.FlagNotDuration
		}
		return usageErr(format, "--"+f.Name, quote(invalid.GetValue()), path)
	case errors.As(err, &syntax):
		return usageErr(t.BadFlagSyntax, quote(syntax.GetSpecifiedFlag()), path)
	}
	return usageErr("%v (see %s --help)", err, path)
}

// cobra's own words for arguments it refuses (spf13/cobra args.go), compiled
// when an error is first explained, not at every start.
var (
	reMaxArgs    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`) })
	reUnknownCmd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^unknown command "(.*)" for "`) })
	reArgCount   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(accepts|requires) .*arg\(s\)`) })
)

// explain turns cobra's errors about arguments into sentences naming the command,
// in the reader's language. cmd is the command cobra was running (nil if none).
func (a *app) explain(cmd *cobra.Command, err error) error {
	if err == nil {
		return nil
	}
	var e *exitError
	if errors.As(err, &e) || cmd == nil {
		return err
	}
	t := a.t()
	msg := err.Error()
	path := commandPath(cmd)
	name := strings.TrimPrefix(path, cmd.Root().Name()+" ") // after "cyberdiplo: "
	args := cmd.Flags().Args()
	given := strings.Join(args, " ")
	if m := reMaxArgs().FindStringSubmatch(msg); m != nil {
		most, _ := strconv.Atoi(m[1])
		got, _ := strconv.Atoi(m[2])
		switch {
		case !cmd.HasParent() && most == 1:
			// "cyberdiplo serch oewg": a misspelt command, not two pages.
			if len(args) > 0 && !a.isPage(args[0]) {
				if s, ok := a.suggestFor(args[0]); ok && s.Command {
					return usageErr(t.NotACommand, quote(args[0]), strings.Join(append([]string{cmd.Root().Name()}, a.corrected(s.Say, args[1:])...), " "))
				}
			}
			return usageErr(t.OnePage, got, quote(given), quote(given))
		case most == 1:
			return usageErr(t.TooManyArgs, name, got, quote(given), path)
		}
		return usageErr("%s: %s (see %s --help)", name, msg, path)
	}
	if m := reUnknownCmd().FindStringSubmatch(msg); m != nil {
		if cmd.HasAvailableSubCommands() {
			return usageErr(t.UnknownCommand, name, quote(m[1]), commandNames(cmd))
		}
		return usageErr(t.NoArgs, name, quote(m[1]), path)
	}
	if reArgCount().MatchString(msg) {
		return usageErr("%s: %s (see %s --help)", name, msg, path)
	}
	return err
}

// commandPath is what a user types to run c: its command path, without the
// kiosk's placeholder root (over SSH a visitor types "show un", not "COMMAND
// show un").
func commandPath(c *cobra.Command) string {
	if c.Root().Use == restrictedRoot {
		if p := strings.TrimPrefix(c.CommandPath(), restrictedRoot+" "); p != restrictedRoot {
			return p
		}
	}
	return c.CommandPath()
}

// isPage reports whether name (PAGE or PAGE#ANCHOR) names a page.
func (a *app) isPage(name string) bool {
	lib, err := a.library()
	if err != nil {
		return false
	}
	page, _, _ := strings.Cut(name, "#")
	_, ok := lib.Resolve(page)
	return ok
}

// firstLine is the first line of an error's message, for a one-line report.
func firstLine(err error) string {
	msg := strings.TrimSpace(err.Error())
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}
