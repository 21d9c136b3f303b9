package main

import (
	"archive/tar"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
)

// The image a release ships: one layer on nothing, the binary as
// /usr/bin/cyberdiplo, run as nonroot serve on 2222 with the host key in /data.
func TestImage(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "cyberdiplo")
	elf := append([]byte("\x7fELF"), make([]byte, 1000)...)
	if err := os.WriteFile(bin, elf, 0o755); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	file, err := build(dir, "1.2.3", "https://example.org/src", "abc", when, v1.Platform{OS: "linux", Architecture: "arm64"}, bin)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(file) != "cyberdiplo-kiosk_1.2.3_linux_arm64.oci.tar" {
		t.Errorf("archive %s", file)
	}
	// Unpack the oci-archive and read it back as an OCI layout.
	lay := filepath.Join(dir, "layout")
	untar(t, file, lay)
	idx, err := layout.ImageIndexFromPath(lay)
	if err != nil {
		t.Fatal(err)
	}
	im, err := idx.IndexManifest()
	if err != nil || len(im.Manifests) != 1 {
		t.Fatalf("index: %v %+v", err, im)
	}
	d := im.Manifests[0]
	if d.Platform == nil || d.Platform.Architecture != "arm64" || d.Annotations["org.opencontainers.image.ref.name"] != "cyberdiplo-kiosk:1.2.3" {
		t.Errorf("descriptor %+v", d)
	}
	img, err := idx.Image(d.Digest)
	if err != nil {
		t.Fatal(err)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	c := cf.Config
	if c.User != "65532:65532" || !slices.Equal(c.Entrypoint[:2], []string{"/usr/bin/cyberdiplo", "serve"}) ||
		!slices.Contains(c.Entrypoint, "/data/ssh_host_ed25519") {
		t.Errorf("user %q, entrypoint %q", c.User, c.Entrypoint)
	}
	if _, ok := c.ExposedPorts["2222/tcp"]; !ok {
		t.Errorf("ports %v", c.ExposedPorts)
	}
	if _, ok := c.Volumes["/data"]; !ok {
		t.Errorf("volumes %v", c.Volumes)
	}
	if cf.Architecture != "arm64" || !cf.Created.Time.Equal(when) || c.Labels["org.opencontainers.image.version"] != "1.2.3" {
		t.Errorf("config %+v", cf)
	}
	layers, err := img.Layers()
	if err != nil || len(layers) != 1 {
		t.Fatalf("%d layers (a base image?), %v", len(layers), err)
	}
	rc, err := layers[0].Uncompressed()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	got := map[string]*tar.Header{}
	tr := tar.NewReader(rc)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got[h.Name] = h
		if h.Name == "usr/bin/cyberdiplo" {
			data, _ := io.ReadAll(tr)
			if string(data) != string(elf) || h.Mode != 0o755 {
				t.Errorf("the binary in the image differs (mode %o)", h.Mode)
			}
		}
	}
	if h := got["data/"]; h == nil || h.Uid != 65532 || h.Mode != 0o700 {
		t.Errorf("/data: %+v", h)
	}
	for _, want := range []string{"usr/bin/cyberdiplo", "etc/passwd", "etc/group", "tmp/"} {
		if got[want] == nil {
			t.Errorf("no %s in the layer", want)
		}
	}
	// The same binary gives the same archive.
	again, _ := build(filepath.Join(dir, "again"), "1.2.3", "https://example.org/src", "abc", when, v1.Platform{OS: "linux", Architecture: "arm64"}, bin)
	a, _ := os.ReadFile(file)
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("two builds of the same binary differ")
	}
}

func TestImageRefusesWhatIsNotABinary(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "README")
	os.WriteFile(txt, []byte("hello"), 0o644) //nolint:errcheck
	if _, err := build(dir, "1", "", "", time.Unix(0, 0), v1.Platform{OS: "linux", Architecture: "amd64"}, txt); err == nil {
		t.Error("a text file became an image")
	}
}

func untar(t *testing.T, file, dir string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tr := tar.NewReader(f)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, filepath.FromSlash(h.Name))
		if h.Typeflag == tar.TypeDir {
			os.MkdirAll(p, 0o755) //nolint:errcheck
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755) //nolint:errcheck
		data, _ := io.ReadAll(tr)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
