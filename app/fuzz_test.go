package app

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"fangkong/data"
	"fangkong/reports"
)

// Whatever workbook is given to the staff import (malformed, huge cells,
// formulas, merged cells, odd headers), reading it answers without
// panicking, refuses with a sentinel or offers only rows the rules accept,
// and saves nothing.
func FuzzReadStaffImport(f *testing.F) {
	seed := func(build func(x *excelize.File)) {
		x := excelize.NewFile()
		build(x)
		var buf bytes.Buffer
		x.Write(&buf)
		x.Close()
		f.Add(buf.Bytes())
	}
	seed(func(x *excelize.File) {
		x.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "电话", "单位", "类别", "可带班"})
		x.SetSheetRow("Sheet1", "A2", &[]any{"张建国", "13912345678", "镇政府", "干部", "是"})
		x.SetSheetRow("Sheet1", "A3", &[]any{strings.Repeat("长", 5000), "139", "", "", ""})
	})
	seed(func(x *excelize.File) {
		x.SetSheetRow("Sheet1", "A1", &[]any{"姓名", "手机号"})
		x.SetCellFormula("Sheet1", "A2", `CONCATENATE("李","秀英")`)
		x.SetCellFormula("Sheet1", "B2", "13800000000+5678")
		x.MergeCell("Sheet1", "A3", "B4")
		x.SetCellValue("Sheet1", "A3", "王伟")
	})
	seed(func(x *excelize.File) {
		x.SetSheetRow("Sheet1", "A1", &[]any{"\t姓名\n", "电话"})
		x.SetSheetRow("Sheet1", "A2", &[]any{"赵\t刚", "0913-2345678"})
	})
	var buf bytes.Buffer
	reports.WriteXLSX(&buf, reports.Table{Name: "空", Header: []string{"物品"}})
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04 not really a zip"))
	f.Add([]byte{})

	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a, err := Open(context.Background(), filepath.Join(f.TempDir(), "fuzz.db"), func() time.Time { return now })
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { a.Close() })
	f.Fuzz(func(t *testing.T, book []byte) {
		imp, err := a.ReadStaffImport(context.Background(), bytes.NewReader(book))
		if err != nil {
			if !errors.Is(err, reports.ErrNotWorkbook) && !errors.Is(err, ErrNoStaffSheet) {
				t.Fatalf("refused with %v, not a sentinel", err)
			}
			return
		}
		for _, r := range imp.New {
			if again, err := data.CheckStaff(r.Staff); err != nil || again != r.Staff {
				t.Fatalf("row %d offered but refused: %+v, %v", r.Row, r.Staff, err)
			}
			if utf8.RuneCountInString(r.Staff.Name) > 30 || r.Row < 2 {
				t.Fatalf("row %d offered as %+v", r.Row, r.Staff)
			}
		}
		for _, r := range imp.Rejected {
			if r.Err == nil {
				t.Fatalf("row %d refused without a reason", r.Row)
			}
		}
		if list, _ := a.DB.Staff(context.Background(), data.StaffQuery{IncludeInactive: true}); len(list) != 0 {
			t.Fatal("reading a workbook saved people")
		}
	})
}
