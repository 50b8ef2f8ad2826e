package app

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fangkong/reports"
)

// TestKillChild is the child process of the kill tests: it runs one bulk
// write (a staff import, the demo or the county demo with its import of
// report files) on FANGKONG_KILL_DB and says DONE.
func TestKillChild(t *testing.T) {
	path := os.Getenv("FANGKONG_KILL_DB")
	if path == "" {
		t.Skip("run by the kill tests")
	}
	ctx := context.Background()
	a, err := Open(ctx, path, time.Now)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	switch work := os.Getenv("FANGKONG_KILL_WORK"); work {
	case "demo":
		fmt.Println("WRITING")
		err = a.Demo(ctx, ScaleSmall)
	case "county":
		fmt.Println("WRITING")
		err = a.Demo(ctx, ScaleCounty)
	default: // a workbook to import
		var f *os.File
		if f, err = os.Open(work); err == nil {
			var imp StaffImport
			if imp, err = a.ReadStaffImport(ctx, f); err == nil {
				fmt.Println("WRITING")
				_, err = a.ImportStaff(ctx, imp)
			}
		}
	}
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	fmt.Println("DONE")
}

// killRounds runs the child 25 times on a fresh database and kills it
// with SIGKILL (no chance to clean up) at a random moment of its writing:
// between its WRITING and the time a whole run takes to say DONE. Then it
// checks the file with check.
func killRounds(t *testing.T, work string, check func(round int, conn *sql.DB, done bool)) {
	if testing.Short() {
		t.Skip("kills a child process 25 times")
	}
	dir := t.TempDir()
	// run starts the child and, once it is writing, kills it after kill
	// (never, for 0); it returns whether it said DONE and how long the
	// writing took.
	run := func(path string, kill time.Duration) (bool, time.Duration) {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$")
		cmd.Env = append(os.Environ(), "FANGKONG_KILL_DB="+path, "FANGKONG_KILL_WORK="+work)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var writing time.Time
		done := false
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			switch line := sc.Text(); {
			case line == "WRITING":
				writing = time.Now()
				if kill > 0 {
					defer time.AfterFunc(kill, func() { cmd.Process.Kill() }).Stop()
				}
			case line == "DONE":
				done = true
			case strings.HasPrefix(line, "ERR"):
				t.Fatalf("the child failed: %s", line)
			}
		}
		cmd.Wait()
		return done, time.Since(writing)
	}
	_, whole := run(filepath.Join(dir, "whole.db"), 0)
	r := rand.New(rand.NewPCG(25, 9))
	finished := 0
	for round := range 25 {
		path := filepath.Join(dir, fmt.Sprintf("round%02d.db", round))
		done, _ := run(path, time.Duration(1+r.Int64N(int64(whole))))
		if done {
			finished++
		}
		conn, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		var result string
		if err := conn.QueryRow("PRAGMA integrity_check").Scan(&result); err != nil || result != "ok" {
			t.Fatalf("round %d: integrity_check %q, %v", round, result, err)
		}
		check(round, conn, done)
		conn.Close()
	}
	t.Logf("25 kills while writing (a whole write takes %s): %d finished first, %d killed midway, none left half",
		whole.Round(time.Millisecond), finished, 25-finished)
	if finished > 20 {
		t.Fatalf("only %d of 25 kills landed midway", 25-finished)
	}
}

func count(t *testing.T, conn *sql.DB, table string) int {
	t.Helper()
	var n int
	if err := conn.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return 0 // killed before the schema was made
		}
		t.Fatal(err)
	}
	return n
}

// An import of 3,000 people killed at any moment has all of them or none.
func TestKilledImportLandsWholeOrNot(t *testing.T) {
	rows := make([][]string, 3000)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("导入%04d", i), fmt.Sprintf("139%08d", i), "镇政府", "干部"}
	}
	book := filepath.Join(t.TempDir(), "名单.xlsx")
	var buf bytes.Buffer
	if err := reports.WriteXLSX(&buf, reports.Table{Name: "名单", Header: []string{"姓名", "电话", "单位", "类别"}, Rows: rows}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(book, buf.Bytes(), 0o644)
	killRounds(t, book, func(round int, conn *sql.DB, done bool) {
		n := count(t, conn, "staff")
		if n != 0 && n != len(rows) {
			t.Fatalf("round %d: %d of %d people in after the kill", round, n, len(rows))
		}
		if done && n != len(rows) {
			t.Fatalf("round %d: the import said done with %d people in", round, n)
		}
	})
}

// The demo killed at any moment leaves an empty database or the whole demo.
func TestKilledDemoLandsWholeOrNot(t *testing.T) {
	var full map[string]int
	killRounds(t, "demo", func(round int, conn *sql.DB, done bool) {
		got := map[string]int{}
		for _, table := range []string{"staff", "checkpoints", "registrations", "guests", "stock_moves", "duty"} {
			got[table] = count(t, conn, table)
		}
		empty := true
		for _, n := range got {
			empty = empty && n == 0
		}
		if empty && !done {
			return
		}
		if full == nil {
			full = got
		}
		for table, n := range got {
			if n != full[table] {
				t.Fatalf("round %d: %s holds %d rows, a whole demo %d: a half-made demo", round, table, n, full[table])
			}
		}
	})
	if full != nil && full["staff"] != 30 {
		t.Fatalf("a whole small demo has %d staff", full["staff"])
	}
}

// The county demo (twelve townships registered, a month of their report
// files imported) killed at any moment has all of it or none.
func TestKilledCountyImportLandsWholeOrNot(t *testing.T) {
	var files int
	killRounds(t, "county", func(round int, conn *sql.DB, done bool) {
		townships, received := count(t, conn, "townships"), count(t, conn, "received_reports")
		if townships == 0 && received == 0 && !done {
			return
		}
		if files == 0 {
			files = received
		}
		if townships != 12 || received != files || received < 12*28 {
			t.Fatalf("round %d: %d townships and %d of %d report files in after the kill", round, townships, received, files)
		}
	})
}
