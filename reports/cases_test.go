package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fangkong/data"
)

// testCase is a fever at the gate, handed to the fever clinic.
func testCase() (data.Case, []data.CaseStep) {
	at := time.Date(2026, 11, 25, 8, 10, 0, 0, time.Local)
	c := data.Case{ID: 12, OpenedAt: at, Source: data.CheckpointFever, Place: "G65高速城关出口", Name: "赵建国",
		IDNumber: "610102199003072310", Phone: "13812345678", CameFrom: "西安市雁塔区", Plate: "陕G·12345",
		Celsius: 37.8, FoundBy: "李娜", Open: true}
	steps := []data.CaseStep{
		{ID: 1, CaseID: 12, At: at.Add(5 * time.Minute), Kind: data.StepResult, Result: data.UnderWatch, Note: "复测37.6℃", RecordedBy: "李娜"},
		{ID: 2, CaseID: 12, At: at.Add(10 * time.Minute), Kind: data.StepHandover, Unit: data.FeverClinic, Receiver: "王医生",
			ReceiverPhone: "0913-6123456", RecordedBy: "李娜"},
	}
	return c, steps
}

func TestHandoverSlipMasksUnlessChosen(t *testing.T) {
	c, steps := testCase()
	for _, p := range []Personal{Masked, Unmasked} {
		var buf bytes.Buffer
		if err := HandoverSlip(&buf, testPost, c, steps, printed, p); err != nil {
			t.Fatal(err)
		}
		text, pages := readPDF(t, buf.Bytes())
		flat := strings.Join(strings.Fields(text), "")
		for _, want := range []string{"转运交接单", "异常情况第12号", "赵建国", "男1990年3月7日", "西安市雁塔区", "陕G·12345",
			"2026年11月25日08:10", "G65高速城关出口", "卡口发热37.8℃", "发热门诊", "王医生0913-6123456", "2026年11月25日08:20",
			"结果:留观(复测37.6℃)", "移交人(签名)", "接收人(签名)"} {
			if !strings.Contains(flat, want) {
				t.Errorf("personal %v: the slip lacks %q", p, want)
			}
		}
		full := strings.Contains(flat, "610102199003072310") && strings.Contains(flat, "13812345678")
		masked := strings.Contains(flat, "610***********2310") && strings.Contains(flat, "138****5678")
		if pages != 1 || full != bool(p) || masked == bool(p) {
			t.Errorf("personal %v: %d pages, in full %v, masked %v", p, pages, full, masked)
		}
		// The receiver is a health worker reached at work: in full either way.
		if !strings.Contains(flat, "0913-6123456") {
			t.Errorf("personal %v: the receiver's phone is not in full", p)
		}
	}
}

func TestCaseListMasksAndCounts(t *testing.T) {
	c, steps := testCase()
	c.LastStep = steps[1]
	settled := data.Case{ID: 13, OpenedAt: c.OpenedAt.Add(time.Hour), Source: data.CallReported, Place: "东村", Name: "李四",
		Phone: "13912345678", What: "村民来电:邻居发热"}
	var buf bytes.Buffer
	from := time.Date(2026, 11, 19, 0, 0, 0, 0, time.Local)
	if err := CaseListPDF(&buf, testPost, []data.Case{c, settled}, from, from.AddDate(0, 0, 7), printed, Masked); err != nil {
		t.Fatal(err)
	}
	text, _ := readPDF(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"城关镇疫情防控指挥部异常情况登记表", "发现时间2026年11月19日至2026年11月25日。", "共2起:已办结1起,未办结1起。",
		"610***********2310", "138****5678", "139****5678", "移交发热门诊", "村民来电:邻居发热"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the register lacks %q: %s", want, flat)
		}
	}
	if strings.Contains(flat, "610102199003072310") || strings.Contains(flat, "13912345678") {
		t.Error("the register shows personal numbers in full")
	}
	buf.Reset()
	if err := CaseWorkbook(&buf, []data.Case{c, settled}, Unmasked); err != nil {
		t.Fatal(err)
	}
	tables, err := ReadXLSX(&buf)
	if err != nil || len(tables) != 1 || len(tables[0].Rows) != 2 {
		t.Fatalf("workbook: %+v, %v", tables, err)
	}
	if row := tables[0].Rows[0]; row[0] != "12" || row[5] != "610102199003072310" || row[9] != "未办结" {
		t.Fatalf("workbook row: %q", row)
	}
}

func TestDraftEventsTellsTheDayAndFitsTheReport(t *testing.T) {
	c, steps := testCase()
	day := c.OpenedAt
	ruledOut := func(id int64, src data.CaseSource) data.CaseStory {
		return data.CaseStory{Case: data.Case{ID: id, OpenedAt: day, Source: src, Place: "省道S210县界", Name: "钱二"},
			Steps: []data.CaseStep{{At: day.Add(time.Hour), Kind: data.StepResult, Result: data.RuledOut},
				{At: day.Add(2 * time.Hour), Kind: data.StepClose, Note: "排除"}}}
	}
	voided := data.CaseStory{Case: data.Case{ID: 20, OpenedAt: day, Source: data.CheckpointFever, Name: "孙三"},
		Steps: []data.CaseStep{{At: day.Add(time.Hour), Kind: data.StepClose, Result: data.VoidedPassage, Note: "录错"}}}
	stories := []data.CaseStory{{Case: c, Steps: steps}, ruledOut(14, data.CheckpointHandover), ruledOut(15, data.CheckpointHandover),
		ruledOut(16, data.CheckpointFever), voided}
	draft := DraftEvents(stories)
	want := "1.11月25日08:10,G65高速城关出口 卡口发热 37.8℃,赵建国;08:15结果:留观(复测37.6℃);08:20移交发热门诊(接收人 王医生 0913-6123456);尚未办结。\n" +
		"另有卡口发热2起、卡口转送2起经排查已排除,均已办结。"
	if draft != want {
		t.Fatalf("draft:\n%s\nwant:\n%s", draft, want)
	}
	// Only the ruled out: one sentence.
	if got := DraftEvents(stories[1:3]); got != "卡口转送2起经排查已排除,均已办结。" {
		t.Fatalf("ruled out only: %q", got)
	}
	// Sixty open cases: within the report's limit, the rest pointed to the register.
	var many []data.CaseStory
	for i := range 60 {
		s := data.CaseStory{Case: c, Steps: steps}
		s.ID, s.Name = int64(100+i), fmt.Sprintf("赵建国%d", i)
		many = append(many, s)
	}
	draft = DraftEvents(many)
	if n := utf8.RuneCountInString(draft); n > data.MaxEvents || !strings.HasSuffix(draft, "起详见异常情况登记表。") {
		t.Fatalf("%d characters, ending %q", n, draft[len(draft)-60:])
	}
}
