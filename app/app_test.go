package app

import (
	"errors"
	"testing"
	"time"
)

func TestVersionFrom(t *testing.T) {
	toml := "[Details]\nIcon = \"assets/icon.png\"\nVersion = \"1.2.3\"\nBuild = 4\n"
	if v := VersionFrom(toml); v != "1.2.3" {
		t.Fatalf("VersionFrom = %q", v)
	}
	if v := VersionFrom("[Details]\n"); v != "dev" {
		t.Fatalf("VersionFrom(no version) = %q", v)
	}
}

func TestSecondWindowOnTheSameDatabaseIsRefused(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	first := openTest(t, &now)
	if err := first.Lock(); err != nil {
		t.Fatal(err)
	}
	second, err := Open(t.Context(), first.DB.Path(), first.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	if err := second.Lock(); !errors.Is(err, ErrAlreadyOpen) {
		t.Fatalf("second window: %v", err)
	}
	first.Close()
	if err := second.Lock(); err != nil {
		t.Fatalf("after the first window closed: %v", err)
	}
}
