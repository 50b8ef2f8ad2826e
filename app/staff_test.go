package app

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"fangkong/data"
	"fangkong/reports"
)

func TestImportStaffGoodAndBadRows(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	if _, err := a.DB.SaveStaff(ctx, data.Staff{Name: "张建国", Phone: "13912345678", Active: true}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err := reports.WriteXLSX(&buf,
		reports.Table{Name: "说明", Header: []string{"请在第二张表填写"}},
		reports.Table{Name: "名单", Header: []string{"序号", "手机号", "姓名", "单位", "类别", "可带班", "备注"}, Rows: [][]string{
			{"1", "13812345678", "李秀英", "卫生院", "医务人员", "否", ""},
			{"2", "139123", "王伟", "派出所", "民警/辅警", "", ""},
			{"", "", "", "", "", "", ""},
			{"3", "13712345678", "", "镇政府", "干部", "", ""},
			{"4", "13912345678", "张建国", "镇政府", "干部", "是", ""},
			{"5", "0913-2345678", "赵刚", "镇政府", "干部", "是", "带班"},
			{"6", "13612345678", "孙丽", "村委会", "厨师", "", ""},
		}})
	if err != nil {
		t.Fatal(err)
	}
	imp, err := a.ReadStaffImport(ctx, bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	// Nothing is kept before the clerk has seen the rows.
	if list, _ := a.DB.Staff(ctx, data.StaffQuery{IncludeInactive: true}); len(list) != 1 {
		t.Fatalf("reading the file saved %d people", len(list)-1)
	}
	if len(imp.New) != 2 || len(imp.Existing) != 1 || imp.Existing[0].Row != 6 {
		t.Errorf("new %+v, existing %+v", imp.New, imp.Existing)
	}
	want := map[int]error{3: data.ErrBadPhone, 5: data.ErrNameRequired, 8: data.ErrBadChoice}
	if len(imp.Rejected) != len(want) {
		t.Fatalf("rejected %+v", imp.Rejected)
	}
	for _, r := range imp.Rejected {
		if !errors.Is(r.Err, want[r.Row]) {
			t.Errorf("row %d (%s) rejected for %v, want %v", r.Row, r.Staff.Name, r.Err, want[r.Row])
		}
	}
	if n, err := a.ImportStaff(ctx, imp); n != 2 || err != nil {
		t.Fatalf("import: %d, %v", n, err)
	}
	// The same file again: every good row is already there.
	again, _ := a.ReadStaffImport(ctx, bytes.NewReader(buf.Bytes()))
	if len(again.New) != 0 || len(again.Existing) != 3 {
		t.Fatalf("a rerun finds new %+v, existing %d", again.New, len(again.Existing))
	}
	zhao, _ := a.DB.Staff(ctx, data.StaffQuery{Text: "赵刚"})
	if len(zhao) != 1 || !zhao[0].MayLead || zhao[0].Phone != "0913-2345678" || !zhao[0].Active || zhao[0].Note != "带班" {
		t.Fatalf("赵刚 imported as %+v", zhao)
	}
}

func TestImportStaffRefusesBrokenFiles(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	if _, err := a.ReadStaffImport(context.Background(), strings.NewReader("not a workbook")); !errors.Is(err, reports.ErrNotWorkbook) {
		t.Fatalf("broken file: %v", err)
	}
	var buf bytes.Buffer
	reports.WriteXLSX(&buf, reports.Table{Name: "物资", Header: []string{"物品", "数量"}, Rows: [][]string{{"口罩", "100"}}})
	if _, err := a.ReadStaffImport(context.Background(), &buf); !errors.Is(err, ErrNoStaffSheet) {
		t.Fatalf("workbook without names: %v", err)
	}
	if list, _ := a.DB.Staff(context.Background(), data.StaffQuery{IncludeInactive: true}); len(list) != 0 {
		t.Fatalf("saved %v", list)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	if err := a.Demo(ctx, ScaleSmall); err != nil {
		t.Fatal(err)
	}
	before, _ := a.DB.Staff(ctx, data.StaffQuery{IncludeInactive: true})
	var buf bytes.Buffer
	if err := a.ExportStaff(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	b := openTest(t, &now)
	imp, err := b.ReadStaffImport(ctx, &buf)
	if err != nil || len(imp.New) != len(before) || len(imp.Rejected) != 0 {
		t.Fatalf("re-import: %+v, %v", imp, err)
	}
	if _, err := b.ImportStaff(ctx, imp); err != nil {
		t.Fatal(err)
	}
	after, _ := b.DB.Staff(ctx, data.StaffQuery{IncludeInactive: true})
	for i := range before {
		before[i].ID, after[i].ID = 0, 0
		if before[i] != after[i] {
			t.Errorf("row %d: exported %+v, re-imported %+v", i, before[i], after[i])
		}
	}
}

// A person added by someone else between reading the file and importing
// it makes the whole import refuse: nothing half in.
func TestImportStaffIsAllOrNothing(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.Local)
	a := openTest(t, &now)
	ctx := context.Background()
	var buf bytes.Buffer
	reports.WriteXLSX(&buf, reports.Table{Name: "名单", Header: []string{"姓名", "电话"}, Rows: [][]string{
		{"李秀英", "13812345678"}, {"王伟", "13912345670"}, {"赵刚", "13712345678"}}})
	imp, err := a.ReadStaffImport(ctx, &buf)
	if err != nil || len(imp.New) != 3 {
		t.Fatalf("%+v, %v", imp, err)
	}
	if _, err := a.DB.SaveStaff(ctx, data.Staff{Name: "赵刚", Phone: "13712345678", Active: true}); err != nil {
		t.Fatal(err)
	}
	if n, err := a.ImportStaff(ctx, imp); n != 0 || !errors.Is(err, data.ErrDuplicate) {
		t.Fatalf("import over a newcomer: %d, %v", n, err)
	}
	if list, _ := a.DB.Staff(ctx, data.StaffQuery{}); len(list) != 1 {
		t.Fatalf("%d people after a refused import, want only the newcomer", len(list))
	}
}
