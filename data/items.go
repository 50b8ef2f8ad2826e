package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// ItemCategories group the catalogue.
var ItemCategories = []string{"防护用品", "消杀用品", "检测用品", "设备", "生活物资", "其他"}

// Item is one kind of material in the catalogue (物资目录).
type Item struct {
	ID           int64
	Name         string
	Spec         string
	Unit         string
	Category     string
	WarningLevel int  // 警戒线 for all locations together; 0: none
	TracksExpiry bool // receipts carry a batch and an expiry date
	Active       bool
}

// Label is the item as people name it: 医用外科口罩(10只/包).
func (it Item) Label() string {
	if it.Spec == "" {
		return it.Name
	}
	return it.Name + "(" + it.Spec + ")"
}

// StarterItems is the common catalogue offered on first use.
var StarterItems = []Item{
	{Name: "医用外科口罩", Spec: "独立包装", Unit: "只", Category: "防护用品", WarningLevel: 2000, TracksExpiry: true},
	{Name: "N95口罩", Spec: "KN95级", Unit: "只", Category: "防护用品", WarningLevel: 500, TracksExpiry: true},
	{Name: "防护服", Spec: "一次性医用", Unit: "套", Category: "防护用品", WarningLevel: 200, TracksExpiry: true},
	{Name: "护目镜", Spec: "防雾", Unit: "副", Category: "防护用品", WarningLevel: 50},
	{Name: "医用手套", Spec: "乳胶 中号", Unit: "副", Category: "防护用品", WarningLevel: 1000, TracksExpiry: true},
	{Name: "消毒液", Spec: "84消毒液 500ml", Unit: "瓶", Category: "消杀用品", WarningLevel: 100, TracksExpiry: true},
	{Name: "测温枪", Spec: "红外额温枪", Unit: "把", Category: "设备", WarningLevel: 10},
	{Name: "核酸采样管", Spec: "单采", Unit: "支", Category: "检测用品", WarningLevel: 500, TracksExpiry: true},
	{Name: "面屏", Spec: "防飞沫", Unit: "个", Category: "防护用品", WarningLevel: 100},
	{Name: "鞋套", Spec: "一次性", Unit: "双", Category: "防护用品", WarningLevel: 500},
}

func (it *Item) normalize() error {
	it.Name, it.Spec, it.Unit = clean(it.Name), clean(it.Spec), clean(it.Unit)
	if err := checkName("name", it.Name); err != nil {
		return err
	}
	if err := checkText("spec", it.Spec, maxName); err != nil {
		return err
	}
	if it.Unit == "" {
		return &FieldError{Field: "unit", Err: ErrNameRequired}
	}
	if err := checkText("unit", it.Unit, 4); err != nil {
		return err
	}
	if !slices.Contains(ItemCategories, it.Category) {
		return &FieldError{Field: "category", Err: ErrBadChoice}
	}
	if it.WarningLevel < 0 || it.WarningLevel > maxQuantity {
		return &FieldError{Field: "warning_level", Err: ErrBadNumber}
	}
	return nil
}

// SaveItem adds an item (ID 0) or changes one, and returns its ID.
func (db *DB) SaveItem(ctx context.Context, it Item) (int64, error) {
	if err := it.normalize(); err != nil {
		return 0, fmt.Errorf("save item: %w", err)
	}
	now := formatTime(db.now())
	id := it.ID
	err := db.write(ctx, "save item", func(tx *sql.Tx) error {
		var old any
		if it.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO items (name, spec, unit, category, warning_level, tracks_expiry,
				active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				it.Name, it.Spec, it.Unit, it.Category, it.WarningLevel, boolInt(it.TracksExpiry), boolInt(it.Active), now, now)
			if err != nil {
				return uniqueAsDuplicate(err)
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			prev, err := itemByID(ctx, tx, it.ID)
			if err != nil {
				return err
			}
			old = prev
			if _, err := tx.ExecContext(ctx, `UPDATE items SET name = ?, spec = ?, unit = ?, category = ?, warning_level = ?,
				tracks_expiry = ?, active = ?, updated_at = ? WHERE id = ?`, it.Name, it.Spec, it.Unit, it.Category,
				it.WarningLevel, boolInt(it.TracksExpiry), boolInt(it.Active), now, it.ID); err != nil {
				return uniqueAsDuplicate(err)
			}
		}
		it.ID = id
		if prev, ok := old.(Item); !ok || prev.WarningLevel != it.WarningLevel {
			if err := recordLevel(ctx, tx, id, 0, it.WarningLevel, now); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, ActSaveItem, "items", id, old, it)
	})
	return id, err
}

// AddStarterItems puts the common catalogue in an empty one, all at once.
func (db *DB) AddStarterItems(ctx context.Context) error {
	items, err := db.Items(ctx, true)
	if err != nil {
		return err
	}
	if len(items) > 0 {
		return fmt.Errorf("add starter items: %w", ErrDuplicate)
	}
	for _, it := range StarterItems {
		it.Active = true
		if _, err := db.SaveItem(ctx, it); err != nil {
			return err
		}
	}
	return nil
}

const itemColumns = "id, name, spec, unit, category, warning_level, tracks_expiry, active"

func scanItem(row scanner) (Item, error) {
	var it Item
	err := row.Scan(&it.ID, &it.Name, &it.Spec, &it.Unit, &it.Category, &it.WarningLevel, &it.TracksExpiry, &it.Active)
	return it, err
}

func itemByID(ctx context.Context, tx *sql.Tx, id int64) (Item, error) {
	it, err := scanItem(tx.QueryRowContext(ctx, "SELECT "+itemColumns+" FROM items WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return it, ErrNotFound
	}
	return it, err
}

// Items lists the catalogue by category and name; inactive items only if
// asked for.
func (db *DB) Items(ctx context.Context, includeInactive bool) ([]Item, error) {
	return queryAll(ctx, db, "list items", scanItem,
		"SELECT "+itemColumns+" FROM items WHERE active = 1 OR ? ORDER BY category, name, spec", includeInactive)
}

// Location is a place stock is kept.
type Location struct {
	ID   int64
	Kind string // 仓库, 卡口 or 隔离点
	Name string
}

// Locations lists every place, the stores first.
func (db *DB) Locations(ctx context.Context) ([]Location, error) {
	return queryAll(ctx, db, "list locations", func(row scanner) (Location, error) {
		var l Location
		err := row.Scan(&l.ID, &l.Kind, &l.Name)
		return l, err
	}, "SELECT id, kind, name FROM locations ORDER BY kind = '仓库' DESC, kind, name")
}

// AddStore adds a store by hand (checkpoints and sites have theirs already).
func (db *DB) AddStore(ctx context.Context, name string) (int64, error) {
	name = clean(name)
	if err := checkName("name", name); err != nil {
		return 0, fmt.Errorf("add store: %w", err)
	}
	var id int64
	err := db.write(ctx, "add store", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO locations (kind, name) VALUES ('仓库', ?)", name)
		if err != nil {
			return uniqueAsDuplicate(err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActAddStore, "locations", id, nil, name)
	})
	return id, err
}

// SetLocationWarning sets an item's warning level at one location; 0
// removes it, leaving the overall level.
func (db *DB) SetLocationWarning(ctx context.Context, itemID, locationID int64, level int) error {
	if level < 0 || level > maxQuantity {
		return fmt.Errorf("set location warning: %w", &FieldError{Field: "level", Err: ErrBadNumber})
	}
	return db.write(ctx, "set location warning", func(tx *sql.Tx) error {
		var err error
		if level == 0 {
			_, err = tx.ExecContext(ctx, "DELETE FROM location_warnings WHERE item_id = ? AND location_id = ?", itemID, locationID)
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO location_warnings (item_id, location_id, level) VALUES (?, ?, ?)
				ON CONFLICT (item_id, location_id) DO UPDATE SET level = excluded.level`, itemID, locationID, level)
		}
		if err != nil {
			return err
		}
		if err := recordLevel(ctx, tx, itemID, locationID, level, formatTime(db.now())); err != nil {
			return err
		}
		return db.audit(ctx, tx, ActSetLocationWarning, "items", itemID, nil, map[string]any{"Location": locationID, "Level": level})
	})
}

// recordLevel appends a warning level to its history, so reports for past
// days judge stock by the levels of their day.
func recordLevel(ctx context.Context, tx *sql.Tx, itemID, locationID int64, level int, at string) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO warning_levels (item_id, location_id, level, set_at) VALUES (?, ?, ?, ?)",
		itemID, locationID, level, at)
	return err
}
