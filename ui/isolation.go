package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/data"
	"fangkong/reports"
	"fangkong/say"
)

// isolation is 隔离点: one site at a time, its room board, its guests and
// what is due there.
type isolation struct {
	win   fyne.Window
	app   *app.App
	sites []data.Site
	site  data.Site // the site shown; ID 0 when there is none yet

	picker  *widget.Select
	counts  *widget.Label
	asOf    *textField // a past date to show the board as it was; empty for now
	board   *fyne.Container
	tabs    *container.AppTabs
	guests  *guestList
	due     *dueList
	editBtn *widget.Button
	roomBtn *widget.Button
	outBtns []*widget.Button // print and export: need a site
	checkIn *checkInForm     // the check-in form open now, kept as a draft
	box     fyne.CanvasObject
}

func newIsolation(w fyne.Window, a *app.App) *isolation {
	s := &isolation{win: w, app: a}
	s.picker = newSelect(nil, func(name string) {
		for _, site := range s.sites {
			if site.Name == name && site.ID != s.site.ID {
				s.site = site
				s.refresh()
			}
		}
	})
	s.picker.PlaceHolder = lang.L("(No isolation site yet)")
	s.counts = widget.NewLabel("")
	s.counts.Truncation = fyne.TextTruncateEllipsis
	s.asOf = newDateField(a.Now, s.showBoard)
	s.asOf.SetPlaceHolder(lang.L("Date, e.g. 2026-11-03"))
	s.asOf.OnSubmitted = func(string) { s.showBoard() }
	history := container.NewHBox(widget.NewLabel(lang.L("Board on")),
		container.NewGridWrap(fyne.NewSize(200, 36), s.asOf),
		widget.NewButton(lang.L("Show"), s.showBoard),
		widget.NewButton(lang.L("Back to now"), func() { s.asOf.SetText(""); s.showBoard() }))
	s.board = container.NewVBox()
	s.guests = newGuestList(w, a, s.refresh)
	s.due = newDueList(w, a, s.openDue)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Room board"), container.NewVScroll(s.board)),
		container.NewTabItem(lang.L("Guests"), s.guests.box),
		container.NewTabItem(lang.L("To do"), s.due.box),
	)
	s.editBtn = widget.NewButtonWithIcon(lang.L("Edit site"), theme.DocumentCreateIcon(), func() { s.editSite(s.site) })
	s.roomBtn = widget.NewButtonWithIcon(lang.L("Add rooms"), theme.ContentAddIcon(), s.addRooms)
	s.outBtns = []*widget.Button{
		widget.NewButtonWithIcon(lang.L("Temperature round"), theme.ListIcon(), func() { showFloorTemps(s.win, s.app, s.site, s.refresh) }),
		widget.NewButtonWithIcon(lang.L("Print roster"), theme.DocumentPrintIcon(), s.printRoster),
		widget.NewButtonWithIcon(lang.L("Export Excel"), theme.DownloadIcon(), s.exportXLSX),
	}
	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewLabel(lang.L("Isolation site")+":"), container.NewGridWrap(fyne.NewSize(260, 36), s.picker)),
		container.NewHBox(
			widget.NewButtonWithIcon(lang.L("New site"), theme.ContentAddIcon(), func() { s.editSite(data.Site{}) }),
			s.editBtn, s.roomBtn, s.outBtns[0], s.outBtns[1], s.outBtns[2]),
		nil)
	s.box = container.NewBorder(container.NewVBox(toolbar, container.NewBorder(nil, nil, nil, history, s.counts)),
		nil, nil, nil, s.tabs)
	return s
}

func (s *isolation) content() fyne.CanvasObject { return s.box }

// refresh reloads the sites, and the board, guests and due list of the
// site shown.
// showTab shows the room board (0), the people (1, those in isolation)
// or 待办 (2).
func (s *isolation) showTab(i int) {
	if i == 1 {
		s.guests.status.SetSelectedIndex(0)
	}
	s.tabs.SelectIndex(i)
}

func (s *isolation) refresh() {
	ctx := s.app.Ctx()
	sites, err := s.app.DB.Sites(ctx)
	if err != nil {
		showMessage(s.win, lang.L("Isolation sites"), say.Message(err))
		return
	}
	s.sites = sites
	s.site = choose(s.picker, sites, s.site,
		func(site data.Site) int64 { return site.ID }, func(site data.Site) string { return site.Name })
	if s.site.ID != 0 {
		for _, b := range append([]*widget.Button{s.editBtn, s.roomBtn}, s.outBtns...) {
			b.Enable()
		}
	} else {
		for _, b := range append([]*widget.Button{s.editBtn, s.roomBtn}, s.outBtns...) {
			b.Disable()
		}
	}
	s.showBoard()
	s.guests.show(s.site.ID)
	s.due.show(s.site.ID)
}

// showBoard draws every room of the site as a tile, a row of tiles per
// building and floor, with the counts per state above.
func (s *isolation) showBoard() {
	s.board.Objects = nil
	if s.site.ID == 0 {
		s.counts.SetText("")
		s.board.Add(widget.NewLabel(lang.L("Add an isolation site with 新增隔离点, then its rooms with 添加房间.")))
		s.board.Refresh()
		return
	}
	// The live board, or the board at noon of a past date: who was in which
	// room then, answered from the stays. A past board is read-only.
	now, onTap := s.app.Now(), s.openRoom
	if strings.TrimSpace(s.asOf.Text) != "" {
		day, err := data.ParseDay(s.asOf.Text)
		if err != nil || day.After(now) {
			showMessage(s.win, lang.L("Board on"), lang.L("Please enter a past date such as 2026-11-03."))
			return
		}
		now, onTap = day.Add(12*time.Hour), nil
	}
	rooms, err := s.app.DB.RoomBoard(s.app.Ctx(), s.site.ID, now)
	if err != nil {
		showMessage(s.win, lang.L("Isolation sites"), say.Message(err))
		return
	}
	counts := map[data.RoomState]int{}
	guests := 0
	var row *fyne.Container
	lastBuilding, lastFloor := "", -999
	for _, r := range rooms {
		counts[r.State]++
		guests += len(r.Occupants)
		if row == nil || r.Building != lastBuilding || r.Floor != lastFloor {
			lastBuilding, lastFloor = r.Building, r.Floor
			s.board.Add(widget.NewLabelWithStyle(
				lang.L("{{.Building}} floor {{.Floor}}", map[string]any{"Building": r.Building, "Floor": r.Floor}),
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
			row = container.NewGridWrap(tileSize)
			s.board.Add(row)
		}
		row.Add(newRoomTile(r, now, onTap))
	}
	if len(rooms) == 0 {
		s.board.Add(widget.NewLabel(lang.L("This site has no rooms yet: add them with 添加房间.")))
	}
	parts := []string{lang.L("{{.N}} rooms", map[string]any{"N": len(rooms)})}
	if onTap == nil {
		parts[0] = lang.L("On {{.Date}} at noon:", map[string]any{"Date": now.Format("2006年1月2日")}) + " " + parts[0]
	}
	for _, st := range data.RoomStates {
		parts = append(parts, string(st)+" "+strconv.Itoa(counts[st]))
	}
	parts = append(parts, lang.L("{{.N}} in isolation", map[string]any{"N": guests}))
	s.counts.SetText(strings.Join(parts, "   "))
	s.board.Refresh()
}

// editSite adds or edits a site.
func (s *isolation) editSite(site data.Site) {
	name, address, manager, phone := newField(), newField(), newField(), newField()
	name.SetText(site.Name)
	address.SetText(site.Address)
	manager.SetText(site.Manager)
	phone.SetText(site.Phone)
	duty := newField()
	duty.SetText(strconv.Itoa(site.DutyStaff))
	f := newForm()
	f.add("name", lang.L("Site name"), name)
	f.add("address", lang.L("Address"), address)
	f.add("manager", lang.L("Manager"), manager)
	f.add("phone", lang.L("Phone"), phone)
	f.add("duty_staff", lang.L("Duty staff per shift (0: not rostered)"), duty)
	title := lang.L("New site")
	if site.ID != 0 {
		title = lang.L("Edit site")
	}
	showFormDialog(s.win, title, lang.L("Save"), f, func() error {
		n, err := wholeNumber("duty_staff", duty.Text)
		if err != nil {
			return err
		}
		id, err := s.app.DB.SaveSite(s.app.Ctx(), data.Site{ID: site.ID, Name: name.Text,
			Address: address.Text, Manager: manager.Text, Phone: phone.Text, DutyStaff: n})
		if err != nil {
			return err
		}
		s.site = data.Site{ID: id}
		s.refresh()
		return nil
	})
}

// addRooms adds rooms in bulk: a building, a range of floors and a range of
// room numbers per floor.
func (s *isolation) addRooms() {
	building := newField()
	building.SetPlaceHolder(lang.L("e.g. 3号楼"))
	fromFloor, toFloor := newField(), newField()
	fromNo, toNo := newField(), newField()
	capacity := newField()
	fromFloor.SetText("1")
	toFloor.SetText("1")
	fromNo.SetText("1")
	toNo.SetText("10")
	capacity.SetText("1")
	preview := widget.NewLabel("")
	batch := func() (data.RoomBatch, error) {
		nums := make([]int, 5)
		for i, e := range []*textField{fromFloor, toFloor, fromNo, toNo, capacity} {
			n, err := wholeNumber([]string{"floors", "floors", "numbers", "numbers", "capacity"}[i], e.Text)
			if err != nil {
				return data.RoomBatch{}, err
			}
			nums[i] = n
		}
		return data.RoomBatch{SiteID: s.site.ID, Building: building.Text, FromFloor: nums[0], ToFloor: nums[1],
			FromNo: nums[2], ToNo: nums[3], Capacity: nums[4]}, nil
	}
	update := func(string) {
		b, err := batch()
		if err != nil {
			preview.SetText("")
			return
		}
		if rooms, err := b.Rooms(); err == nil {
			preview.SetText(lang.L("{{.N}} rooms: {{.First}} to {{.Last}}",
				map[string]any{"N": len(rooms), "First": rooms[0].Label(), "Last": rooms[len(rooms)-1].Label()}))
		} else {
			preview.SetText("")
		}
	}
	for _, e := range []*textField{building, fromFloor, toFloor, fromNo, toNo, capacity} {
		e.OnChanged = update
	}
	f := newForm()
	f.add("building", lang.L("Building"), building)
	f.add("floors", lang.L("Floors"), container.NewGridWithColumns(3, fromFloor, widget.NewLabel(lang.L("to (floor)")), toFloor))
	f.add("numbers", lang.L("Rooms per floor"), container.NewGridWithColumns(3, fromNo, widget.NewLabel(lang.L("to (number)")), toNo))
	f.add("capacity", lang.L("Beds per room"), capacity)
	f.add("preview", lang.L("Will add"), preview)
	update("")
	showFormDialog(s.win, lang.L("Add rooms")+" — "+s.site.Name, lang.L("Add"), f, func() error {
		b, err := batch()
		if err != nil {
			return err
		}
		rooms, err := b.Rooms()
		if err != nil {
			return err
		}
		if err := s.app.DB.AddRooms(s.app.Ctx(), rooms); err != nil {
			return err
		}
		s.refresh()
		return nil
	})
}

// openDue opens what a 待办 item is about.
func (s *isolation) openDue(it data.DueItem) {
	if it.GuestID != 0 {
		showGuest(s.win, s.app, it.GuestID, s.refresh)
		return
	}
	rooms, err := s.app.DB.RoomBoard(s.app.Ctx(), it.SiteID, s.app.Now())
	if err != nil {
		showMessage(s.win, lang.L("Isolation sites"), say.Message(err))
		return
	}
	for _, r := range rooms {
		if r.ID == it.RoomID {
			s.openRoom(r)
		}
	}
}

// printRoster prints the people now in isolation at the site.
func (s *isolation) printRoster() {
	title := lang.L("Print roster")
	askPersonal(s.win, s.app, title, func(p reports.Personal) {
		site := s.site.ID
		printing(s.win, title, func() (string, error) { return s.app.PrintSiteRoster(s.app.Ctx(), site, p) })
	})
}

// exportXLSX writes the site's guests, tests and temperatures to a workbook.
func (s *isolation) exportXLSX() {
	title := lang.L("Export Excel")
	askPersonal(s.win, s.app, title, func(p reports.Personal) {
		site := s.site.ID
		exporting(s.win, title, func() (string, error) { return s.app.ExportSite(s.app.Ctx(), site, p) })
	})
}
