package i18n

// ---- The man page (cyberdiplo man) --------------------------------------------
//
// The man page is written from the command tree (internal/cli) and the reader's
// key map (internal/tui), in the words of --help and the help overlay; these are
// the words only the man page has: its section titles and the sections that are
// not commands (environment, files, exit status).

// ManStrings are the man page's own words in one language.
type ManStrings struct {
	Manual                                               string // the centre of the header: "User Commands"
	Name, Synopsis, Description, Options, Commands, Keys string // section titles
	Environment, Files, ExitStatus, Examples, SeeAlso    string
	KeysIntro                                            string // before the keys
	Env                                                  [][2]string
	FilesList                                            [][2]string
	Exit                                                 [][2]string
	SeeAlsoText                                          string
}

// Man returns the man page's own words in a language (the default language's for
// one without a catalog).
func Man(lang string) ManStrings { return Of(lang).Man }
