package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// maxQuantity bounds one line: far above any township's stock, low enough
// that a slip of the keyboard is caught.
const maxQuantity = 10_000_000

// MoveKind is what a ledger line records.
type MoveKind string

const (
	MoveReceipt   MoveKind = "入库"
	MoveIssue     MoveKind = "出库"
	MoveTransfer  MoveKind = "调拨"
	MoveStocktake MoveKind = "盘点"
	MoveWriteOff  MoveKind = "报损"
	MoveReversal  MoveKind = "冲正" // undoes the lines of a movement it points to
)

// Sources of receipts, and reasons for a write-off.
var (
	ReceiptSources  = []string{"上级调拨", "采购", "社会捐赠"}
	WriteOffReasons = []string{"过期", "损坏", "遗失"}
)

// Move is one ledger line: one item at one location, quantity signed.
type Move struct {
	ID           int64
	At           time.Time
	Kind         MoveKind
	ItemID       int64
	LocationID   int64
	Quantity     int
	Batch        string
	ExpiresOn    time.Time
	Source       string
	Donor        string
	DonorContact string
	Recipient    string
	Receiver     string
	Reason       string
	Handler      string
	Note         string
	Voucher      string
	Reverses     int64 // the line a 冲正 line reverses
	Operator     string

	// Filled when read back.
	Item       Item
	Location   string
	Balance    int  // at this location, after this line
	Total      int  // at all locations, after this line
	IsReversed bool // a 冲正 line points to it
}

// Line is one item of a receipt, issue, transfer or write-off. An empty
// batch on the way out takes the batches that expire first.
type Line struct {
	ItemID    int64
	Quantity  int
	Batch     string
	ExpiresOn time.Time // receipts of items that track expiry
}

// Receipt is 入库: stock arriving at a location.
type Receipt struct {
	At           time.Time
	LocationID   int64
	Source       string // 上级调拨, 采购 or 社会捐赠
	Donor        string // for 社会捐赠
	DonorContact string
	Handler      string
	Note         string
	Lines        []Line
}

// Issue is 出库: stock handed out from a location to a post, site or
// person, who signs for it.
type Issue struct {
	At         time.Time
	LocationID int64
	Recipient  string
	Receiver   string
	Handler    string
	Note       string
	Lines      []Line
}

// Transfer is 调拨: stock moved from one location to another, both sides
// in one transaction.
type Transfer struct {
	At      time.Time
	FromID  int64
	ToID    int64
	Handler string
	Note    string
	Lines   []Line
}

// WriteOff is 报损: stock lost to expiry, damage or loss.
type WriteOff struct {
	At         time.Time
	LocationID int64
	Reason     string
	Handler    string
	Note       string
	Lines      []Line
}

// Count is 盘点: the quantity counted of one item (one batch) at a location.
type Count struct {
	At         time.Time
	LocationID int64
	ItemID     int64
	Batch      string
	Counted    int
	Reason     string // why the count differs from the books
	Handler    string
}

// StockError is a movement that would take stock below zero; it carries
// what there is, for the message.
type StockError struct {
	Item     Item
	Location string
	OnHand   int
	Wanted   int
}

func (e *StockError) Error() string {
	return fmt.Sprintf("%s at %s: %d on hand, %d wanted", e.Item.Label(), e.Location, e.OnHand, e.Wanted)
}
func (e *StockError) Unwrap() error { return ErrInsufficientStock }

var voucherPrefix = map[MoveKind]string{MoveReceipt: "RK", MoveIssue: "CK", MoveTransfer: "DB", MoveStocktake: "PD", MoveWriteOff: "BS", MoveReversal: "CZ"}

// checkLines checks the items and quantities of a movement.
func checkLines(lines []Line) error {
	if len(lines) == 0 {
		return &FieldError{Field: "lines", Err: ErrNoLines}
	}
	for _, l := range lines {
		if l.ItemID == 0 {
			return &FieldError{Field: "item", Err: ErrNotFound}
		}
		if l.Quantity <= 0 || l.Quantity > maxQuantity {
			return &FieldError{Field: "quantity", Err: ErrBadNumber}
		}
	}
	return nil
}

func checkPerson(field, s string) (string, error) {
	s = clean(s)
	if s == "" {
		return s, nil
	}
	return s, checkName(field, s)
}

// record writes a movement's lines in one transaction under a new voucher
// number, keeping the balances; a line that would take stock below zero
// refuses the whole movement.
func (db *DB) record(ctx context.Context, action Action, kind MoveKind, at time.Time, build func(tx *sql.Tx) ([]Move, error)) (string, error) {
	if at.IsZero() {
		at = db.now()
	}
	var voucher string
	err := db.write(ctx, string(action), func(tx *sql.Tx) error {
		moves, err := build(tx)
		if err != nil {
			return err
		}
		if len(moves) == 0 {
			voucher = ""
			return nil
		}
		prefix := voucherPrefix[kind] + at.Format("20060102") + "-"
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(DISTINCT voucher) FROM stock_moves WHERE voucher >= ? AND voucher < ?",
			prefix, prefix+"\xff").Scan(&n); err != nil {
			return err
		}
		voucher = fmt.Sprintf("%s%03d", prefix, n+1)
		operator := OperatorFrom(ctx).Name
		for _, m := range moves {
			m.At, m.Voucher, m.Operator = at, voucher, operator
			if m.Kind == "" {
				m.Kind = kind
			}
			if err := db.applyMove(ctx, tx, m); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, action, "stock_moves", 0, nil, map[string]any{"Voucher": voucher, "Lines": moves})
	})
	return voucher, err
}

// applyMove appends one line and moves its balance, refusing to go below
// zero with what there is.
func (db *DB) applyMove(ctx context.Context, tx *sql.Tx, m Move) error {
	var onHand int
	err := tx.QueryRowContext(ctx, "SELECT on_hand FROM stock WHERE item_id = ? AND location_id = ? AND batch = ?",
		m.ItemID, m.LocationID, m.Batch).Scan(&onHand)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if onHand+m.Quantity < 0 {
		return db.stockError(ctx, tx, m.ItemID, m.LocationID, onHand, -m.Quantity)
	}
	var expires any
	if !m.ExpiresOn.IsZero() {
		expires = formatDate(m.ExpiresOn)
	}
	var reverses any
	if m.Reverses != 0 {
		reverses = m.Reverses
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO stock_moves (at, kind, item_id, location_id, quantity, batch, expires_on,
		source, donor, donor_contact, recipient, receiver, reason, handler, note, voucher, reverses, operator, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		formatTime(m.At), string(m.Kind), m.ItemID, m.LocationID, m.Quantity, m.Batch, expires, m.Source, m.Donor, m.DonorContact,
		m.Recipient, m.Receiver, m.Reason, m.Handler, m.Note, m.Voucher, reverses, m.Operator, formatTime(db.now())); err != nil {
		return foreignKeyAsNotFound(err)
	}
	// Not an upsert: SQLite checks on_hand >= 0 on the row it would insert
	// before it finds the conflict, so a negative line needs the UPDATE.
	res, err := tx.ExecContext(ctx, "UPDATE stock SET on_hand = on_hand + ? WHERE item_id = ? AND location_id = ? AND batch = ?",
		m.Quantity, m.ItemID, m.LocationID, m.Batch)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO stock (item_id, location_id, batch, expires_on, on_hand) VALUES (?, ?, ?, ?, ?)",
		m.ItemID, m.LocationID, m.Batch, expires, m.Quantity)
	return err
}

func (db *DB) stockError(ctx context.Context, tx *sql.Tx, itemID, locationID int64, onHand, wanted int) error {
	it, err := itemByID(ctx, tx, itemID)
	if err != nil {
		return err
	}
	e := &StockError{Item: it, OnHand: onHand, Wanted: wanted}
	if err := tx.QueryRowContext(ctx, "SELECT name FROM locations WHERE id = ?", locationID).Scan(&e.Location); err != nil {
		return foreignKeyAsNotFound(err)
	}
	return e
}

func foreignKeyAsNotFound(err error) error {
	if err != nil && (errors.Is(err, sql.ErrNoRows) || strings.Contains(err.Error(), "FOREIGN KEY")) {
		return fmt.Errorf("%w: %v", ErrNotFound, err)
	}
	return err
}

// takeOut turns lines leaving a location into ledger lines per batch: the
// batch asked for, or the batches that expire first. Too little in all is
// a StockError with the total on hand.
func (db *DB) takeOut(ctx context.Context, tx *sql.Tx, locationID int64, lines []Line, m Move) ([]Move, error) {
	var out []Move
	for _, l := range lines {
		type lot struct {
			batch, expires string
			onHand         int
		}
		lots, err := queryTx(ctx, tx, func(row scanner) (lot, error) {
			var x lot
			err := row.Scan(&x.batch, &x.expires, &x.onHand)
			return x, err
		}, `SELECT batch, coalesce(expires_on, ''), on_hand FROM stock
			WHERE item_id = ? AND location_id = ? AND on_hand > 0 AND (? = '' OR batch = ?)
			ORDER BY expires_on IS NULL, expires_on, batch`, l.ItemID, locationID, l.Batch, l.Batch)
		if err != nil {
			return nil, err
		}
		total := 0
		for _, x := range lots {
			total += x.onHand
		}
		if total < l.Quantity {
			return nil, db.stockError(ctx, tx, l.ItemID, locationID, total, l.Quantity)
		}
		left := l.Quantity
		for _, x := range lots {
			if left == 0 {
				break
			}
			q := min(left, x.onHand)
			left -= q
			mv := m
			mv.ItemID, mv.LocationID, mv.Quantity, mv.Batch, mv.ExpiresOn = l.ItemID, locationID, -q, x.batch, parseDate(x.expires)
			out = append(out, mv)
		}
	}
	return out, nil
}

// Receive books 入库 and returns the voucher number.
func (db *DB) Receive(ctx context.Context, r Receipt) (string, error) {
	if err := checkLines(r.Lines); err != nil {
		return "", fmt.Errorf("receive: %w", err)
	}
	if !slices.Contains(ReceiptSources, r.Source) {
		return "", fmt.Errorf("receive: %w", &FieldError{Field: "source", Err: ErrBadChoice})
	}
	r.Donor, r.Note = clean(r.Donor), clean(r.Note)
	if r.Source == "社会捐赠" {
		if err := checkText("donor", r.Donor, maxLine); err != nil || r.Donor == "" {
			return "", fmt.Errorf("receive: %w", &FieldError{Field: "donor", Err: ErrDonorRequired})
		}
		if clean(r.DonorContact) != "" {
			phone, err := NormalizePhone(r.DonorContact)
			if err != nil {
				return "", fmt.Errorf("receive: %w", &FieldError{Field: "donor_contact", Err: err})
			}
			r.DonorContact = phone
		}
	} else {
		r.Donor, r.DonorContact = "", ""
	}
	handler, err := checkPerson("handler", r.Handler)
	if err != nil {
		return "", fmt.Errorf("receive: %w", err)
	}
	if err := checkText("note", r.Note, maxNote); err != nil {
		return "", fmt.Errorf("receive: %w", err)
	}
	return db.record(ctx, ActReceiveStock, MoveReceipt, r.At, func(tx *sql.Tx) ([]Move, error) {
		var moves []Move
		for _, l := range r.Lines {
			it, err := itemByID(ctx, tx, l.ItemID)
			if err != nil {
				return nil, err
			}
			l.Batch = clean(l.Batch)
			if it.TracksExpiry && l.ExpiresOn.IsZero() {
				return nil, &FieldError{Field: "expires_on", Err: ErrExpiryRequired}
			}
			if err := checkText("batch", l.Batch, maxName); err != nil {
				return nil, err
			}
			if it.TracksExpiry && l.Batch == "" {
				l.Batch = formatDate(l.ExpiresOn) // one lot per expiry date
			}
			moves = append(moves, Move{ItemID: l.ItemID, LocationID: r.LocationID, Quantity: l.Quantity, Batch: l.Batch,
				ExpiresOn: l.ExpiresOn, Source: r.Source, Donor: r.Donor, DonorContact: r.DonorContact, Handler: handler, Note: r.Note})
		}
		return moves, nil
	})
}

// IssueStock books 出库 and returns the voucher number for the slip.
func (db *DB) IssueStock(ctx context.Context, is Issue) (string, error) {
	if err := checkLines(is.Lines); err != nil {
		return "", fmt.Errorf("issue: %w", err)
	}
	is.Recipient, is.Note = clean(is.Recipient), clean(is.Note)
	if is.Recipient == "" {
		return "", fmt.Errorf("issue: %w", &FieldError{Field: "recipient", Err: ErrRecipientRequired})
	}
	if err := checkText("recipient", is.Recipient, maxLine); err != nil {
		return "", fmt.Errorf("issue: %w", err)
	}
	receiver, err := checkPerson("receiver", is.Receiver)
	if err == nil {
		is.Handler, err = checkPerson("handler", is.Handler)
	}
	if err == nil {
		err = checkText("note", is.Note, maxNote)
	}
	if err != nil {
		return "", fmt.Errorf("issue: %w", err)
	}
	return db.record(ctx, ActIssueStock, MoveIssue, is.At, func(tx *sql.Tx) ([]Move, error) {
		return db.takeOut(ctx, tx, is.LocationID, is.Lines, Move{Recipient: is.Recipient, Receiver: receiver, Handler: is.Handler, Note: is.Note})
	})
}

// TransferStock books 调拨: out of one location and into another, batch by
// batch, in one transaction.
func (db *DB) TransferStock(ctx context.Context, t Transfer) (string, error) {
	if err := checkLines(t.Lines); err != nil {
		return "", fmt.Errorf("transfer: %w", err)
	}
	if t.FromID == t.ToID {
		return "", fmt.Errorf("transfer: %w", &FieldError{Field: "to", Err: ErrSameLocation})
	}
	handler, err := checkPerson("handler", t.Handler)
	if err == nil {
		t.Note = clean(t.Note)
		err = checkText("note", t.Note, maxNote)
	}
	if err != nil {
		return "", fmt.Errorf("transfer: %w", err)
	}
	return db.record(ctx, ActTransferStock, MoveTransfer, t.At, func(tx *sql.Tx) ([]Move, error) {
		out, err := db.takeOut(ctx, tx, t.FromID, t.Lines, Move{Handler: handler, Note: t.Note})
		if err != nil {
			return nil, err
		}
		moves := slices.Clone(out)
		for _, m := range out {
			m.LocationID, m.Quantity = t.ToID, -m.Quantity
			moves = append(moves, m)
		}
		return moves, nil
	})
}

// WriteOffStock books 报损.
func (db *DB) WriteOffStock(ctx context.Context, w WriteOff) (string, error) {
	if err := checkLines(w.Lines); err != nil {
		return "", fmt.Errorf("write off: %w", err)
	}
	if !slices.Contains(WriteOffReasons, w.Reason) {
		return "", fmt.Errorf("write off: %w", &FieldError{Field: "reason", Err: ErrBadChoice})
	}
	handler, err := checkPerson("handler", w.Handler)
	if err == nil {
		w.Note = clean(w.Note)
		err = checkText("note", w.Note, maxNote)
	}
	if err != nil {
		return "", fmt.Errorf("write off: %w", err)
	}
	return db.record(ctx, ActWriteOffStock, MoveWriteOff, w.At, func(tx *sql.Tx) ([]Move, error) {
		return db.takeOut(ctx, tx, w.LocationID, w.Lines, Move{Reason: w.Reason, Handler: handler, Note: w.Note})
	})
}

// Stocktake books 盘点: the difference between the count and the books,
// with its reason. A count that agrees books nothing and returns "".
func (db *DB) Stocktake(ctx context.Context, c Count) (string, error) {
	if c.Counted < 0 || c.Counted > maxQuantity {
		return "", fmt.Errorf("stocktake: %w", &FieldError{Field: "counted", Err: ErrBadNumber})
	}
	c.Reason, c.Batch = clean(c.Reason), clean(c.Batch)
	if err := checkText("reason", c.Reason, maxLine); err != nil {
		return "", fmt.Errorf("stocktake: %w", err)
	}
	handler, err := checkPerson("handler", c.Handler)
	if err != nil {
		return "", fmt.Errorf("stocktake: %w", err)
	}
	return db.record(ctx, ActStocktake, MoveStocktake, c.At, func(tx *sql.Tx) ([]Move, error) {
		it, err := itemByID(ctx, tx, c.ItemID)
		if err != nil {
			return nil, err
		}
		if it.TracksExpiry && c.Batch == "" {
			return nil, &FieldError{Field: "batch", Err: ErrBatchRequired}
		}
		var onHand int
		var expires string
		err = tx.QueryRowContext(ctx, "SELECT on_hand, coalesce(expires_on, '') FROM stock WHERE item_id = ? AND location_id = ? AND batch = ?",
			c.ItemID, c.LocationID, c.Batch).Scan(&onHand, &expires)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		if c.Counted == onHand {
			return nil, nil
		}
		if c.Reason == "" {
			return nil, &FieldError{Field: "reason", Err: ErrReasonRequired}
		}
		return []Move{{ItemID: c.ItemID, LocationID: c.LocationID, Quantity: c.Counted - onHand, Batch: c.Batch,
			ExpiresOn: parseDate(expires), Reason: c.Reason, Handler: handler}}, nil
	})
}

// Reverse books 冲正 for every line of a voucher: lines of the opposite
// sign that point to the ones they undo. Both stay in the history. A
// voucher is reversed once; a reversal is not itself reversed. at is when
// it is booked (zero: now), as for every movement.
func (db *DB) Reverse(ctx context.Context, voucher, reason string, at time.Time) (string, error) {
	reason, err := reasonText("reason", reason)
	if err != nil {
		return "", fmt.Errorf("reverse: %w", err)
	}
	return db.record(ctx, ActReverse, MoveReversal, at, func(tx *sql.Tx) ([]Move, error) {
		lines, err := queryTx(ctx, tx, scanMove, "SELECT "+moveColumns+" FROM stock_moves m WHERE voucher = ? ORDER BY id", voucher)
		if err == nil {
			err = markReversed(ctx, tx, lines)
		}
		if err != nil {
			return nil, err
		}
		if len(lines) == 0 {
			return nil, ErrNotFound
		}
		var moves []Move
		for _, l := range lines {
			if l.Kind == MoveReversal || l.IsReversed {
				return nil, ErrAlreadyReversed
			}
			moves = append(moves, Move{ItemID: l.ItemID, LocationID: l.LocationID, Quantity: -l.Quantity, Batch: l.Batch,
				ExpiresOn: l.ExpiresOn, Reason: reason, Reverses: l.ID, Recipient: l.Recipient, Source: l.Source, Donor: l.Donor})
		}
		// Take back first, then return: a transfer's stock leaves where it
		// went before it comes home, so no balance dips below zero midway.
		slices.SortStableFunc(moves, func(a, b Move) int { return a.Quantity - b.Quantity })
		return moves, nil
	})
}
