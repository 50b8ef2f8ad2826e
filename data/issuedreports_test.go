package data

import (
	"context"
	"testing"
)

// A report issued by the version before figures knew where they stop
// reads back as stopping at its issue, its days of supply unknown (not 0).
func TestReportIssuedByAnEarlierVersionReadsBack(t *testing.T) {
	db := openTest(t)
	old := `{"Today":{"Day":"2026-11-25T00:00:00Z","KeyItems":[{"Item":"N95口罩","Unit":"只","OnHand":916}],
		"Checkpoints":[{"Name":"东村村口","Unfiled":true}]},"Yesterday":{"Day":"2026-11-24T00:00:00Z"}}`
	if _, err := db.sql.Exec(`INSERT INTO daily_reports (day, number, version, figures, issued_at) VALUES
		('2026-11-25', 7, 1, ?, '2026-11-25 15:36:00')`, old); err != nil {
		t.Fatal(err)
	}
	r, err := db.LatestIssued(context.Background(), fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Today.PartDay() || r.Today.AsOf.Format("15:04") != "15:36" || r.Number != 7 {
		t.Fatalf("as of %s, part day %v, 第%d期", r.Today.AsOf, r.Today.PartDay(), r.Number)
	}
	if r.Today.KeyItems[0].DaysLeft != -1 || r.Today.KeyItems[0].OnHand != 916 {
		t.Fatalf("key item %+v", r.Today.KeyItems[0])
	}
	if r.Yesterday.PostsFiled() != true || r.Today.PostsFiled() {
		t.Fatal("an old unfiled post does not read as unfiled")
	}
}
