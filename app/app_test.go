package app

import "testing"

func TestVersionFrom(t *testing.T) {
	toml := "[Details]\nIcon = \"assets/icon.png\"\nVersion = \"1.2.3\"\nBuild = 4\n"
	if v := VersionFrom(toml); v != "1.2.3" {
		t.Fatalf("VersionFrom = %q", v)
	}
	if v := VersionFrom("[Details]\n"); v != "dev" {
		t.Fatalf("VersionFrom(no version) = %q", v)
	}
}
