package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

func TestWeeklySumsTheDays(t *testing.T) {
	var days []data.DailyFigures
	monday := time.Date(2026, 11, 23, 0, 0, 0, 0, time.Local)
	for i := range 7 {
		f := data.DailyFigures{Day: monday.AddDate(0, 0, i), Post: testPost,
			PostsTotal: data.Counts{Vehicles: 100 + i, People: 1000 + i},
			Checkpoints: []data.CheckpointFigures{
				{Name: "G65高速城关出口", Total: data.Counts{Vehicles: 100 + i, People: 1000 + i}},
				{Name: "河湾村村口", Unfiled: true},
			},
			Sites: []data.SiteFigures{{Name: "城关镇第一集中隔离点", Admitted: i, InIsolation: 50 + i}}}
		days = append(days, f)
	}
	var buf bytes.Buffer
	if err := WeeklyReportPDF(&buf, days, printed); err != nil {
		t.Fatal(err)
	}
	text, _ := readPDF(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), "")
	// 7 days: vehicles 700+21, people 7000+21, admitted 0+…+6 = 21, in isolation at the end 56.
	for _, want := range []string{"城关镇疫情防控工作日报(周报)", "2026年11月23日至11月29日", "本周合计7217021021056",
		"G65高速城关出口7217021", "河湾村村口未填报", "卡口登记人员(逐日)", "集中隔离入住人数(逐日)", "11/29"} {
		if !strings.Contains(flat, want) {
			t.Errorf("weekly lacks %q", want)
		}
	}
}
