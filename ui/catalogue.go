package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/say"
)

// showCatalogue lists the items (物资目录) to add and edit; an empty
// catalogue offers the common items in one tap.
func showCatalogue(w fyne.Window, a *app.App, changed func()) {
	table := newTableOf(
		col(lang.L("Item"), 150, func(it data.Item) string { return it.Name }),
		col(lang.L("Specification"), 150, func(it data.Item) string { return it.Spec }),
		col(lang.L("Unit"), 50, func(it data.Item) string { return it.Unit }),
		col(lang.L("Item category"), 90, func(it data.Item) string { return it.Category }),
		col(lang.L("Warning level"), 80, func(it data.Item) string { return strconv.Itoa(it.WarningLevel) }),
		col(lang.L("Batches and expiry"), 110, func(it data.Item) string {
			if it.TracksExpiry {
				return lang.L("Yes")
			}
			return ""
		}),
	).withFilter()
	table.mark = func(it data.Item) widget.Importance {
		if !it.Active {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	var items []data.Item
	load := func() {
		var err error
		if items, err = a.DB.Items(a.Ctx(), true); err != nil {
			showMessage(w, lang.L("Catalogue"), say.Message(err))
		}
		table.set(items)
		changed()
	}
	table.onSelect = func(it data.Item) { editItem(w, a, it, load) }
	var starter *widget.Button
	starter = widget.NewButtonWithIcon(lang.L("Add the common items"), theme.ContentAddIcon(), func() {
		if err := a.DB.AddStarterItems(a.Ctx()); err != nil {
			showMessage(w, lang.L("Catalogue"), say.Message(err))
		}
		load()
		starter.Hide()
	})
	add := widget.NewButtonWithIcon(lang.L("New item"), theme.ContentAddIcon(), func() { editItem(w, a, data.Item{Active: true}, load) })
	store := widget.NewButtonWithIcon(lang.L("New store"), theme.StorageIcon(), func() { addStore(w, a, changed) })
	d := dialog.NewCustom(lang.L("Catalogue"), lang.L("Close"),
		container.NewBorder(container.NewHBox(add, starter, store), nil, nil, nil, table.box), w)
	d.Resize(fyne.NewSize(760, 560))
	showKeyed(w, d, d.Hide)
	load()
	if len(items) > 0 {
		starter.Hide()
	}
}

// editItem adds or changes one item of the catalogue.
func editItem(w fyne.Window, a *app.App, it data.Item, saved func()) {
	name, spec, unit, level := newField(), newField(), newField(), newField()
	name.SetText(it.Name)
	spec.SetText(it.Spec)
	unit.SetText(it.Unit)
	level.SetText(strconv.Itoa(it.WarningLevel))
	category := newSelect(data.ItemCategories, nil)
	category.SetSelected(it.Category)
	tracks := widget.NewCheck(lang.L("Receipts carry a batch and an expiry date"), nil)
	tracks.SetChecked(it.TracksExpiry)
	active := widget.NewCheck(lang.L("In use"), nil)
	active.SetChecked(it.Active)
	f := newForm()
	f.add("name", lang.L("Item"), name)
	f.add("spec", lang.L("Specification"), spec)
	f.add("unit", lang.L("Unit"), unit)
	f.add("category", lang.L("Item category"), category)
	f.add("warning_level", lang.L("Warning level"), level)
	f.add("tracks_expiry", "", tracks)
	f.add("active", "", active)
	title := lang.L("New item")
	if it.ID != 0 {
		title = lang.L("Edit item")
	}
	showFormDialog(w, title, lang.L("Save"), f, func() error {
		n, err := wholeNumber("warning_level", level.Text)
		if err != nil {
			return err
		}
		it.Name, it.Spec, it.Unit, it.Category, it.WarningLevel, it.TracksExpiry, it.Active =
			name.Text, spec.Text, unit.Text, category.Selected, n, tracks.Checked, active.Checked
		if _, err := a.DB.SaveItem(a.Ctx(), it); err != nil {
			return err
		}
		saved()
		return nil
	})
}

// addStore adds a store beside the command post's (checkpoints and sites
// have theirs already).
func addStore(w fyne.Window, a *app.App, done func()) {
	name := newField()
	name.SetPlaceHolder(lang.L("e.g. 河湾村物资储备点"))
	f := newForm()
	f.add("name", lang.L("Store name"), name)
	showFormDialog(w, lang.L("New store"), lang.L("Save"), f, func() error {
		if _, err := a.DB.AddStore(a.Ctx(), name.Text); err != nil {
			return err
		}
		done()
		return nil
	})
}
