package i18n

import (
	"reflect"
	"regexp"
	"testing"
)

var verb = regexp.MustCompile(`%[a-z]`)

// Every kiosk message is filled in, in both languages, differs between them, and
// takes the same arguments in the same order.
func TestKioskStrings(t *testing.T) {
	en, it := reflect.ValueOf(For("en").Kiosk), reflect.ValueOf(For("it").Kiosk)
	for i := range en.NumField() {
		name := en.Type().Field(i).Name
		e, i := en.Field(i).String(), it.Field(i).String()
		if e == "" || i == "" {
			t.Errorf("%s: empty (en %q, it %q)", name, e, i)
			continue
		}
		if e == i {
			t.Errorf("%s: not translated: %q", name, e)
		}
		if ev, iv := verb.FindAllString(e, -1), verb.FindAllString(i, -1); !reflect.DeepEqual(ev, iv) {
			t.Errorf("%s: arguments %v in English, %v in Italian", name, ev, iv)
		}
	}
	// What a caller reads is a copy: changing it changes nothing for the next.
	k := For("en").Kiosk
	k.Busy = "changed"
	if For("en").Kiosk.Busy == "changed" {
		t.Error("the kiosk's strings can be changed through a copy")
	}
}
