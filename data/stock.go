package data

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

const moveColumns = `m.id, m.at, m.kind, m.item_id, m.location_id, m.quantity, m.batch, coalesce(m.expires_on, ''),
	m.source, m.donor, m.donor_contact, m.recipient, m.receiver, m.reason, m.handler, m.note, m.voucher,
	coalesce(m.reverses, 0), m.operator, EXISTS (SELECT 1 FROM stock_moves r WHERE r.reverses = m.id)`

func scanMove(row scanner) (Move, error) {
	var m Move
	var at, expires string
	err := row.Scan(&m.ID, &at, &m.Kind, &m.ItemID, &m.LocationID, &m.Quantity, &m.Batch, &expires, &m.Source, &m.Donor,
		&m.DonorContact, &m.Recipient, &m.Receiver, &m.Reason, &m.Handler, &m.Note, &m.Voucher, &m.Reverses, &m.Operator, &m.IsReversed)
	m.At, m.ExpiresOn = parseTime(at), parseDate(expires)
	return m, err
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

// ItemHistory lists an item's ledger lines, oldest first, with the balance
// at the line's location and at all locations after each.
func (db *DB) ItemHistory(ctx context.Context, itemID int64) ([]Move, error) {
	moves, err := queryAll(ctx, db, "item history", scanMove,
		"SELECT "+moveColumns+" FROM stock_moves m WHERE item_id = ? ORDER BY id", itemID)
	if err != nil {
		return nil, err
	}
	at := map[int64]int{}
	total := 0
	for i, m := range moves {
		at[m.LocationID] += m.Quantity
		total += m.Quantity
		moves[i].Balance, moves[i].Total = at[m.LocationID], total
	}
	return db.names(ctx, moves)
}

// LedgerQuery picks ledger lines: a time span, and optionally one item,
// location or kind.
type LedgerQuery struct {
	From, Upto time.Time
	ItemID     int64
	LocationID int64
	Kind       string
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
		add("m.kind = ?", q.Kind)
	}
	if q.Voucher != "" {
		add("m.voucher = ?", q.Voucher)
	}
	moves, err := queryAll(ctx, db, "ledger", scanMove,
		"SELECT "+moveColumns+" FROM stock_moves m WHERE "+strings.Join(where, " AND ")+" ORDER BY m.at, m.id", args...)
	if err != nil {
		return nil, err
	}
	return db.names(ctx, moves)
}

// Donations lists the donated receipts (社会捐赠) in a span, oldest first.
func (db *DB) Donations(ctx context.Context, from, upto time.Time) ([]Move, error) {
	moves, err := db.Ledger(ctx, LedgerQuery{From: from, Upto: upto, Kind: "入库"})
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
	Warning    int     // the warning level that applies; 0: none
	Below      bool    // on hand under the warning level
	DailyUse   float64 // average 出库 a day over the last 7 days
	DaysLeft   float64 // on hand / daily use; -1 when nothing was used
	Expiring   int     // on hand in batches expiring within 30 days
}

// ExpiryWindow is how far ahead batches count as expiring.
const ExpiryWindow = 30

// StockTable is the whole stock view at a time: for every active item its
// total and each location that holds or has held it, with days of supply
// from the last 7 days' issues. Items under a warning level come first.
func (db *DB) StockTable(ctx context.Context, at time.Time) ([]StockLine, error) {
	items, err := db.Items(ctx, false)
	if err != nil {
		return nil, err
	}
	locs, err := db.Locations(ctx)
	if err != nil {
		return nil, err
	}
	locName := map[int64]string{}
	for _, l := range locs {
		locName[l.ID] = l.Name
	}
	type key struct{ item, loc int64 }
	type agg struct{ onHand, expiring int }
	held := map[key]agg{}
	soon := formatDate(StartOfDay(at).AddDate(0, 0, ExpiryWindow))
	type row struct {
		item, loc        int64
		onHand, expiring int
	}
	rows, err := queryAll(ctx, db, "stock table", func(s scanner) (row, error) {
		var r row
		err := s.Scan(&r.item, &r.loc, &r.onHand, &r.expiring)
		return r, err
	}, `SELECT item_id, location_id, sum(on_hand), sum(CASE WHEN expires_on <= ? THEN on_hand ELSE 0 END)
		FROM stock GROUP BY item_id, location_id`, soon)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		held[key{r.item, r.loc}] = agg{r.onHand, r.expiring}
	}
	used := map[key]int{}
	uses, err := queryAll(ctx, db, "daily use", func(s scanner) (row, error) {
		var r row
		err := s.Scan(&r.item, &r.loc, &r.onHand)
		return r, err
	}, `SELECT item_id, location_id, -sum(quantity) FROM stock_moves
		WHERE kind = '出库' AND at >= ? AND at < ? GROUP BY item_id, location_id`,
		formatTime(at.AddDate(0, 0, -7)), formatTime(at))
	if err != nil {
		return nil, err
	}
	for _, u := range uses {
		used[key{u.item, u.loc}] = u.onHand
		used[key{u.item, 0}] += u.onHand
	}
	warnings := map[key]int{}
	ws, err := queryAll(ctx, db, "location warnings", func(s scanner) (row, error) {
		var r row
		err := s.Scan(&r.item, &r.loc, &r.onHand)
		return r, err
	}, "SELECT item_id, location_id, level FROM location_warnings")
	if err != nil {
		return nil, err
	}
	for _, w := range ws {
		warnings[key{w.item, w.loc}] = w.onHand // the level, in the shared row shape
	}
	line := func(it Item, loc int64, a agg, warning int) StockLine {
		l := StockLine{Item: it, LocationID: loc, Location: locName[loc], OnHand: a.onHand, Warning: warning,
			Below: warning > 0 && a.onHand < warning, Expiring: a.expiring, DaysLeft: -1}
		if u := used[key{it.ID, loc}]; u > 0 {
			l.DailyUse = float64(u) / 7
			l.DaysLeft = float64(a.onHand) / l.DailyUse
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
			a, ok := held[key{it.ID, l.ID}]
			w := warnings[key{it.ID, l.ID}]
			if !ok && w == 0 {
				continue
			}
			total.onHand += a.onHand
			total.expiring += a.expiring
			places = append(places, line(it, l.ID, a, w))
		}
		all := line(it, 0, total, it.WarningLevel)
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
	return out, nil
}

// Batch is stock of one batch of an item at a location.
type Batch struct {
	Item      Item
	Location  string
	Batch     string
	ExpiresOn time.Time
	OnHand    int
}

// ExpiringBatches lists batches with stock that expire within ExpiryWindow
// days of at (or already have), soonest first.
func (db *DB) ExpiringBatches(ctx context.Context, at time.Time) ([]Batch, error) {
	items, err := db.Items(ctx, true)
	if err != nil {
		return nil, err
	}
	byItem := map[int64]Item{}
	for _, it := range items {
		byItem[it.ID] = it
	}
	return queryAll(ctx, db, "expiring batches", func(s scanner) (Batch, error) {
		var b Batch
		var item int64
		var expires string
		err := s.Scan(&item, &b.Location, &b.Batch, &expires, &b.OnHand)
		b.Item, b.ExpiresOn = byItem[item], parseDate(expires)
		return b, err
	}, `SELECT s.item_id, l.name, s.batch, s.expires_on, s.on_hand FROM stock s JOIN locations l ON l.id = s.location_id
		WHERE s.on_hand > 0 AND s.expires_on IS NOT NULL AND s.expires_on <= ? ORDER BY s.expires_on, l.name`,
		formatDate(StartOfDay(at).AddDate(0, 0, ExpiryWindow)))
}

// OnHand is what the books say there is of an item at a location (all
// batches).
func (db *DB) OnHand(ctx context.Context, itemID, locationID int64) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, "SELECT coalesce(sum(on_hand), 0) FROM stock WHERE item_id = ? AND location_id = ?",
		itemID, locationID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("on hand: %w", err)
	}
	return n, nil
}
