package data

import (
	"context"
	"fmt"
	"testing"
)

// A kept statement reads what was written after it was prepared, and reads
// past the bound of kept statements still run.
func TestKeptStatementsReadWhatIsThere(t *testing.T) {
	db := openTest(t)
	ctx := context.Background()
	if _, err := db.sql.ExecContext(ctx, "CREATE TABLE probe (name TEXT)"); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		var n int
		if err := db.reader(ctx).QueryRowContext(ctx, "SELECT count(*) FROM probe WHERE name LIKE ?", "测试%").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(); n != 0 {
		t.Fatalf("%d rows before any was added", n)
	}
	for i := range 3 {
		if _, err := db.sql.ExecContext(ctx, "INSERT INTO probe (name) VALUES (?)", fmt.Sprintf("测试%d", i)); err != nil {
			t.Fatal(err)
		}
		if n := count(); n != i+1 {
			t.Fatalf("%d rows read after %d added", n, i+1)
		}
	}
	for i := range maxStatements + 10 {
		var n int
		if err := db.reader(ctx).QueryRowContext(ctx, fmt.Sprintf("SELECT %d", i)).Scan(&n); err != nil || n != i {
			t.Fatalf("SELECT %d read %d, %v", i, n, err)
		}
	}
	if kept := len(db.reads.m); kept != maxStatements {
		t.Fatalf("%d statements kept, want the bound, %d", kept, maxStatements)
	}
	if err := db.reader(ctx).QueryRowContext(ctx, "SELECT nonsense FROM nowhere").Scan(new(int)); err == nil {
		t.Fatal("a statement that does not prepare read without an error")
	}
}
