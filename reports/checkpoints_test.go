package reports

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

func testCheckpoint() data.Checkpoint {
	shifts := data.TwoShifts.Shifts()
	return data.Checkpoint{ID: 1, Name: "G65高速城关出口", Kind: "交通卡口", Location: "城关出口收费站外50米",
		Manager: "王建军", Phone: "18691234567", Shifts: shifts, StaffPerShift: 3}
}

func TestRegistrationSheet(t *testing.T) {
	c := testCheckpoint()
	day := time.Date(2026, 11, 24, 0, 0, 0, 0, time.Local)
	var regs []data.Registration
	for i := range 60 {
		regs = append(regs, data.Registration{ID: int64(i), CheckpointID: 1, At: day.Add(8*time.Hour + time.Duration(i)*10*time.Minute),
			Direction: "进", Name: "赵建国" + strconv.Itoa(i), IDNumber: "610102199003072310", Phone: "13812345678",
			Plate: "陕G·12345", Passengers: 2, CameFrom: "西安市雁塔区", GoingTo: "河湾村", Celsius: 36.5, HealthCode: "绿", Outcome: "放行"})
	}
	regs[3].Celsius, regs[3].Outcome = 37.8, "转送"
	regs[5].VoidedAt, regs[5].VoidReason = day.Add(9*time.Hour), "重复登记"
	regs[7].Name = "王𠮷"
	pd := data.PostDay{Checkpoint: c, Shifts: []data.ShiftTotal{
		{Shift: c.Shifts[0], Source: data.FromRegistrations, Counts: data.Counts{Vehicles: 59, People: 177, Fevers: 1, HandedOver: 1}},
		{Shift: c.Shifts[1], Night: true, Source: data.NotFiled},
	}, Total: data.Counts{Vehicles: 59, People: 177, Fevers: 1, HandedOver: 1}}
	for _, p := range []Personal{Masked, Unmasked} {
		var buf bytes.Buffer
		if err := RegistrationSheet(&buf, testPost, pd, day, regs, printed, p); err != nil {
			t.Fatal(err)
		}
		text, pages := readPDF(t, buf.Bytes())
		flat := strings.Join(strings.Fields(text), "")
		for _, want := range []string{"G65高速城关出口登记表", "日期:2026年11月24日星期二", "赵建国0", "赵建国59",
			"陕G·12345", "37.8", "转送", "已作废:重复登记", "20:00-08:00(夜班)", "未填报", "全天", "177", "登记人:", "第1页共"} {
			if !strings.Contains(flat, want) {
				t.Errorf("sheet lacks %q", want)
			}
		}
		if !privateUseAfter(flat, "王") || strings.Contains(flat, "□") {
			t.Errorf("%s: 王𠮷 is not printed whole", "sheet")
		}
		full := strings.Contains(flat, "610102199003072310")
		masked := strings.Contains(flat, "610***********2310")
		if pages < 2 || full != bool(p) || masked == bool(p) {
			t.Errorf("personal %v: %d pages, full ID %v, masked ID %v", p, pages, full, masked)
		}
	}
}

func TestBlankRegistrationForm(t *testing.T) {
	var buf bytes.Buffer
	if err := BlankRegistrationForm(&buf, testPost, testCheckpoint()); err != nil {
		t.Fatal(err)
	}
	text, pages := readPDF(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"G65高速城关出口登记表", "值班人员", "身份证号", "体温", "处置", "11", "登记人:"} {
		if !strings.Contains(flat, want) {
			t.Errorf("blank form lacks %q", want)
		}
	}
	if pages != 1 {
		t.Errorf("blank form has %d pages", pages)
	}
}
