package reports

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

// The masthead is set in Song when the Song face has every character of
// it, and in Hei, still drawn and not boxed, when it lacks one (亍 is in
// GB 2312 level 2, outside the Song subset).
func TestMastheadFallsBackToHei(t *testing.T) {
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
	for _, c := range []struct {
		township, face string
	}{{"城关镇", songFamily}, {"亍口镇", fontFamily}} {
		post := data.PostInfo{Township: c.township, PostName: c.township + "疫情防控指挥部"}
		if got := NewOfficialDoc("").face(DailyTitle(post)); got != c.face {
			t.Errorf("%s: masthead face %s, want %s", c.township, got, c.face)
		}
		r := data.DailyReport{Number: 1, Version: 1, Today: data.DailyFigures{Day: day, AsOf: day.AddDate(0, 0, 1), Post: post}}
		var buf bytes.Buffer
		if err := DailyReportPDF(&buf, r, day); err != nil {
			t.Fatal(err)
		}
		text, _ := readPDF(t, buf.Bytes())
		if !strings.Contains(strings.Join(strings.Fields(text), ""), c.township+"疫情防控工作日报") {
			t.Errorf("%s: masthead not printed: %.100s", c.township, text)
		}
	}
	if NewDoc(false, "").face("城关镇") != fontFamily {
		t.Error("an ordinary document uses the Song face")
	}
}

// BenchmarkDailyReportPDF renders a busy day's report from the year of
// demo data that `make bench` prepares.
func BenchmarkDailyReportPDF(b *testing.B) {
	path := os.Getenv("FANGKONG_BENCH_DB")
	if path == "" {
		b.Skip("FANGKONG_BENCH_DB not set: run make bench")
	}
	db, err := data.Open(context.Background(), path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	r, err := db.DraftReport(context.Background(), time.Now().AddDate(0, 0, -1), data.ReportInput{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := DailyReportPDF(io.Discard, r, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}

// However long the names in the 版记, no two pieces of text on a page
// overlap: a long name wraps in its own cell and pushes the row down.
func TestLongNamesDoNotOverlap(t *testing.T) {
	day := time.Date(2026, 11, 25, 0, 0, 0, 0, time.Local)
	long := "阿卜杜热合曼·买买提依明·艾尔肯江·托合提尼亚孜"
	r := data.DailyReport{Number: 1, Version: 1, ReportInput: data.ReportInput{SignedBy: "欧阳建国", ReviewedBy: long, FilledBy: long},
		Today: data.DailyFigures{Day: day, AsOf: day.AddDate(0, 0, 1), Leaders: []string{"司马相如 13912345678"},
			Post: data.PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", SendTo: "县疫情防控指挥部", CopyTo: "镇党委、镇政府主要领导"}}}
	var buf bytes.Buffer
	if err := DailyReportPDF(&buf, r, day); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "long.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
	for n, page := range strings.Split(string(out), "<page ")[1:] {
		type box struct {
			x0, y0, x1, y1 float64
			text           string
		}
		var boxes []box
		for _, m := range word.FindAllStringSubmatch(page, -1) {
			var b box
			fmt.Sscan(m[1], &b.x0)
			fmt.Sscan(m[2], &b.y0)
			fmt.Sscan(m[3], &b.x1)
			fmt.Sscan(m[4], &b.y1)
			b.text = m[5]
			boxes = append(boxes, b)
		}
		for i, a := range boxes {
			for _, b := range boxes[i+1:] {
				if a.x0 < b.x1-0.5 && b.x0 < a.x1-0.5 && a.y0 < b.y1-0.5 && b.y0 < a.y1-0.5 {
					t.Errorf("page %d: %q overlaps %q", n+1, a.text, b.text)
				}
			}
		}
	}
	if text := strings.Join(strings.Fields(string(out)), ""); !strings.Contains(text, "托合提尼亚孜") {
		t.Error("the long name is cut")
	}
}
