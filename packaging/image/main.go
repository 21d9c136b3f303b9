// Command image builds the OCI image of the cyberdiplo kiosk (cyberdiplo serve)
// from release binaries, with no Docker daemon and no base image to pull: the
// binary is static, so the image is one layer on nothing ("FROM scratch") with
// the binary, a nonroot user and an empty /data for the host key.
//
//	go run . -out DIR -version V -created RFC3339 linux/amd64=PATH [linux/arm64=PATH ...]
//
// For each PLATFORM=PATH it writes DIR/cyberdiplo-kiosk_V_OS_ARCH.oci.tar: an OCI
// image layout in a tar (an "oci-archive"), which podman load, skopeo copy
// oci-archive:... and crane push read. scripts/release-check runs it on the
// snapshot's binaries and checks the image's config. It is a module of its own
// so that go-containerregistry stays out of the program's go.mod.
package main

import (
	"archive/tar"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

// The image's shape: what docs/INSTALL.md documents and release-check checks.
const (
	name    = "cyberdiplo-kiosk"
	binary  = "/usr/bin/cyberdiplo"
	dataDir = "/data" // the volume: the host key lives here
	uid     = 65532   // nonroot, as distroless and Chainguard number it
	port    = "2222/tcp"
	// maxBinary bounds the binary read into memory (the release budget is 20 MiB).
	maxBinary = 64 << 20
)

func main() {
	out := flag.String("out", "dist", "directory to write the archives to")
	version := flag.String("version", "", "the version, for the tag and the labels (required)")
	created := flag.String("created", "", "the creation time, RFC 3339 (default: the Unix epoch, for reproducible images)")
	source := flag.String("source", "https://github.com/cyberdiplo/cyberdiplo", "the source repository, for the labels")
	revision := flag.String("revision", "", "the commit, for the labels")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: image -out DIR -version V [-created T] [-revision C] linux/amd64=PATH [linux/arm64=PATH ...]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *version == "" || flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	when := time.Unix(0, 0).UTC()
	if *created != "" {
		t, err := time.Parse(time.RFC3339, *created)
		if err != nil {
			fail(fmt.Errorf("-created %q: use an RFC 3339 time such as 2026-03-01T12:00:00Z", *created))
		}
		when = t.UTC()
	}
	for _, arg := range flag.Args() {
		plat, path, ok := strings.Cut(arg, "=")
		if !ok {
			fail(fmt.Errorf("%q: give PLATFORM=PATH, such as linux/amd64=dist/cyberdiplo_linux_amd64_v1/cyberdiplo", arg))
		}
		p, err := v1.ParsePlatform(plat)
		if err != nil || p.OS != "linux" || p.Architecture == "" {
			fail(fmt.Errorf("%q: not a Linux platform such as linux/amd64 or linux/arm/v7", plat))
		}
		file, err := build(*out, *version, *source, *revision, when, *p, path)
		if err != nil {
			fail(err)
		}
		fmt.Println(file)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "image:", err)
	os.Exit(1)
}

// build writes the image of one platform and returns the archive's path.
func build(outDir, version, source, revision string, when time.Time, p v1.Platform, binPath string) (string, error) {
	bin, err := readBounded(binPath, maxBinary)
	if err != nil {
		return "", err
	}
	layerTar, err := rootfs(bin, when)
	if err != nil {
		return "", err
	}
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(layerTar)), nil
	}, tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return "", err
	}
	img, err := mutate.AppendLayers(mutate.MediaType(empty.Image, types.OCIManifestSchema1), layer)
	if err != nil {
		return "", err
	}
	img = mutate.ConfigMediaType(img, types.OCIConfigJSON)
	cf, err := img.ConfigFile()
	if err != nil {
		return "", err
	}
	cf = cf.DeepCopy()
	cf.OS, cf.Architecture, cf.Variant = p.OS, p.Architecture, p.Variant
	cf.Created = v1.Time{Time: when}
	cf.Author = "cyberdiplo"
	cf.Config = v1.Config{
		User: fmt.Sprintf("%d:%d", uid, uid),
		// The kiosk's defaults for a container: every address, the host key in
		// the volume. Flags given to podman run come after, and the last wins.
		Entrypoint:   []string{binary, "serve", "--listen", ":2222", "--host-key", dataDir + "/ssh_host_ed25519"},
		Env:          []string{"HOME=" + dataDir, "XDG_DATA_HOME=" + dataDir, "LANG=C.UTF-8"},
		WorkingDir:   dataDir,
		ExposedPorts: map[string]struct{}{port: {}},
		Volumes:      map[string]struct{}{dataDir: {}},
		StopSignal:   "SIGTERM", // serve tells visitors, drains for up to 10s and exits 0
		Labels: map[string]string{
			"org.opencontainers.image.title":       name,
			"org.opencontainers.image.description": "The cyberdiplo reader over SSH (cyberdiplo serve)",
			"org.opencontainers.image.version":     version,
			"org.opencontainers.image.source":      source,
			"org.opencontainers.image.revision":    revision,
			"org.opencontainers.image.licenses":    "MIT",
		},
	}
	cf.History = []v1.History{{Created: v1.Time{Time: when}, CreatedBy: "packaging/image: " + binary + ", /data, nonroot user", Comment: "FROM scratch"}}
	if img, err = mutate.ConfigFile(img, cf); err != nil {
		return "", err
	}

	arch := p.Architecture + p.Variant
	base := fmt.Sprintf("%s_%s_%s_%s", name, version, p.OS, arch)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return "", err
	}
	dir, err := os.MkdirTemp(outDir, ".oci-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	lp, err := layout.Write(dir, empty.Index)
	if err != nil {
		return "", err
	}
	tag := name + ":" + version
	if err := lp.AppendImage(img, layout.WithPlatform(p), layout.WithAnnotations(map[string]string{
		"org.opencontainers.image.ref.name": tag,
		"io.containerd.image.name":          tag,
	})); err != nil {
		return "", err
	}
	file := filepath.Join(outDir, base+".oci.tar")
	return file, tarDir(dir, file, when)
}

func readBounded(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is over %d bytes: not the cyberdiplo binary?", path, limit)
	}
	if !bytes.HasPrefix(b, []byte("\x7fELF")) {
		return nil, fmt.Errorf("%s is not a Linux (ELF) binary", path)
	}
	return b, nil
}

// rootfs is the image's one layer: the binary, the nonroot user (so that the
// kiosk's logs and ssh see a name), and /data owned by it, where podman copies
// the ownership into a new named volume.
func rootfs(bin []byte, when time.Time) ([]byte, error) {
	var b bytes.Buffer
	tw := tar.NewWriter(&b)
	dir := func(name string, mode int64, owner int) error {
		return tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: name + "/", Mode: mode, Uid: owner, Gid: owner, ModTime: when, Format: tar.FormatPAX})
	}
	file := func(name string, mode int64, data []byte) error {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: mode, Size: int64(len(data)), ModTime: when, Format: tar.FormatPAX}); err != nil {
			return err
		}
		_, err := tw.Write(data)
		return err
	}
	steps := []error{
		dir("etc", 0o755, 0),
		file("etc/passwd", 0o644, fmt.Appendf(nil, "root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%d:%d:cyberdiplo kiosk:%s:/sbin/nologin\n", uid, uid, dataDir)),
		file("etc/group", 0o644, fmt.Appendf(nil, "root:x:0:\nnonroot:x:%d:\n", uid)),
		dir("usr", 0o755, 0),
		dir("usr/bin", 0o755, 0),
		file(strings.TrimPrefix(binary, "/"), 0o755, bin),
		dir(strings.TrimPrefix(dataDir, "/"), 0o700, uid),
		dir("tmp", 0o1777, 0),
	}
	if err := errors.Join(steps...); err != nil {
		return nil, err
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// tarDir writes the OCI layout in dir as one tar (oci-archive), entries in a
// fixed order and time so that the same binary gives the same file.
func tarDir(dir, file string, when time.Time) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(f)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			return tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: rel + "/", Mode: 0o755, ModTime: when})
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: rel, Mode: 0o644, Size: int64(len(data)), ModTime: when}); err != nil {
			return err
		}
		_, err = tw.Write(data)
		return err
	})
	if err == nil {
		err = tw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
