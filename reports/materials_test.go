package reports

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fangkong/data"
)

func TestIssueSlipAndDonationList(t *testing.T) {
	mask := data.Item{Name: "N95口罩", Spec: "KN95级", Unit: "只"}
	goggles := data.Item{Name: "护目镜", Spec: "防雾", Unit: "副"}
	at := time.Date(2026, 11, 25, 10, 30, 0, 0, time.Local)
	lines := []data.Move{
		{At: at, Kind: "出库", Item: mask, Location: "指挥部仓库", Quantity: -200, Batch: "2027-06-30", ExpiresOn: time.Date(2027, 6, 30, 0, 0, 0, 0, time.Local),
			Recipient: "河湾村村口", Receiver: "陈建华", Handler: "刘芳", Voucher: "CK20261125-001"},
		{At: at, Kind: "出库", Item: goggles, Location: "指挥部仓库", Quantity: -20, Recipient: "河湾村村口", Receiver: "陈建华", Handler: "刘芳", Voucher: "CK20261125-001"},
	}
	var buf bytes.Buffer
	if err := IssueSlip(&buf, testPost, lines, printed); err != nil {
		t.Fatal(err)
	}
	text, pages := readPDF(t, buf.Bytes())
	flat := strings.Join(strings.Fields(text), "")
	for _, want := range []string{"防疫物资出库单", "单号:CK20261125-001", "领用单位:河湾村村口", "N95口罩", "KN95级", "200", "2027-06-30",
		"护目镜", "经办人(刘芳):", "领用人(陈建华):"} {
		if !strings.Contains(flat, want) {
			t.Errorf("slip lacks %q", want)
		}
	}
	if pages != 1 {
		t.Errorf("slip has %d pages", pages)
	}
	gifts := []data.Move{{At: at, Kind: "入库", Item: mask, Location: "指挥部仓库", Quantity: 1000, Source: "社会捐赠",
		Donor: "城关镇商会", DonorContact: "13912345678", Handler: "刘芳", Voucher: "RK20261125-001"}}
	// The receipt's slip: into where, from whom, what came in (a positive
	// quantity), and who checked it.
	buf.Reset()
	if err := ReceiptSlip(&buf, testPost, gifts, printed); err != nil {
		t.Fatal(err)
	}
	text, _ = readPDF(t, buf.Bytes())
	flat = strings.Join(strings.Fields(text), "")
	for _, want := range []string{"物资入库单", "单号:RK20261125-001", "入库至:指挥部仓库", "来源:社会捐赠(城关镇商会)", "1000", "经办人(刘芳):", "验收人:"} {
		if !strings.Contains(flat, want) {
			t.Errorf("receipt slip lacks %q: %s", want, flat)
		}
	}
	if strings.Contains(flat, "-1000") || strings.Contains(flat, "13912345678") {
		t.Error("the receipt slip prints a negative quantity or the donor's phone")
	}
	buf.Reset()
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.Local)
	if err := DonationList(&buf, testPost, gifts, from, from.AddDate(0, 1, 0), printed); err != nil {
		t.Fatal(err)
	}
	text, _ = readPDF(t, buf.Bytes())
	flat = strings.Join(strings.Fields(text), "")
	for _, want := range []string{"城关镇疫情防控指挥部捐赠物资公示", "2026年11月1日至2026年11月30日", "城关镇商会", "N95口罩(KN95级)", "1000只"} {
		if !strings.Contains(flat, want) {
			t.Errorf("donation list lacks %q", want)
		}
	}
	if strings.Contains(flat, "13912345678") {
		t.Error("the public list shows the donor's phone")
	}
}
