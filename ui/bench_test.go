package ui

import (
	"context"
	"os"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
)

// benchWindow opens the year of demo data that `make bench` prepares in a
// test window of the usual size; without it the benchmark is skipped.
func benchWindow(b *testing.B) (*app.App, fyne.Window) {
	path := os.Getenv("FANGKONG_BENCH_DB")
	if path == "" {
		b.Skip("FANGKONG_BENCH_DB not set: run make bench")
	}
	a, err := app.Open(context.Background(), path, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.Close() })
	test.NewTempApp(b).Settings().SetTheme(newTheme()) // the program's own theme and font
	w := test.NewWindow(nil)
	b.Cleanup(w.Close)
	w.Resize(fyne.NewSize(1200, 760))
	return a, w
}

// BenchmarkStaffScreenLoad measures what a clerk waits for on opening 人员:
// the list read from the year database and the table laid out.
func BenchmarkStaffScreenLoad(b *testing.B) {
	a, w := benchWindow(b)
	for b.Loop() {
		s := newStaffScreen(w, a)
		w.SetContent(s.content())
		s.refresh()
		if len(s.table.shown()) < 100 {
			b.Fatalf("%d rows", len(s.table.shown()))
		}
	}
}

// BenchmarkRoomBoardScreen measures drawing the largest site's board: the
// query and a tile per room laid out.
func BenchmarkRoomBoardScreen(b *testing.B) {
	a, w := benchWindow(b)
	iso := newIsolation(w, a)
	w.SetContent(iso.content())
	iso.refresh()
	for b.Loop() {
		iso.showBoard()
		if len(iso.board.Objects) < 10 {
			b.Fatalf("%d rows on the board", len(iso.board.Objects))
		}
	}
}

// BenchmarkMaterialsScreen is opening 物资: the stock table, the expiring
// batches and the last 7 days of the ledger, laid out.
func BenchmarkMaterialsScreen(b *testing.B) {
	a, w := benchWindow(b)
	m := newMaterials(w, a)
	w.SetContent(m.content())
	for b.Loop() {
		m.refresh()
		if len(m.stockTbl.shown()) < 100 {
			b.Fatalf("%d stock lines", len(m.stockTbl.shown()))
		}
	}
}

// BenchmarkDutyWeekGrid is opening 值班: the week's grid checked against
// the rules and laid out, with the four weeks' loads beside it.
func BenchmarkDutyWeekGrid(b *testing.B) {
	a, w := benchWindow(b)
	d := newDuty(w, a, func(data.Case) {})
	w.SetContent(d.content())
	for b.Loop() {
		d.refresh()
		if len(d.week.Rows) < 20 {
			b.Fatalf("%d rows", len(d.week.Rows))
		}
	}
}

// BenchmarkBareWindow is the floor of the screens' benchmarks: a window
// of the same size laying out one label.
func BenchmarkBareWindow(b *testing.B) {
	_, w := benchWindow(b)
	for b.Loop() {
		w.SetContent(widget.NewLabel("总览"))
		w.Content().Refresh()
	}
}

// BenchmarkOverview is opening 总览: today's figures from every area as
// tiles, two weeks' trend drawn as charts, 待办 and the open cases.
func BenchmarkOverview(b *testing.B) {
	a, w := benchWindow(b)
	o := newOverview(w, a, destinations{})
	w.SetContent(o.content())
	for b.Loop() {
		o.refresh()
		if o.tiles[0].number == "" || len(o.passages.days) != 14 {
			b.Fatal("no figures")
		}
	}
}

// BenchmarkSortFiveThousandRows is a header of 卡口 → 查询 tapped on a
// search of 5,000 passages: by name (pinyin), then the other way.
func BenchmarkSortFiveThousandRows(b *testing.B) {
	a, w := benchWindow(b)
	s := newRegSearch(w, a)
	w.SetContent(s.box)
	rows, err := a.DB.SearchRegistrations(a.Ctx(), data.RegistrationQuery{Limit: 5000}) // 25 pages of 更多
	if err != nil || len(rows) != 5000 {
		b.Fatalf("%d rows, %v", len(rows), err)
	}
	s.table.set(rows)
	name := slices.IndexFunc(s.table.cols, func(c column[data.Registration]) bool { return c.header == "姓名" })
	for b.Loop() {
		s.table.sortBy(name)
	}
}

// BenchmarkStaffTableRefresh is 人员's list read again and drawn: the
// table component beside BenchmarkPlainTableFloor, Fyne's own table given
// the same rows.
func BenchmarkStaffTableRefresh(b *testing.B) {
	a, w := benchWindow(b)
	s := newStaffScreen(w, a)
	w.SetContent(s.content())
	for b.Loop() {
		s.refresh()
		if len(s.table.shown()) < 100 {
			b.Fatalf("%d rows", len(s.table.shown()))
		}
	}
}

func BenchmarkPlainTableFloor(b *testing.B) {
	a, w := benchWindow(b)
	var rows []data.Staff
	t := widget.NewTable(func() (int, int) { return len(rows), 6 },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			r := rows[id.Row]
			o.(*widget.Label).SetText([]string{r.Name, r.Phone, r.Unit, r.Kind, "", ""}[id.Col])
		})
	w.SetContent(t)
	for b.Loop() {
		var err error
		if rows, err = a.DB.Staff(a.Ctx(), data.StaffQuery{}); err != nil || len(rows) < 100 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
		t.Refresh()
	}
}
