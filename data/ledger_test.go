package data

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// stockFixture opens a database with the starter catalogue, the store and
// one checkpoint (so one more location).
func stockFixture(t *testing.T) (db *DB, store, post int64, items map[string]Item) {
	t.Helper()
	db = openTest(t)
	ctx := context.Background()
	if err := db.AddStarterItems(ctx); err != nil {
		t.Fatal(err)
	}
	post = highwayPost(t, db)
	locs, _ := db.Locations(ctx)
	for _, l := range locs {
		if l.Kind == "仓库" {
			store = l.ID
		}
		if l.Kind == "卡口" {
			post = l.ID
		}
	}
	if store == 0 || post == 0 || len(locs) != 2 {
		t.Fatalf("locations %+v", locs)
	}
	list, _ := db.Items(ctx, false)
	items = map[string]Item{}
	for _, it := range list {
		items[it.Name] = it
	}
	return db, store, post, items
}

// ledgerSum is what the ledger lines add up to, to compare with the kept
// balances.
func ledgerSum(t *testing.T, db *DB, item, loc int64) (sum, kept int) {
	t.Helper()
	db.sql.QueryRow("SELECT coalesce(sum(quantity), 0) FROM stock_moves WHERE item_id = ? AND location_id = ?", item, loc).Scan(&sum)
	kept, _ = db.OnHand(context.Background(), item, loc)
	return sum, kept
}

func TestLedgerBalancesReversalsAndStocktake(t *testing.T) {
	db, store, post, items := stockFixture(t)
	ctx := context.Background()
	mask, goggles := items["N95口罩"], items["护目镜"]
	expires := fixedNow.AddDate(0, 0, 20)
	if _, err := db.Receive(ctx, Receipt{LocationID: store, Source: "社会捐赠", Lines: []Line{{ItemID: mask.ID, Quantity: 100, ExpiresOn: expires}}}); !isField(err, "donor", ErrDonorRequired) {
		t.Fatalf("donation without donor: %v", err)
	}
	if _, err := db.Receive(ctx, Receipt{LocationID: store, Source: "采购", Lines: []Line{{ItemID: mask.ID, Quantity: 100}}}); !isField(err, "expires_on", ErrExpiryRequired) {
		t.Fatalf("mask without expiry: %v", err)
	}
	in, err := db.Receive(ctx, Receipt{LocationID: store, Source: "社会捐赠", Donor: "城关商会", DonorContact: "139 1234 5678",
		Lines: []Line{{ItemID: mask.ID, Quantity: 300, ExpiresOn: expires}, {ItemID: mask.ID, Quantity: 200, ExpiresOn: expires.AddDate(1, 0, 0)},
			{ItemID: goggles.ID, Quantity: 40}}})
	if err != nil || in != "RK20261125-001" {
		t.Fatalf("receive: %q, %v", in, err)
	}
	// An issue takes the batch that expires first.
	out, err := db.IssueStock(ctx, Issue{LocationID: store, Recipient: "G65高速城关出口", Receiver: "王建军",
		Lines: []Line{{ItemID: mask.ID, Quantity: 350}, {ItemID: goggles.ID, Quantity: 10}}})
	if err != nil {
		t.Fatal(err)
	}
	lines, _ := db.Ledger(ctx, LedgerQuery{Voucher: out})
	if len(lines) != 3 || lines[0].Quantity != -300 || lines[0].Batch != formatDate(expires) || lines[1].Quantity != -50 {
		t.Fatalf("issue lines %+v", lines)
	}
	// Too much is refused with what there is, and nothing of it is saved.
	_, err = db.IssueStock(ctx, Issue{LocationID: store, Recipient: "河湾村", Lines: []Line{{ItemID: goggles.ID, Quantity: 5}, {ItemID: mask.ID, Quantity: 151}}})
	var se *StockError
	if !errors.As(err, &se) || se.OnHand != 150 || se.Wanted != 151 || se.Item.Name != "N95口罩" || se.Location != "指挥部仓库" {
		t.Fatalf("over-issue: %v", err)
	}
	if n, _ := db.OnHand(ctx, goggles.ID, store); n != 30 {
		t.Fatalf("a refused issue moved goggles: %d", n)
	}
	// A transfer moves both sides; reversing it moves them back.
	tr, err := db.TransferStock(ctx, Transfer{FromID: store, ToID: post, Lines: []Line{{ItemID: goggles.ID, Quantity: 12}}})
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := db.OnHand(ctx, goggles.ID, store); a != 18 {
		t.Fatalf("store after transfer %d", a)
	}
	if b, _ := db.OnHand(ctx, goggles.ID, post); b != 12 {
		t.Fatalf("post after transfer %d", b)
	}
	if _, err := db.Reverse(ctx, tr, "", time.Time{}); !isField(err, "reason", ErrReasonRequired) {
		t.Fatalf("reverse without reason: %v", err)
	}
	rv, err := db.Reverse(ctx, tr, "调错卡口", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := db.OnHand(ctx, goggles.ID, store); a != 30 {
		t.Fatalf("store after reversal %d", a)
	}
	if _, err := db.Reverse(ctx, tr, "再次", time.Time{}); !errors.Is(err, ErrAlreadyReversed) {
		t.Fatalf("second reversal: %v", err)
	}
	if _, err := db.Reverse(ctx, rv, "撤销冲正", time.Time{}); !errors.Is(err, ErrAlreadyReversed) {
		t.Fatalf("reversing a reversal: %v", err)
	}
	hist, _ := db.ItemHistory(ctx, goggles.ID)
	// 入库 40, 出库 −10, 调拨 −12/+12, 冲正 −12/+12: every line kept.
	if len(hist) != 6 || hist[2].Kind != "调拨" || !hist[2].IsReversed || hist[4].Kind != "冲正" || hist[4].Reverses == 0 {
		t.Fatalf("history %+v", hist)
	}
	if last := hist[len(hist)-1]; last.Total != 30 || hist[3].Balance != 12 || hist[3].Location != "G65高速城关出口" {
		t.Fatalf("running balances %+v", hist)
	}
	// The history reads fewer columns than the ledger; every line it shows
	// reads as the ledger's, reversals marked alike.
	ledger, _ := db.Ledger(ctx, LedgerQuery{ItemID: goggles.ID})
	byID := map[int64]Move{}
	for _, m := range ledger {
		byID[m.ID] = m
	}
	reversed := 0
	for _, h := range hist {
		m := byID[h.ID]
		if h.IsReversed != m.IsReversed || h.Kind != m.Kind || h.Quantity != m.Quantity || h.Voucher != m.Voucher || h.Reverses != m.Reverses ||
			h.Item != m.Item || h.Location != m.Location || !h.At.Equal(m.At) || h.Reason != m.Reason || h.Recipient != m.Recipient {
			t.Fatalf("history line %+v\nledger line %+v", h, m)
		}
		if h.IsReversed {
			reversed++
		}
	}
	if len(ledger) != len(hist) || reversed != 2 {
		t.Fatalf("ledger %d lines, history %d, %d reversed", len(ledger), len(hist), reversed)
	}
	// A stocktake books the difference, with a reason; an equal count books nothing.
	if _, err := db.Stocktake(ctx, Count{LocationID: store, ItemID: goggles.ID, Counted: 27}); !isField(err, "reason", ErrReasonRequired) {
		t.Fatalf("count without reason: %v", err)
	}
	pd, err := db.Stocktake(ctx, Count{LocationID: store, ItemID: goggles.ID, Counted: 27, Reason: "破损3副未登记"})
	if err != nil || pd == "" {
		t.Fatalf("stocktake %q %v", pd, err)
	}
	diff, _ := db.Ledger(ctx, LedgerQuery{Voucher: pd})
	if len(diff) != 1 || diff[0].Quantity != -3 {
		t.Fatalf("stocktake line %+v", diff)
	}
	if v, err := db.Stocktake(ctx, Count{LocationID: store, ItemID: goggles.ID, Counted: 27}); v != "" || err != nil {
		t.Fatalf("equal count booked %q, %v", v, err)
	}
	// Write-off of the expiring batch; the balances equal the ledger sums.
	if _, err := db.WriteOffStock(ctx, WriteOff{LocationID: store, Reason: "过期", Lines: []Line{{ItemID: mask.ID, Quantity: 1, Batch: formatDate(expires)}}}); !errors.Is(err, ErrInsufficientStock) {
		t.Fatalf("write-off of an empty batch: %v", err)
	}
	for _, it := range []Item{mask, goggles} {
		for _, loc := range []int64{store, post} {
			if sum, kept := ledgerSum(t, db, it.ID, loc); sum != kept || kept < 0 {
				t.Errorf("%s at %d: ledger %d, balance %d", it.Name, loc, sum, kept)
			}
		}
	}
	// The ledger refuses edits at the SQL level too.
	if _, err := db.sql.Exec("UPDATE stock_moves SET quantity = 1"); err == nil {
		t.Fatal("a ledger line was edited")
	}
}

func isField(err error, field string, target error) bool {
	var fe *FieldError
	return errors.As(err, &fe) && fe.Field == field && errors.Is(err, target)
}

func TestTwoTransfersRaceForTheLastUnits(t *testing.T) {
	db, store, post, items := stockFixture(t)
	ctx := context.Background()
	gun := items["测温枪"]
	if _, err := db.Receive(ctx, Receipt{LocationID: store, Source: "上级调拨", Lines: []Line{{ItemID: gun.ID, Quantity: 5}}}); err != nil {
		t.Fatal(err)
	}
	// A second handle on the same file, as a second program would have.
	other, err := Open(ctx, db.Path(), func() time.Time { return fixedNow })
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, d := range []*DB{db, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = d.TransferStock(ctx, Transfer{FromID: store, ToID: post, Lines: []Line{{ItemID: gun.ID, Quantity: 4}}})
		}()
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		switch {
		case err == nil:
			ok++
		case !errors.Is(err, ErrInsufficientStock):
			t.Fatalf("unexpected: %v", err)
		}
	}
	a, _ := db.OnHand(ctx, gun.ID, store)
	b, _ := db.OnHand(ctx, gun.ID, post)
	if ok != 1 || a != 1 || b != 4 {
		t.Fatalf("%d transfers went through; store %d, post %d", ok, a, b)
	}
}

func TestStockTableDaysOfSupplyAndExpiry(t *testing.T) {
	db, store, post, items := stockFixture(t)
	ctx := context.Background()
	mask, shoe := items["医用外科口罩"], items["鞋套"]
	if _, err := db.Receive(ctx, Receipt{At: fixedNow.AddDate(0, 0, -10), LocationID: store, Source: "采购", Lines: []Line{
		{ItemID: mask.ID, Quantity: 1000, ExpiresOn: fixedNow.AddDate(0, 0, 10)},
		{ItemID: mask.ID, Quantity: 4000, ExpiresOn: fixedNow.AddDate(0, 6, 0)},
		{ItemID: shoe.ID, Quantity: 800}}}); err != nil {
		t.Fatal(err)
	}
	// 700 masks issued over the last 7 days (one issue 8 days ago does not count).
	for _, d := range []int{8, 6, 3, 1} {
		q := 200
		if d == 8 {
			q = 999
		}
		if d == 1 {
			q = 300
		}
		if _, err := db.IssueStock(ctx, Issue{At: fixedNow.AddDate(0, 0, -d), LocationID: store, Recipient: "G65高速城关出口",
			Lines: []Line{{ItemID: mask.ID, Quantity: q}}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SetLocationWarning(ctx, shoe.ID, post, 50); err != nil {
		t.Fatal(err)
	}
	view, err := db.Stock(ctx, fixedNow)
	table := view.Lines
	if err != nil {
		t.Fatal(err)
	}
	find := func(item int64, loc int64) StockLine {
		for _, l := range table {
			if l.Item.ID == item && l.LocationID == loc {
				return l
			}
		}
		t.Fatalf("no line for %d at %d", item, loc)
		return StockLine{}
	}
	m := find(mask.ID, 0)
	// 5000 − 999 − 700 = 3301 on hand; 100 a day; the first batch had 1000,
	// 999 of it went 8 days ago and 1 since: nothing left of it expiring.
	if m.OnHand != 3301 || m.DailyUse != 100 || m.DaysLeft != 33.01 || m.Below || m.Expiring != 0 {
		t.Fatalf("masks %+v", m)
	}
	s := find(shoe.ID, post) // a location warning with nothing there
	if s.OnHand != 0 || !s.Below || s.DaysLeft != -1 {
		t.Fatalf("shoe covers at the post %+v", s)
	}
	if table[0].Item.ID != shoe.ID && !table[0].Below {
		// Every item group with a line under its level comes first.
		t.Fatalf("first line %+v", table[0])
	}
	// Expiry: receive a batch that expires in 12 days.
	if _, err := db.Receive(ctx, Receipt{LocationID: store, Source: "上级调拨", Lines: []Line{{ItemID: mask.ID, Quantity: 60, ExpiresOn: fixedNow.AddDate(0, 0, 12)}}}); err != nil {
		t.Fatal(err)
	}
	view, _ = db.Stock(ctx, fixedNow)
	exp := view.Expiring
	if len(exp) != 1 || exp[0].OnHand != 60 || exp[0].Item.ID != mask.ID {
		t.Fatalf("expiring %+v", exp)
	}
	table = view.Lines
	if l := table[0]; l.Item.ID == mask.ID {
		t.Fatalf("masks are not under their level but came first: %+v", l)
	}
}
