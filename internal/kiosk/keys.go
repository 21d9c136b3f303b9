package kiosk

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "github.com/cyberdiplo/cyberdiplo/third_party/xcrypto/ssh"
)

// hostKey reads the host key at path, or creates an ed25519 key there (mode 0600,
// parent directory 0700) if there is none. created says which. Several instances
// starting at once on a shared directory agree on one key: the new key is written
// to a temporary file and linked into place, and a loser reads the winner's key.
func hostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, created, err = createHostKey(path)
	}
	if err != nil {
		return nil, false, err
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("%s: %w", path, err)
	}
	return signer, created, nil
}

func createHostKey(path string) ([]byte, bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "cyberdiplo kiosk host key")
	if err != nil {
		return nil, false, err
	}
	data := pem.EncodeToMemory(block)
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*") // mode 0600
	if err != nil {
		return nil, false, err
	}
	tmp := f.Name()
	defer os.Remove(tmp) //nolint:errcheck
	if _, err := f.Write(data); err != nil {
		f.Close() //nolint:errcheck
		return nil, false, err
	}
	if err := f.Sync(); err != nil {
		f.Close() //nolint:errcheck
		return nil, false, err
	}
	if err := f.Close(); err != nil {
		return nil, false, err
	}
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			theirs, rerr := os.ReadFile(path)
			return theirs, false, rerr
		}
		return nil, false, err
	}
	return data, true, nil
}

// keyMode returns the permission bits of the file at path (0 if unknown).
func keyMode(path string) fs.FileMode {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Mode().Perm()
}

// authorizedKeys reads an OpenSSH authorized_keys file into a set of keys (by
// wire encoding). Options before a key (command=, restrict, ...) are ignored: a
// key listed gets the kiosk and nothing else anyway. A file without any key is an
// error, since nobody could get in.
func authorizedKeys(path string) (map[string]bool, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	keys := map[string]bool{}
	for i, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		pk, _, _, _, err := gossh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
		}
		keys[string(pk.Marshal())] = true
	}
	if len(keys) == 0 {
		return nil, fmt.Errorf("%s: no keys in the file", path)
	}
	return keys, nil
}
