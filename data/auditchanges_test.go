package data

import (
	"fmt"
	"testing"
)

// A stored value reads as its leaves in the order written: plain arrays
// joined, arrays of records by position, shifts as clock times, numbers as
// written, unset numbers and times left out, text that is not JSON kept
// whole.
func TestChangesReadStoredValues(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{`{"a":[1,"x",null,true],"b":{"Start":480,"End":960},"c":"2026-01-02T00:00:00Z","RoomID":0,"d":1.50,"e":"\u4e2d\n"}`, "not json",
			`[{"" "" "not json"} {"a" "1、x、、true" ""} {"b" "08:00-16:00" ""} {"c" "2026-01-02" ""} {"d" "1.50" ""} {"e" "中\n" ""}]`},
		{`[{"A":1},{"B":[2,3]}]`, `"plain"`,
			`[{"" "" "plain"} {"1.A" "1" ""} {"2.B" "2、3" ""}]`},
		{`{"At":"0001-01-01T00:00:00Z","Celsius":0,"Shift":{"Start":1200,"End":480,"Note":""},"Name":"张三"}`,
			`{"At":"2026-12-07 04:24:43","Celsius":37.3,"Shift":{"Start":1200,"End":480,"Note":"夜"},"Name":"张三"}`,
			`[{"At" "" "2026-12-07 04:24"} {"Celsius" "" "37.3"} {"Shift.Note" "" "夜"}]`},
	} {
		if got := fmt.Sprintf("%q", changes(c.old, c.new)); got != c.want {
			t.Errorf("changes(%s, %s)\n= %s\nnot %s", c.old, c.new, got, c.want)
		}
	}
}
