package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

const moveColumns = `m.id, m.at, m.kind, m.item_id, m.location_id, m.quantity, m.batch, coalesce(m.expires_on, ''),
	m.source, m.donor, m.donor_contact, m.recipient, m.receiver, m.reason, m.handler, m.note, m.voucher,
	coalesce(m.reverses, 0), m.operator`

func scanMove(row scanner) (Move, error) {
	var m Move
	var at, expires string
	err := row.Scan(&m.ID, &at, &m.Kind, &m.ItemID, &m.LocationID, &m.Quantity, &m.Batch, &expires, &m.Source, &m.Donor,
		&m.DonorContact, &m.Recipient, &m.Receiver, &m.Reason, &m.Handler, &m.Note, &m.Voucher, &m.Reverses, &m.Operator)
	m.At, m.ExpiresOn = parseTime(at), parseDate(expires)
	return m, err
}

// markReversed marks the lines a 冲正 line points to. Reversals are few:
// one read of those in the lines' range of numbers, off the unique index
// on reverses, in place of a lookup per line.
func markReversed(ctx context.Context, q querier, moves []Move) error {
	if len(moves) == 0 {
		return nil
	}
	lo, hi := moves[0].ID, moves[0].ID
	for _, m := range moves {
		lo, hi = min(lo, m.ID), max(hi, m.ID)
	}
	rows, err := q.QueryContext(ctx, "SELECT reverses FROM stock_moves WHERE reverses BETWEEN ? AND ?", lo, hi)
	ids, err := collect(rows, err, func(row scanner) (int64, error) {
		var id int64
		return id, row.Scan(&id)
	})
	if err != nil {
		return fmt.Errorf("reversals: %w", err)
	}
	reversed := make(map[int64]bool, len(ids))
	for _, id := range ids {
		reversed[id] = true
	}
	for i := range moves {
		moves[i].IsReversed = reversed[moves[i].ID]
	}
	return nil
}

// queryTx is queryAll inside a transaction.
func queryTx[T any](ctx context.Context, tx *sql.Tx, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	return collect(rows, err, scan)
}

// names fills in the item and location of ledger lines.
func (db *DB) names(ctx context.Context, moves []Move) ([]Move, error) {
	items, err := db.Items(ctx, true)
	if err != nil {
		return nil, err
	}
	locs, err := db.Locations(ctx)
	if err != nil {
		return nil, err
	}
	byItem := map[int64]Item{}
	for _, it := range items {
		byItem[it.ID] = it
	}
	byLoc := map[int64]string{}
	for _, l := range locs {
		byLoc[l.ID] = l.Name
	}
	for i := range moves {
		moves[i].Item, moves[i].Location = byItem[moves[i].ItemID], byLoc[moves[i].LocationID]
	}
	return moves, nil
}

// historyColumns are the columns of a ledger line that an item's history
// shows or reverses by: not the item (asked for), nor the expiry, donor
// contact or operator, which it doesn't show.
const historyColumns = `id, at, kind, location_id, quantity, batch, source, donor, recipient, receiver, reason, handler,
	note, voucher, coalesce(reverses, 0)`

func scanHistoryLine(row scanner) (Move, error) {
	var m Move
	var at string
	err := row.Scan(&m.ID, &at, &m.Kind, &m.LocationID, &m.Quantity, &m.Batch, &m.Source, &m.Donor, &m.Recipient,
		&m.Receiver, &m.Reason, &m.Handler, &m.Note, &m.Voucher, &m.Reverses)
	m.At = parseTime(at)
	return m, err
}

// ItemHistory lists an item's ledger lines, oldest first, with the balance
// at the line's location and at all locations after each.
func (db *DB) ItemHistory(ctx context.Context, itemID int64) ([]Move, error) {
	// The count comes off the item's index; the list is made to it once.
	var n int
	if err := db.reader(ctx).QueryRowContext(ctx, "SELECT count(*) FROM stock_moves WHERE item_id = ?", itemID).Scan(&n); err != nil {
		return nil, fmt.Errorf("item history: %w", err)
	}
	rows, err := db.reader(ctx).QueryContext(ctx, "SELECT "+historyColumns+" FROM stock_moves WHERE item_id = ? ORDER BY id", itemID)
	moves, err := collectInto(make([]Move, 0, n), rows, err, scanHistoryLine)
	if err != nil {
		return nil, fmt.Errorf("item history: %w", err)
	}
	at := map[int64]int{}
	total := 0
	for i, m := range moves {
		at[m.LocationID] += m.Quantity
		total += m.Quantity
		moves[i].ItemID, moves[i].Balance, moves[i].Total = itemID, at[m.LocationID], total
	}
	if err := markReversed(ctx, db.reader(ctx), moves); err != nil {
		return nil, fmt.Errorf("item history: %w", err)
	}
	return db.names(ctx, moves)
}

// LedgerQuery picks ledger lines: a time span, and optionally one item,
// location or kind.
type LedgerQuery struct {
	From, Upto time.Time
	ItemID     int64
	LocationID int64
	Kind       MoveKind
	Voucher    string
}

// Ledger lists the lines asked for, oldest first.
func (db *DB) Ledger(ctx context.Context, q LedgerQuery) ([]Move, error) {
	where := []string{"1 = 1"}
	var args []any
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if !q.From.IsZero() {
		add("m.at >= ?", formatTime(q.From))
	}
	if !q.Upto.IsZero() {
		add("m.at < ?", formatTime(q.Upto))
	}
	if q.ItemID != 0 {
		add("m.item_id = ?", q.ItemID)
	}
	if q.LocationID != 0 {
		add("m.location_id = ?", q.LocationID)
	}
	if q.Kind != "" {
		add("m.kind = ?", string(q.Kind))
	}
	if q.Voucher != "" {
		add("m.voucher = ?", q.Voucher)
	}
	cond := strings.Join(where, " AND ")
	// Counted first, off the same index, so the list is made once.
	var n int
	if err := db.reader(ctx).QueryRowContext(ctx, "SELECT count(*) FROM stock_moves m WHERE "+cond, args...).Scan(&n); err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	rows, err := db.reader(ctx).QueryContext(ctx, "SELECT "+moveColumns+" FROM stock_moves m WHERE "+cond+" ORDER BY m.at, m.id", args...)
	moves, err := collectInto(make([]Move, 0, n), rows, err, scanMove)
	if err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	if err := markReversed(ctx, db.reader(ctx), moves); err != nil {
		return nil, fmt.Errorf("ledger: %w", err)
	}
	return db.names(ctx, moves)
}

// Donations lists the donated receipts (社会捐赠) in a span, oldest first.
func (db *DB) Donations(ctx context.Context, from, upto time.Time) ([]Move, error) {
	moves, err := db.Ledger(ctx, LedgerQuery{From: from, Upto: upto, Kind: MoveReceipt})
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(moves, func(m Move) bool { return m.Source != "社会捐赠" }), nil
}

// StockLine is a row of the stock view: one item at one location, or the
// item at all locations together (LocationID 0; its Location names the one
// place that holds it, when only one does).
type StockLine struct {
	Item       Item
	LocationID int64
	Location   string
	OnHand     int
	Warning    int     // the warning level that applied; 0: none
	Below      bool    // on hand under the warning level
	DailyUse   float64 // average 出库 a day over the SupplyDays whole days before
	DaysLeft   float64 // on hand / daily use; -1 when nothing was used
	Expiring   int     // on hand in batches expiring within ExpiryWindow days
}

const (
	// ExpiryWindow is how far ahead batches count as expiring.
	ExpiryWindow = 30
	// SupplyDays is the span daily use is averaged over: the whole days
	// before the day asked about, so the figure holds all day and is the
	// same on every screen and in the report.
	SupplyDays = 7
)

// heldKey is an item at a location.
type heldKey struct{ item, loc int64 }

// heldAt is an item's balance at a location at a moment, with how much of
// it expires within ExpiryWindow days.
type heldAt struct {
	heldKey
	onHand, expiring int
}

// batchesAt is every batch's balance at the moment at (lines booked at
// that very second included): today's balance less every line booked
// after it. The balances are the ledger's sums, kept in the line's own
// transaction (the ledger tests check it), so this equals summing the
// ledger up to at while reading only the lines after it: for a recent day,
// a few hundred instead of the whole year.
const batchesAt = `WITH batches AS (SELECT item_id, location_id, batch, max(expires_on) AS expires, sum(n) AS n FROM (
		SELECT item_id, location_id, batch, expires_on, on_hand AS n FROM stock
		UNION ALL
		SELECT item_id, location_id, batch, expires_on, -quantity FROM stock_moves WHERE at > ?1
	) GROUP BY item_id, location_id, batch) `

// stockAt is each item's balance at each location at the moment at, with
// what expires within ExpiryWindow days of it, summed by SQL so that only
// an item and place a row come back rather than every batch.
func (db *DB) stockAt(ctx context.Context, at time.Time) ([]heldAt, error) {
	return queryAll(ctx, db, "stock at", func(s scanner) (heldAt, error) {
		var h heldAt
		err := s.Scan(&h.item, &h.loc, &h.onHand, &h.expiring)
		return h, err
	}, batchesAt+`SELECT item_id, location_id, sum(n), sum(CASE WHEN expires <= ?2 THEN n ELSE 0 END) FROM batches
		GROUP BY item_id, location_id`, formatTime(at), formatDate(StartOfDay(at).AddDate(0, 0, ExpiryWindow)))
}

// levelsAt is the warning levels in force at the moment at, overall
// (location 0) and per location: the newest set before at, or, for a
// moment before an item's first setting, that first one.
func (db *DB) levelsAt(ctx context.Context, at time.Time) (map[heldKey]int, error) {
	type set struct {
		k     heldKey
		level int
		at    string
	}
	sets, err := queryAll(ctx, db, "warning levels", func(s scanner) (set, error) {
		var v set
		err := s.Scan(&v.k.item, &v.k.loc, &v.level, &v.at)
		return v, err
	}, "SELECT item_id, location_id, level, set_at FROM warning_levels ORDER BY set_at, id")
	if err != nil {
		return nil, err
	}
	levels := map[heldKey]int{}
	until := formatTime(at)
	for _, v := range sets {
		if _, seen := levels[v.k]; !seen || v.at <= until {
			levels[v.k] = v.level
		}
	}
	return levels, nil
}

// DailyUse is each item's 出库 a day at each location and overall
// (location 0), averaged over the SupplyDays whole days before day.
func (db *DB) dailyUse(ctx context.Context, day time.Time) (map[heldKey]float64, error) {
	from := StartOfDay(day)
	type use struct {
		k heldKey
		n int
	}
	uses, err := queryAll(ctx, db, "daily use", func(s scanner) (use, error) {
		var u use
		err := s.Scan(&u.k.item, &u.k.loc, &u.n)
		return u, err
	}, `SELECT item_id, location_id, -sum(quantity) FROM stock_moves
		WHERE kind = ? AND at >= ? AND at < ? GROUP BY item_id, location_id`,
		string(MoveIssue), formatTime(from.AddDate(0, 0, -SupplyDays)), formatTime(from))
	if err != nil {
		return nil, err
	}
	out := map[heldKey]float64{}
	for _, u := range uses {
		out[u.k] += float64(u.n) / SupplyDays
		out[heldKey{u.k.item, 0}] += float64(u.n) / SupplyDays
	}
	return out, nil
}

// StockView is the stock as it stood at a moment: a line per item (its
// total, then each location that holds or has held it), items under a
// warning level first, and the batches expiring within ExpiryWindow days.
type StockView struct {
	Lines    []StockLine
	Expiring []Batch
}

// Stock is the stock view as it stood at the moment at (now for the live
// view, the end of a day for its report): for every active item known by
// then its total and each location, the warning levels then in force, days
// of supply, and the batches held then that expire within ExpiryWindow days
// of it (or already have), soonest first.
func (db *DB) Stock(ctx context.Context, at time.Time) (StockView, error) {
	lines, expiring, err := db.stockView(ctx, at)
	return StockView{Lines: lines, Expiring: expiring}, err
}

func (db *DB) stockView(ctx context.Context, at time.Time) ([]StockLine, []Batch, error) {
	items, err := db.itemsKnownAt(ctx, at)
	if err != nil {
		return nil, nil, err
	}
	locs, err := db.Locations(ctx)
	if err != nil {
		return nil, nil, err
	}
	locName := map[int64]string{}
	for _, l := range locs {
		locName[l.ID] = l.Name
	}
	type agg struct{ onHand, expiring int }
	held := map[heldKey]agg{}
	balances, err := db.stockAt(ctx, at)
	if err != nil {
		return nil, nil, err
	}
	for _, b := range balances {
		held[b.heldKey] = agg{b.onHand, b.expiring}
	}
	used, err := db.dailyUse(ctx, at)
	if err != nil {
		return nil, nil, err
	}
	levels, err := db.levelsAt(ctx, at)
	if err != nil {
		return nil, nil, err
	}
	line := func(it Item, loc int64, a agg) StockLine {
		warning := levels[heldKey{it.ID, loc}]
		l := StockLine{Item: it, LocationID: loc, Location: locName[loc], OnHand: a.onHand, Warning: warning,
			Below: warning > 0 && a.onHand < warning, Expiring: a.expiring, DaysLeft: -1}
		if u := used[heldKey{it.ID, loc}]; u > 0 {
			l.DailyUse = u
			l.DaysLeft = float64(a.onHand) / u
		}
		return l
	}
	type group struct {
		lines []StockLine
		alarm bool
	}
	var groups []group
	for _, it := range items {
		var total agg
		var places []StockLine
		for _, l := range locs {
			a, ok := held[heldKey{it.ID, l.ID}]
			if !ok && levels[heldKey{it.ID, l.ID}] == 0 {
				continue
			}
			total.onHand += a.onHand
			total.expiring += a.expiring
			places = append(places, line(it, l.ID, a))
		}
		all := line(it, 0, total)
		if len(places) == 1 && places[0].Warning == 0 {
			// One place and no level of its own: the total says it all.
			all.Location, places = places[0].Location, nil
		}
		g := group{lines: append([]StockLine{all}, places...)}
		for _, l := range g.lines {
			g.alarm = g.alarm || l.Below
		}
		groups = append(groups, g)
	}
	slices.SortStableFunc(groups, func(a, b group) int {
		switch {
		case a.alarm == b.alarm:
			return 0
		case a.alarm:
			return -1
		}
		return 1
	})
	var out []StockLine
	for _, g := range groups {
		out = append(out, g.lines...)
	}
	batches, err := db.expiringAt(ctx, at, items, locName)
	return out, batches, err
}

// itemsKnownAt is the active catalogue as it was at the moment at: items
// added by then, or with ledger lines booked before it (a ledger typed in
// after the fact), so a day before an item existed shows none of it.
func (db *DB) itemsKnownAt(ctx context.Context, at time.Time) ([]Item, error) {
	ts := formatTime(at)
	return queryAll(ctx, db, "items known at", scanItem, "SELECT "+itemColumns+` FROM items i
		WHERE active = 1 AND (created_at <= ?1 OR EXISTS (SELECT 1 FROM stock_moves m WHERE m.item_id = i.id AND m.at <= ?1))
		ORDER BY category, name, spec`, ts)
}

// Batch is stock of one batch of an item at a location.
type Batch struct {
	Item      Item
	Location  string
	Batch     string
	ExpiresOn time.Time
	OnHand    int
}

// expiringAt lists the batches held at the moment at that expire within
// ExpiryWindow days of it (or already have), soonest first.
func (db *DB) expiringAt(ctx context.Context, at time.Time, known []Item, locName map[int64]string) ([]Batch, error) {
	byItem := map[int64]Item{}
	for _, it := range known {
		byItem[it.ID] = it
	}
	var missing bool
	batches, err := queryAll(ctx, db, "expiring batches", func(s scanner) (Batch, error) {
		var b Batch
		var item, loc int64
		var expires string
		err := s.Scan(&item, &loc, &b.Batch, &expires, &b.OnHand)
		b.Item, b.Location, b.ExpiresOn = Item{ID: item}, locName[loc], parseDate(expires)
		if it, ok := byItem[item]; ok {
			b.Item = it
		} else {
			missing = true
		}
		return b, err
	}, batchesAt+`SELECT item_id, location_id, batch, expires, n FROM batches
		WHERE n > 0 AND expires IS NOT NULL AND expires <= ?2 ORDER BY expires`,
		formatTime(at), formatDate(StartOfDay(at).AddDate(0, 0, ExpiryWindow)))
	if err != nil {
		return nil, err
	}
	if missing { // a retired item's batches: its stock is still there
		all, err := db.Items(ctx, true)
		if err != nil {
			return nil, err
		}
		for _, it := range all {
			byItem[it.ID] = it
		}
		for i := range batches {
			batches[i].Item = byItem[batches[i].Item.ID]
		}
	}
	slices.SortStableFunc(batches, func(a, b Batch) int {
		return cmp.Or(a.ExpiresOn.Compare(b.ExpiresOn), cmp.Compare(a.Location, b.Location), cmp.Compare(a.Batch, b.Batch))
	})
	return batches, nil
}

// OnHand is what the books say there is of an item at a location (all
// batches).
func (db *DB) OnHand(ctx context.Context, itemID, locationID int64) (int, error) {
	var n int
	err := db.reader(ctx).QueryRowContext(ctx, "SELECT coalesce(sum(on_hand), 0) FROM stock WHERE item_id = ? AND location_id = ?",
		itemID, locationID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("on hand: %w", err)
	}
	return n, nil
}
