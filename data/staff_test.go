package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestSaveStaffValidates(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	cases := []struct {
		s     Staff
		field string
		err   error
	}{
		{Staff{Name: "", Phone: "13912345678"}, "name", ErrNameRequired},
		{Staff{Name: "   ", Phone: "13912345678"}, "name", ErrNameRequired},
		{Staff{Name: strings.Repeat("长", 31), Phone: "13912345678"}, "name", ErrNameTooLong},
		{Staff{Name: "张三", Phone: ""}, "phone", ErrPhoneRequired},
		{Staff{Name: "张三", Phone: "1391234"}, "phone", ErrBadPhone},
		{Staff{Name: "张三", Phone: "13912345678", Kind: "厨师"}, "kind", ErrBadChoice},
		{Staff{Name: "张三", Phone: "13912345678", Note: strings.Repeat("备", 501)}, "note", ErrTextTooLong},
		{Staff{Name: "张三\t13912345678\t派出所", Phone: "13912345678"}, "name", ErrPastedCells},
		{Staff{Name: "张三\n李四", Phone: "13912345678"}, "name", ErrPastedCells},
		{Staff{Name: "张三", Phone: "13912345678", Unit: "派出所\t民警"}, "unit", ErrPastedCells},
	}
	for _, c := range cases {
		_, err := db.SaveStaff(ctx, c.s)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, c.err) {
			t.Errorf("SaveStaff(%+v) = %v; want %s: %v", c.s, err, c.field, c.err)
		}
	}
	if list, _ := db.Staff(ctx, StaffQuery{IncludeInactive: true}); len(list) != 0 {
		t.Fatalf("invalid records were saved: %v", list)
	}
}

func TestStaffRoundTripAndSearch(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	people := []Staff{
		{Name: "张建国", Phone: "139 1234 5678", Unit: "镇政府", Kind: "干部", MayLead: true, Active: true},
		{Name: "李秀英", Phone: "0913-2345678", Unit: "卫生院", Kind: "医务人员", Active: true},
		{Name: "王𠮷", Phone: "13712345678", Unit: "派出所", Kind: "民警/辅警", Active: true, Note: "外省支援"},
	}
	ids := map[string]int64{}
	for _, p := range people {
		id, err := db.SaveStaff(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		ids[p.Name] = id
	}
	got, err := db.StaffMember(ctx, ids["张建国"])
	if err != nil || got.Phone != "13912345678" || !got.MayLead || got.Kind != "干部" {
		t.Fatalf("StaffMember = %+v, %v", got, err)
	}
	if got, _ := db.StaffMember(ctx, ids["王𠮷"]); got.Name != "王𠮷" {
		t.Fatalf("rare character not stored exactly: %q", got.Name)
	}
	search := map[string][]string{
		"张":        {"张建国"},
		"zjg":      {"张建国"},
		"LXY":      {"李秀英"},
		"5678":     {"李秀英", "王𠮷", "张建国"}, // by pinyin
		"09132345": {"李秀英"},
		"卫生院":      {"李秀英"},
		"１３７":      {"王𠮷"},
		"%":        nil,
	}
	for q, want := range search {
		list, err := db.Staff(ctx, StaffQuery{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, s := range list {
			names = append(names, s.Name)
		}
		if strings.Join(names, ",") != strings.Join(want, ",") {
			t.Errorf("search %q = %v, want %v", q, names, want)
		}
	}

	if _, err := db.SaveStaff(ctx, Staff{Name: "李秀英", Phone: "09132345678"}); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("duplicate saved: %v", err)
	}

	if err := db.SetStaffActive(ctx, ids["李秀英"], false); err != nil {
		t.Fatal(err)
	}
	if list, _ := db.Staff(ctx, StaffQuery{}); len(list) != 2 {
		t.Fatalf("inactive staff listed by default: %v", list)
	}
	if list, _ := db.Staff(ctx, StaffQuery{IncludeInactive: true}); len(list) != 3 || list[2].Name != "李秀英" {
		t.Fatalf("inactive staff should come last: %v", list)
	}
	if err := db.SetStaffActive(ctx, 9999, false); !errors.Is(err, ErrNotFound) {
		t.Fatalf("SetStaffActive(missing) = %v", err)
	}
	upd := got
	upd.Unit = "县疾控"
	if _, err := db.SaveStaff(ctx, upd); err != nil {
		t.Fatal(err)
	}
	if again, _ := db.StaffMember(ctx, upd.ID); again.Unit != "县疾控" {
		t.Fatalf("update lost: %+v", again)
	}
}

func TestPostInfo(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if p, err := db.PostInfo(ctx); err != nil || p.Complete() {
		t.Fatalf("fresh PostInfo = %+v, %v", p, err)
	}
	err := db.SavePostInfo(ctx, PostInfo{Township: "城关镇", PostName: "城关镇疫情防控指挥部", DutyPhone: "0913 2345678"})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := db.PostInfo(ctx)
	if !p.Complete() || p.DutyPhone != "0913-2345678" || p.Township != "城关镇" {
		t.Fatalf("PostInfo = %+v", p)
	}
	if err := db.SavePostInfo(ctx, PostInfo{Township: "城关镇", PostName: "", DutyPhone: "0913 2345678"}); !errors.Is(err, ErrNameRequired) {
		t.Fatalf("empty post name accepted: %v", err)
	}
}

// Emoji and characters outside the BMP are stored exactly, as are notes
// spanning lines.
func TestStaffStoresUnusualTextExactly(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	id, err := db.SaveStaff(ctx, Staff{Name: "小明😷", Phone: "１３６１２３４５６７８", Note: "第一行\n第二行\t备注", Active: true})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := db.StaffMember(ctx, id); got.Name != "小明😷" || got.Note != "第一行\n第二行\t备注" || got.Phone != "13612345678" {
		t.Fatalf("stored as %+v", got)
	}
}

// A name with a character common fonts lack is kept byte for byte and
// found by its characters and, where the pinyin is known, its initials.
func TestRareNamesAreFound(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	for _, name := range []string{"王䶮", "陈𬱖", "刘𠮷"} {
		if _, err := db.SaveStaff(ctx, Staff{Name: name, Phone: "13912345678", Active: true}); err != nil {
			t.Fatal(err)
		}
	}
	for query, want := range map[string]string{"䶮": "王䶮", "王䶮": "王䶮", "wy": "王䶮", "𬱖": "陈𬱖", "cd": "陈𬱖", "刘𠮷": "刘𠮷", "𠮷": "刘𠮷"} {
		got, err := db.Staff(ctx, StaffQuery{Text: query})
		if err != nil || len(got) != 1 || got[0].Name != want {
			t.Errorf("search %q: %+v %v, want %s", query, got, err, want)
		}
	}
}
