package data

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DayPoint is the command post's key figures of one day, counted as its
// daily report counts them (the same functions do): what 总览 charts day
// by day.
type DayPoint struct {
	Day         time.Time
	Registered  int // people through the checkpoints
	Fevers      int // at the checkpoints and the sites
	InIsolation int // at the end of the day, or now for today
	Vacant      int // rooms, likewise
	Supply      []ItemSupply
}

// ItemSupply is a key item's stock and days of supply at the end of a day
// (or now, for today).
type ItemSupply struct {
	Item     string
	Unit     string
	OnHand   int
	DaysLeft float64 // -1: nothing used
}

// PostTrend is the key figures of the n days up to last, oldest first.
// Each figure is counted by the function the daily report counts it with,
// asked for every day at once.
func (db *DB) PostTrend(ctx context.Context, last time.Time, n int) ([]DayPoint, error) {
	now := db.now()
	days := make([]time.Time, n)
	uptos := make([]time.Time, n)
	states := make([]time.Time, n)
	for i := range days {
		days[i] = StartOfDay(last).AddDate(0, 0, i-n+1)
		uptos[i], states[i] = dayBounds(days[i], now)
	}
	posts, err := db.daysTotalsAsOf(ctx, days, now)
	if err != nil {
		return nil, fmt.Errorf("trend, checkpoints: %w", err)
	}
	out := make([]DayPoint, n)
	for i, day := range days {
		out[i].Day = day
		for _, pd := range posts[i] {
			out[i].Registered += pd.Total.People
			out[i].Fevers += pd.Total.Fevers
		}
	}
	sites, err := db.Sites(ctx)
	if err != nil {
		return nil, err
	}
	fevers, err := db.siteFevers(ctx, days, uptos)
	if err != nil {
		return nil, fmt.Errorf("trend, fevers: %w", err)
	}
	for _, s := range sites {
		boards, err := db.roomBoards(ctx, s.ID, states, false)
		if err != nil {
			return nil, fmt.Errorf("trend, rooms: %w", err)
		}
		for i, board := range boards {
			for _, r := range board {
				out[i].InIsolation += len(r.Occupants)
				if r.State == RoomVacant {
					out[i].Vacant++
				}
			}
			out[i].Fevers += fevers[i][s.ID]
		}
	}
	supply, err := db.keySupplies(ctx, states)
	if err != nil {
		return nil, fmt.Errorf("trend, materials: %w", err)
	}
	for i := range out {
		out[i].Supply = supply[i]
	}
	return out, nil
}

// keySupplies is every key item's stock over all locations, and its days
// of supply, at each of the moments, in order: the stock at the first
// moment as stockAt reads it, then the ledger's lines up to each later
// one; the use of the SupplyDays before each day as dailyUse averages it.
func (db *DB) keySupplies(ctx context.Context, moments []time.Time) ([][]ItemSupply, error) {
	first, last := moments[0], moments[len(moments)-1]
	known, err := db.itemsKnownAt(ctx, first)
	if err != nil {
		return nil, err
	}
	knownLast, err := db.itemsKnownAt(ctx, last)
	if err != nil {
		return nil, err
	}
	var keys []string // the key items' IDs, for the queries below
	for _, it := range knownLast {
		if keyItem(it) {
			keys = append(keys, strconv.FormatInt(it.ID, 10))
		}
	}
	if len(keys) == 0 {
		return make([][]ItemSupply, len(moments)), nil
	}
	ofKeys := "item_id IN (" + strings.Join(keys, ", ") + ")"
	held, err := db.stockAt(ctx, first)
	if err != nil {
		return nil, err
	}
	onHand := map[int64]int{}
	for _, h := range held {
		onHand[h.item] += h.onHand
	}
	type line struct {
		item int64
		at   string
		n    int
	}
	lines, err := queryAll(ctx, db, "stock lines", func(s scanner) (line, error) {
		var l line
		return l, s.Scan(&l.item, &l.at, &l.n)
	}, "SELECT item_id, at, quantity FROM stock_moves WHERE at > ? AND at <= ? AND "+ofKeys+" ORDER BY at", formatTime(first), formatTime(last))
	if err != nil {
		return nil, err
	}
	type use struct {
		k   heldKey
		day string
		n   int
	}
	uses, err := queryAll(ctx, db, "daily use", func(s scanner) (use, error) {
		var u use
		return u, s.Scan(&u.k.item, &u.k.loc, &u.day, &u.n)
	}, `SELECT item_id, location_id, substr(at, 1, 10), -sum(quantity) FROM stock_moves
		WHERE kind = ? AND at >= ? AND at < ? AND `+ofKeys+` GROUP BY 1, 2, 3`,
		string(MoveIssue), formatTime(StartOfDay(first).AddDate(0, 0, -SupplyDays)), formatTime(StartOfDay(last)))
	if err != nil {
		return nil, err
	}
	out := make([][]ItemSupply, len(moments))
	for i, at := range moments {
		for len(lines) > 0 && lines[0].at <= formatTime(at) {
			onHand[lines[0].item] += lines[0].n
			lines = lines[1:]
		}
		items := knownLast
		if len(known) != len(knownLast) && i < len(moments)-1 {
			if items, err = db.itemsKnownAt(ctx, at); err != nil {
				return nil, err
			}
		}
		from, to := formatDate(StartOfDay(at).AddDate(0, 0, -SupplyDays)), formatDate(StartOfDay(at))
		byPlace := map[heldKey]int{}
		for _, u := range uses {
			if u.day >= from && u.day < to {
				byPlace[u.k] += u.n
			}
		}
		used := map[int64]float64{}
		for k, n := range byPlace {
			used[k.item] += float64(n) / SupplyDays
		}
		for _, it := range items {
			if !keyItem(it) {
				continue
			}
			s := ItemSupply{Item: it.Label(), Unit: it.Unit, OnHand: onHand[it.ID], DaysLeft: -1}
			if u := used[it.ID]; u > 0 {
				s.DaysLeft = float64(s.OnHand) / u
			}
			out[i] = append(out[i], s)
		}
	}
	return out, nil
}

// PointOf is a day's figures as the trend has them: the same counts, so
// today's point is taken from the figures 总览 already has.
func PointOf(f DailyFigures) DayPoint {
	p := DayPoint{Day: f.Day, Registered: f.PostsTotal.People, Fevers: f.PostsTotal.Fevers, InIsolation: f.InIsolation()}
	for _, s := range f.Sites {
		p.Vacant += s.Vacant
		p.Fevers += s.Fevers
	}
	for _, it := range f.KeyItems {
		p.Supply = append(p.Supply, ItemSupply{Item: it.Item, Unit: it.Unit, OnHand: it.OnHand, DaysLeft: it.DaysLeft})
	}
	return p
}
