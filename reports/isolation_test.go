package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

var (
	testPost = data.PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", DutyPhone: "0913-2345678"}
	testSite = data.Site{Name: "城关镇第一集中隔离点", Address: "建设路8号", Manager: "刘洋", Phone: "13991234567"}
	printed  = time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
)

func testGuest(i int) data.Guest {
	in := time.Date(2026, 11, 11, 15, 30, 0, 0, time.Local)
	return data.Guest{ID: int64(i), Name: "赵建国" + strconv.Itoa(i), Sex: "男", IDNumber: "610102199003072310",
		Phone: "13812345678", Category: "密切接触者", CameFrom: "西安市雁塔区", CheckedInAt: in, PlannedDays: 14,
		PlannedRelease: data.ReleaseDate(in, 14), SpecialNeeds: []string{"慢性病"},
		Room: data.Room{Building: "3号楼", Number: strconv.Itoa(201 + i)}}
}

func TestReleaseSlip(t *testing.T) {
	g := testGuest(0)
	g.Name = "王𠮷"
	g.EndedAt, g.Outcome = time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local), "解除隔离"
	tests := []data.Test{
		{Day: 1, DueDate: time.Date(2026, 11, 11, 0, 0, 0, 0, time.Local), SampledAt: time.Date(2026, 11, 11, 16, 0, 0, 0, time.Local), Result: "阴性"},
		{Day: 7, DueDate: time.Date(2026, 11, 17, 0, 0, 0, 0, time.Local), SampledAt: time.Date(2026, 11, 17, 7, 30, 0, 0, time.Local), Result: "阴性"},
		{Day: 14, DueDate: time.Date(2026, 11, 24, 0, 0, 0, 0, time.Local)},
	}
	for _, p := range []Personal{Masked, Unmasked} {
		var buf bytes.Buffer
		if err := ReleaseSlip(&buf, testPost, testSite, g, tests, printed, p); err != nil {
			t.Fatal(err)
		}
		text, pages := readPDF(t, buf.Bytes())
		flat := strings.Join(strings.Fields(text), "")
		for _, want := range []string{"解除集中隔离告知单", "2026年11月11日入住城关镇第一集中隔离点3号楼201房间",
			"共14天", "核酸检测2次,其中阴性2次", "于2026年11月25日解除集中隔离", "第14天", "未采样", "刘洋", "城关镇疫情防控指挥部(盖章)"} {
			if !strings.Contains(flat, want) {
				t.Errorf("slip lacks %q", want)
			}
		}
		if !privateUseAfter(flat, "王") || strings.Contains(flat, "□") {
			t.Errorf("%s: 王𠮷 is not printed whole", "slip")
		}
		full := strings.Contains(flat, "610102199003072310")
		masked := strings.Contains(flat, "610***********2310")
		if pages != 1 || full != bool(p) || masked == bool(p) {
			t.Errorf("personal %v: %d pages, full ID %v, masked ID %v", p, pages, full, masked)
		}
	}
}

func TestSiteRosterMasksByDefault(t *testing.T) {
	var guests []data.Guest
	for i := 0; i < 45; i++ {
		guests = append(guests, testGuest(i))
	}
	var buf bytes.Buffer
	if err := SiteRoster(&buf, testPost, testSite, guests, printed, Masked); err != nil {
		t.Fatal(err)
	}
	text, pages := readPDF(t, buf.Bytes())
	if pages < 2 {
		t.Fatalf("%d pages for 45 people in landscape", pages)
	}
	if strings.Contains(text, "610102199003072310") || strings.Contains(text, "13812345678") {
		t.Fatal("the roster prints full ID numbers or phones by default")
	}
	for _, want := range []string{"610***********2310", "138****5678", "赵建国44", "3号楼245", "在隔离 45 人"} {
		if !strings.Contains(text, want) {
			t.Errorf("roster lacks %q", want)
		}
	}
	if n := strings.Count(text, "计划解除日期"); n != pages {
		t.Errorf("header on %d of %d pages", n, pages)
	}
}

func TestGuestWorkbook(t *testing.T) {
	g := testGuest(0)
	tests := []data.GuestTest{{Guest: g.Name, Room: "3号楼201", Test: data.Test{Day: 1, DueDate: g.CheckedInAt, Result: "阴性"}}}
	temps := []data.GuestTemperature{{Guest: g.Name, Room: "3号楼201", Temperature: data.Temperature{TakenAt: g.CheckedInAt, Celsius: 36.5}}}
	for _, p := range []Personal{Masked, Unmasked} {
		var buf bytes.Buffer
		if err := GuestWorkbook(&buf, []data.Guest{g}, tests, temps, p); err != nil {
			t.Fatal(err)
		}
		sheets, err := ReadXLSX(&buf)
		if err != nil || len(sheets) != 3 {
			t.Fatalf("%d sheets, %v", len(sheets), err)
		}
		row := sheets[0].Rows[0]
		wantID := map[Personal]string{Masked: "610***********2310", Unmasked: "610102199003072310"}[p]
		if row[0] != g.Name || row[2] != wantID || sheets[1].Rows[0][5] != "阴性" || sheets[2].Rows[0][3] != "36.5" {
			t.Fatalf("personal %v: rows %v / %v / %v", p, row, sheets[1].Rows[0], sheets[2].Rows[0])
		}
	}
}
