package reports

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestXLSXRoundTrip(t *testing.T) {
	in := []Table{
		{Name: "人员", Header: []string{"姓名", "电话"}, Rows: [][]string{{"张三", "013912345678"}, {"王𠮷", "0913-2345678"}}},
		{Name: "空表", Header: []string{"甲"}},
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, in...); err != nil {
		t.Fatal(err)
	}
	out, err := ReadXLSX(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].Name != "人员" || out[1].Name != "空表" {
		t.Fatalf("sheets = %+v", out)
	}
	// A leading zero survives: cells are text, not numbers.
	if got := out[0].Rows[0][1]; got != "013912345678" {
		t.Fatalf("phone cell = %q", got)
	}
	if got := out[0].Rows[1][0]; got != "王𠮷" {
		t.Fatalf("rare character cell = %q", got)
	}
}

func TestReadXLSXRefusesOtherFiles(t *testing.T) {
	for _, body := range []string{"", "姓名,电话\n张三,139", "PK\x03\x04 broken zip"} {
		if _, err := ReadXLSX(strings.NewReader(body)); !errors.Is(err, ErrNotWorkbook) {
			t.Errorf("ReadXLSX(%q) = %v, want ErrNotWorkbook", body, err)
		}
	}
}
