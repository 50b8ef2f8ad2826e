package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

// testWeek is a week of 14 posts in three shifts, four people each, with
// one shift short.
func testWeek() data.Week {
	monday := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	shifts := data.ThreeShifts.Shifts()
	var w data.Week
	n := 0
	person := func() data.Assignment {
		n++
		return data.Assignment{Staff: data.Staff{Name: fmt.Sprintf("值班员%03d", n%300), Phone: fmt.Sprintf("139%08d", n)}}
	}
	for i := range 7 {
		day := monday.AddDate(0, 0, i)
		w.Days = append(w.Days, day)
		w.Leaders = append(w.Leaders, data.ShiftView{People: []data.Assignment{person()}})
	}
	for p := range 14 {
		post := data.DutyPost{Kind: data.CheckpointPost, ID: int64(p + 1), Name: fmt.Sprintf("第%02d号交通卡口", p+1), Shifts: shifts, Staff: 4}
		for _, s := range shifts {
			row := data.WeekRow{Post: post, Shift: s}
			for range w.Days {
				v := &data.ShiftView{Slot: data.Slot{Post: post, Shift: s, Night: s.Night()}}
				for range 4 {
					v.People = append(v.People, person())
				}
				row.Days = append(row.Days, v)
			}
			w.Rows = append(w.Rows, row)
		}
	}
	w.Rows[5].Days[2].People = w.Rows[5].Days[2].People[:3]
	w.Rows[5].Days[2].Missing = 1
	return w
}

func TestWeekRosterPaginatesWithHeaders(t *testing.T) {
	var buf bytes.Buffer
	week := testWeek()
	if err := WeekRoster(&buf, testPost, week, printed); err != nil {
		t.Fatal(err)
	}
	text, pages := readPDF(t, buf.Bytes())
	if pages < 3 {
		t.Fatalf("%d pages for 42 rows of four people", pages)
	}
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"城关镇疫情防控指挥部值班表", "值班电话:0913-2345678", "带班领导", "第01号交通卡口",
		"第14号交通卡口", "00:00-08:00(夜班)", "[缺1人]", "13900000001", "11月29日星期日"} {
		if !strings.Contains(flat, want) {
			t.Errorf("roster lacks %q", want)
		}
	}
	// The date header repeats on every page.
	if got := strings.Count(flat, "11月23日星期一"); got != pages {
		t.Errorf("date header on %d of %d pages", got, pages)
	}
	// Every name printed (the last assigned is 值班员…, phones unique).
	for r, row := range week.Rows {
		for _, v := range row.Days {
			for _, a := range v.People {
				if !strings.Contains(flat, a.Staff.Phone) {
					t.Fatalf("row %d: %s missing", r, a.Staff.Phone)
				}
			}
		}
	}
}

func TestDaySheet(t *testing.T) {
	week := testWeek()
	var shifts []*data.ShiftView
	for _, r := range week.Rows[:3] {
		shifts = append(shifts, r.Days[2])
	}
	var buf bytes.Buffer
	if err := DaySheet(&buf, testPost, week.Rows[0].Post, week.Days[2], &week.Leaders[2], shifts, printed); err != nil {
		t.Fatal(err)
	}
	text, pages := readPDF(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"第01号交通卡口值班表(当日)", "2026年11月25日星期三", "带班领导:" + week.Leaders[2].People[0].Staff.Name,
		"签到", "签退", "16:00-00:00", shifts[0].People[0].Staff.Phone} {
		if !strings.Contains(flat, want) {
			t.Errorf("day sheet lacks %q", want)
		}
	}
	if pages != 1 {
		t.Errorf("%d pages", pages)
	}
}
