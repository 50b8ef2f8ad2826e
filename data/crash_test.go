package data

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestCrashChild is the child process of TestKilledWritesLoseNothing: it
// saves staff records in a loop and prints each ID once its write returned.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("FANGKONG_CRASH_DB")
	if path == "" {
		t.Skip("run by TestKilledWritesLoseNothing")
	}
	ctx := context.Background()
	db, err := Open(ctx, path, time.Now)
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	round := os.Getenv("FANGKONG_CRASH_ROUND")
	for i := 0; ; i++ {
		id, err := db.SaveStaff(ctx, Staff{Name: "测试" + round + "-" + strconv.Itoa(i), Phone: "13912345678",
			Note: strings.Repeat("备注", 50), Active: true})
		if err != nil {
			fmt.Println("ERR", err)
			os.Exit(3)
		}
		fmt.Println(id) // os.Stdout is unbuffered: the line is out before the next write starts
	}
}

// Killing the program in the middle of writing (SIGKILL, as a crash or a
// pulled plug does to the process) never corrupts the file nor loses an
// entry whose save had returned.
func TestKilledWritesLoseNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 25 times")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	var committed []int64
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 25; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "FANGKONG_CRASH_DB="+path, "FANGKONG_CRASH_ROUND="+strconv.Itoa(round))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan []string)
		go func() {
			var got []string
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				got = append(got, sc.Text())
			}
			lines <- got
		}()
		time.Sleep(time.Duration(150+r.IntN(250)) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil { // SIGKILL: no chance to clean up
			t.Fatal(err)
		}
		got := <-lines
		cmd.Wait()
		for _, l := range got {
			if strings.HasPrefix(l, "ERR") {
				t.Fatalf("round %d: the child failed: %s", round, l)
			}
			if id, err := strconv.ParseInt(l, 10, 64); err == nil {
				committed = append(committed, id)
			}
		}

		db, err := Open(context.Background(), path, time.Now)
		if err != nil {
			t.Fatalf("round %d: reopening after the kill: %v", round, err)
		}
		var check string
		if err := db.sql.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
			t.Fatalf("round %d: integrity_check = %q, %v", round, check, err)
		}
		for _, id := range committed {
			if _, err := db.StaffMember(context.Background(), id); err != nil {
				t.Fatalf("round %d: entry %d, whose save had returned, is lost: %v", round, id, err)
			}
		}
		db.Close()
	}
	if len(committed) < 100 {
		t.Fatalf("only %d writes returned in 25 rounds: the test did not exercise much", len(committed))
	}
	t.Logf("%d entries written across 25 kills, all present", len(committed))
}
