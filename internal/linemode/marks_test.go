package linemode

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cyberdiplo/cyberdiplo/content"
	"github.com/cyberdiplo/cyberdiplo/internal/cite"
	"github.com/cyberdiplo/cyberdiplo/internal/library"
	"github.com/cyberdiplo/cyberdiplo/internal/marks"
)

func shipped(t *testing.T) *library.Library {
	t.Helper()
	lib, err := library.Load(content.FS())
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func TestMarkMarksAndBriefInBothLanguages(t *testing.T) {
	lib := shipped(t)
	path := filepath.Join(t.TempDir(), "marks.json")
	// Three sections on three pages marked in English; then the list and the
	// brief in Italian.
	out := run(t, lib, Options{Lang: "en", Marks: marks.Open(path, "en")},
		"mark\nun#groups-of-governmental-experts\nmark\neu#key-facts\nmark\nnato#key-facts\nmark\nl\nmarks\nsegnati\n2\npromemoria\n")
	flat := strings.Join(strings.Fields(out), " ") // the lines are wrapped to the width
	for _, want := range []string{
		"No section is being read: open a page first, then type mark.",
		"marked: Italy at the United Nations › Groups of Governmental Experts (1 marked passage).",
		"marked: Italy in the European Union › Key facts (2 marked passages).",
		"marked: Italy in NATO › Key facts (3 marked passages).",
		"Passi segnati, in ordine di lettura:",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
	// The list, numbered as the reader's list (reading order: EU, UN, NATO), in Italian.
	list := out[strings.Index(out, "Passi segnati, in ordine di lettura:"):]
	var unHeading string
	at := -1
	for i, id := range []string{"eu", "un", "nato"} {
		p := lib.Page("it", id)
		en := lib.Page("en", id)
		anchor := map[string]string{"eu": "key-facts", "un": "groups-of-governmental-experts", "nato": "key-facts"}[id]
		sec := lib.CounterpartSection(id, "en", en.SectionByAnchor(anchor), "it")
		item := string(rune('1'+i)) + ". " + p.Title + " › " + p.Sections[sec].Heading.Text + ": "
		j := strings.Index(list, item)
		if j < 0 || j < at {
			t.Fatalf("the list lacks %q in order:\n%s", item, list)
		}
		at = j
		if id == "un" {
			unHeading = p.Sections[sec].Heading.Text
		}
		// The brief cites each in Italian.
		if line := cite.Line(lib, p, sec); !strings.Contains(flat, strings.Join(strings.Fields(line), " ")) {
			t.Errorf("the brief lacks the Italian citation %q", line)
		}
	}
	if !strings.Contains(list, "Fonti: MAECI 2026") {
		t.Errorf("the list names no sources:\n%s", list)
	}
	// 2 opens the second mark: the UN's section, in Italian.
	if !strings.Contains(list, "## "+unHeading) {
		t.Errorf("2 did not open the UN mark:\n%s", list)
	}
	if s, err := marks.Load(path); err != nil || s.Len() != 3 {
		t.Errorf("the marks file: %v", err)
	}
}

func TestMarkTwiceUnmarksInTheLineMode(t *testing.T) {
	lib := shipped(t)
	out := run(t, lib, Options{Lang: "it", Marks: marks.Session()}, "onu\nsegna\nsegna\nsegnati\nbrief\n")
	for _, want := range []string{"segnato: L'Italia alle Nazioni Unite", "segno tolto: L'Italia alle Nazioni Unite",
		"(0 passi segnati).", "Nessun passo segnato: scrivi segna"} {
		if !strings.Contains(out, want) {
			t.Errorf("the output lacks %q:\n%s", want, out)
		}
	}
}

func TestARefusedMarksFileInTheLineMode(t *testing.T) {
	lib := shipped(t)
	path := filepath.Join(t.TempDir(), "marks.json")
	if err := os.WriteFile(path, []byte("not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := run(t, lib, Options{Lang: "en", Marks: marks.Open(path, "en")}, "un\nmark\nmarks\n")
	if strings.Count(out, "cannot be used") != 1 || !strings.Contains(out, "marks are kept for this session only") {
		t.Errorf("the refused file is not said once:\n%s", out)
	}
	if !strings.Contains(out, "1. Italy at the United Nations") {
		t.Errorf("marks do not work for the session:\n%s", out)
	}
	if data, _ := os.ReadFile(path); string(data) != "not json" {
		t.Errorf("the refused file was written over: %q", data)
	}
}

func TestTheHelpNamesTheMarksCommands(t *testing.T) {
	out := run(t, fixture(t), Options{Lang: "en"}, "?\n")
	if !strings.Contains(out, "mark: mark the section being read") || !strings.Contains(out, "brief: the marked passages") {
		t.Errorf("the help lacks mark and brief:\n%s", out)
	}
}
