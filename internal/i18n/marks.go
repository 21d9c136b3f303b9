package i18n

import "fmt"

// ---- Marks and the meeting brief (internal/marks, cyberdiplo brief) ---------------
//
// The words of marking passages while reading and of the brief made of them: the
// reader's key help and notes, the list of marks, the line mode's commands, the
// notes a brief carries about a passage, and the messages of `cyberdiplo brief`.
// Kept in this file so that the reader, the line mode and the command line say the
// same thing. Reach them with Marks(lang), a copy.

// MarkStrings are the words of marks and of the brief in one language.
type MarkStrings struct {
	// The reader.
	KeyMark      string // help: m
	KeyMarks     string // help: ' or M
	KeysList     string // the help's heading of the list's keys
	KeyJumpMark  string // the list's Enter
	KeyRemove    string // the list's d
	KeyCopyBrief string // the list's c
	KeyOrder     string // the list's o
	KeyListLang  string // the list's L
	KeyCloseList string // the list's Esc, q, ', M
	Margin       string // the help's line about the mark in the margin
	One, Many    string // "1 marked passage", "%d marked passages" (Count)
	Marked       string // "marked: %s (%s)": where, Count of the marks now
	Unmarked     string // "unmarked: %s (%s)"
	Full         string // "at most %d marks: remove one before marking another"
	NothingMark  string // m where there is no passage
	ListTitle    string // "Marks (%d), %s": count, OrderReading or OrderMade
	ListEmpty    string // the list with no mark in it
	ListHint     string // the keys of the list
	OrderReading string // "in reading order"
	OrderMade    string // "in the order made"
	BriefCopied  string // "brief copied: %s, %d characters" (Count)
	BriefCut     string // "brief copied: the first %d of %d passages (%d characters), the most one copy carries"
	SessionOnly  string // "%s: marks are kept for this session only" (the file's problem)
	NotSaved     string // " (not saved: the marks file was refused)", after Marked or Unmarked
	SaveFailed   string // "cannot save your marks in %s: %v"

	// A passage's state, in the list and in the brief.
	Changed       string // the passage's text is not what was marked
	ChangedIn     string // "changed since you marked it in %s": shown in the other language
	Gone          string // its section or block is no longer in the briefing
	GoneMarked    string // "(block %s, marked in %s on %s)": block id, language, date
	NoCounterpart string // "in %s: this passage has no %s counterpart" (the text's language, the asked one)
	More          string // "left out for lack of room: %s; ..." (Count; the end of a cut brief)

	// The line mode: the commands (English and Italian words are both accepted).
	CmdMark, CmdMarks, CmdBrief string
	LineMarks                   string // "Marks, %s:" (OrderReading / OrderMade)
	LineItem                    string // "%d. %s: %s" (number, page and section, first words)
	LineEmpty                   string // marks with no mark yet
	LineNoSection               string // mark before a section is read
	LineHelp                    string // the help lines of the three commands

	// The command line: cyberdiplo brief.
	BriefEmpty   string // no mark yet
	Cleared      string // "brief cleared (it held %s)" (Count)
	Already      string // "already marked: %s"
	NotMarked    string // "%s is not marked: cyberdiplo brief lists the marked passages"
	BadSpec      string // "%q: name a passage as ..." (what was given)
	NoBlock      string // "%s has no passage %d: its passages are numbered 1 to %d (0 or none: the whole section)"
	ClearAlone   string // --clear with --add or --remove
	UnknownOrder string // "--order %q: use reading or made"
	BriefFormat  string // "--format %q: use plain, markdown or json"
	NoStateDir   string // neither XDG_STATE_HOME nor HOME is set
	Refused      string // "your marks file %s cannot be used: %s; ..." (path, reason)
	TooBig       string // "it is larger than %d KiB"
	TooMany      string // "it holds %d marks, more than %d"
	Broken       string // "it is not a marks file (%v)"
	BadMark      string // "its mark %d is not valid (%s)"
	NotRegular   string // "it is not a regular file"
	Unreadable   string // "it cannot be read (%v)"
	Kiosk        string // ssh HOST brief
}

// Marks returns the words of marks and of the brief in a language (the default
// language's for one without a catalog).
func Marks(lang string) MarkStrings { return Of(lang).Marks }

// Count says how many marked passages there are: "1 marked passage", "3 marked
// passages".
func (t MarkStrings) Count(n int) string {
	if n == 1 {
		return t.One
	}
	return fmt.Sprintf(t.Many, n)
}
