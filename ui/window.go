// Package ui is what the clerk sees: the Fyne window, its screens and the
// command line. It calls app and data through plain structs, never SQL.
package ui

import (
	"context"
	"errors"
	"flag"
	"io"
	"log"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"fangkong/app"
	"fangkong/assets"
	"fangkong/data"
	"fangkong/say"
)

// page is one screen reachable from the navigation.
type page interface {
	content() fyne.CanvasObject
	// refresh reloads what the screen shows from the database.
	refresh()
}

// submitter pages save a form: Ctrl+S saves it with the cursor anywhere.
type submitter interface {
	submit()
}

// focuser pages start the keyboard somewhere other than their first field.
type focuser interface {
	firstField() fyne.Focusable
}

// guarded pages hold typed input that leaving would lose.
type guarded interface {
	unsaved() bool
	discard()
}

// The soft limits of Go's memory: tight while the window is built, with
// collection off, so that the heap stops short of what Go would otherwise
// let it reach; looser once it is up, well above what the screens keep
// (about 52 MB after visiting all of them on a year of data), because a
// limit near that makes Go collect without pause, and typing lags.
const (
	startMemoryLimit = 64 << 20
	memoryLimit      = 96 << 20
)

// exitNoWindow is the exit code when no window could be shown.
const exitNoWindow = 3

// Run opens the database named by args (or the default one) and shows the
// main window until it is closed. It returns the process exit code.
//
// Without a usable OpenGL (no graphics driver, a VM, remote desktop) Fyne
// either panics or quits before the window appears; either way the clerk is
// told why in a message box instead of the program silently vanishing.
func Run(fa fyne.App, args []string) (code int) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("no window: %v", r)
			alert(lang.L("AppName"), lang.L("NoGraphics"))
			code = exitNoWindow
		}
	}()
	fa.Settings().SetTheme(newTheme())
	fa.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	firstFrame, atEnd := recordTiming()
	defer atEnd()
	// What the window keeps is 35-52 MB, 16 MB of it the font parsed twice
	// (regular and bold); left alone, Go lets its heap grow to twice that
	// between collections. Nearer the limit it collects sooner instead.
	limits := os.Getenv("GOMEMLIMIT") == ""
	if limits {
		debug.SetMemoryLimit(startMemoryLimit)
	}

	fs := flag.NewFlagSet("fangkong", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "")
	if err := fs.Parse(args); err != nil {
		return showFatal(fa, lang.L("Unknown option; start the program without options, or with --db and a database file."))
	}
	path := *dbPath
	if path == "" {
		var err error
		if path, _, err = app.DefaultDBPath(); err != nil {
			return showFatal(fa, say.Message(err))
		}
	}
	a, err := app.Open(context.Background(), path, time.Now)
	if err != nil {
		return showFatal(fa, say.Message(err)+"\n"+path)
	}
	defer a.Close()
	if err := a.Lock(); err != nil {
		return showFatal(fa, say.Message(err)+"\n"+path)
	}
	// No collection until the first frame: building the window allocates
	// some 60 MB (the font parsed twice among it), and the collections Go
	// would make on the way took a tenth of the time to the first frame.
	// The soft memory limit for the start still holds.
	gcPercent := debug.SetGCPercent(-1)

	w := fa.NewWindow(lang.L("AppName"))
	s := newShell(w, a)
	w.SetContent(newActivityWatcher(s.root, func() { s.lastActivity = a.Now() }))
	focusFirst(w.Canvas())
	s.watchIdle()
	w.Resize(fyne.NewSize(1200, 760))
	w.SetMaster()
	closed := false
	w.SetOnClosed(func() { closed = true })
	w.SetCloseIntercept(s.close)
	// The check reads the whole file: once the window is up, so that it
	// does not hold up the first frame.
	fa.Lifecycle().SetOnStarted(func() {
		firstFrame()
		debug.SetGCPercent(gcPercent)
		if limits {
			debug.SetMemoryLimit(memoryLimit)
		}
		close(windowShown)
		go s.checkAndBackUp()
	})
	stopDrafts := s.keepDrafts()
	defer stopDrafts()
	onEndSession(func() {
		// Windows ends the process once this returns: keep what is typed,
		// close the database, and leave as a clean exit.
		fyne.DoAndWait(func() { s.saveDrafts(map[string]map[string]string{}) })
		stopDrafts()
		a.Close()
		os.Exit(0)
	})
	// Fyne ends its loop on SIGINT and SIGTERM (and so a Windows shutdown
	// or logoff): that is leaving, not a missing graphics driver. The
	// database is closed on the way out.
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(stop)
	w.ShowAndRun()
	select {
	case <-stop:
		return 0
	default:
	}
	if !closed {
		alert(lang.L("AppName"), lang.L("NoGraphics"))
		return exitNoWindow
	}
	return 0
}

// showFatal shows why the program can't start, and waits for it to be read.
func showFatal(fa fyne.App, msg string) int {
	w := fa.NewWindow(lang.L("AppName"))
	label := widget.NewLabel(msg)
	label.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil,
		container.NewCenter(widget.NewButton(lang.L("Quit"), fa.Quit)), nil, nil,
		container.NewPadded(label)))
	w.Resize(fyne.NewSize(520, 200))
	w.ShowAndRun()
	return 1
}

// shell is the main window: navigation on the left, one screen at a time.
type shell struct {
	win      fyne.Window
	app      *app.App
	root     *fyne.Container
	body     *fyne.Container
	nav      *widget.List
	status   *widget.Label
	operator *widget.Label
	switchOp *widget.Button
	entries  []navEntry

	lastActivity time.Time // the last key or mouse movement, for the idle lock
	locked       bool
	current      int
}

type navEntry struct {
	title string
	icon  fyne.Resource
	make  func() page // builds the screen the first time it is shown
	page  page        // nil until then
}

// lazily makes a screen once, when first asked for: start-up builds only
// the one shown first.
func lazily[T page](make func() T) func() T {
	var p T
	made := false
	return func() T {
		if !made {
			p, made = make(), true
		}
		return p
	}
}

// pageAt is screen i, built if it was not yet.
func (s *shell) pageAt(i int) page {
	e := &s.entries[i]
	if e.page == nil {
		e.page = e.make()
	}
	return e.page
}

func newShell(w fyne.Window, a *app.App) *shell {
	s := &shell{win: w, app: a, body: container.NewStack(), current: -1}
	s.status = widget.NewLabel(lang.L("Database:") + a.DB.Path())
	s.status.Truncation = fyne.TextTruncateEllipsis
	s.operator = widget.NewLabel("")
	s.root = container.NewStack()
	s.installKeys()

	post, err := a.DB.PostInfo(s.app.Ctx())
	if err != nil {
		s.root.Objects = []fyne.CanvasObject{widget.NewLabel(say.Message(err))}
		return s
	}
	if !post.Complete() {
		s.root.Objects = []fyne.CanvasObject{newSetup(a, w, func(p data.PostInfo) { s.showMain(p) }).content()}
		return s
	}
	s.signInThen(func() { s.showMain(post) })
	return s
}

// installKeys makes Esc and Enter answer the dialog on top, and Ctrl+S
// save the screen's form, wherever the cursor is.
func (s *shell) installKeys() {
	c := s.win.Canvas()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) { dialogKey(s.win, k) })
	windowKeys[c] = s.shortcut
	for _, k := range "123456789S" {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyName(k), Modifier: fyne.KeyModifierShortcutDefault}, s.shortcut)
	}
}

// shortcut is Ctrl+1…9 (show that screen) and Ctrl+S (save the screen's
// form); a dialog open is answered first.
func (s *shell) shortcut(sc fyne.Shortcut) {
	cs, ok := sc.(*desktop.CustomShortcut)
	if !ok || dialogOpen(s.win) || s.nav == nil {
		return
	}
	if cs.KeyName == fyne.KeyS {
		if s.current < 0 {
			return
		}
		if f, ok := s.entries[s.current].page.(submitter); ok {
			f.submit()
		}
		return
	}
	if n := int(cs.KeyName[0] - '1'); n < len(s.entries) {
		s.nav.Select(n)
	}
}

// signInThen asks who is at the keyboard, once operators exist, and then
// runs next. Before any operator is set up the program is open to all, so a
// fresh installation can be used at once.
func (s *shell) signInThen(next func()) {
	ops, err := s.app.DB.Operators(s.app.Ctx())
	if err != nil {
		s.root.Objects = []fyne.CanvasObject{widget.NewLabel(say.Message(err))}
		s.root.Refresh()
		return
	}
	if len(ops) == 0 {
		next()
		return
	}
	s.root.Objects = []fyne.CanvasObject{newSignIn(s.app, ops, func(data.Operator) { next() }).content()}
	s.root.Refresh()
	focusFirst(s.win.Canvas())
}

// switchOperator returns to the sign-in screen, asking first if a form
// holds unsaved input.
func (s *shell) switchOperator() {
	leave := func() {
		s.app.SignIn(data.Operator{})
		root := s.root.Objects
		s.signInThen(func() {
			s.root.Objects = root
			s.root.Refresh()
			s.showStatus()
			if s.current >= 0 {
				s.entries[s.current].page.refresh()
			}
		})
	}
	if g := s.unsaved(); g != nil {
		askDiscard(s.win, lang.L("The form has changes that are not saved. Discard them?"), func() { g.discard(); leave() }, nil)
		return
	}
	leave()
}

// unsaved is the screen shown when it holds typed input that leaving it
// would lose; nil otherwise.
func (s *shell) unsaved() guarded {
	if s.current < 0 {
		return nil
	}
	if g, ok := s.entries[s.current].page.(guarded); ok && g.unsaved() {
		return g
	}
	return nil
}

// askDiscard asks question before typed input is lost: yes runs if the
// clerk agrees, no (when not nil) if not.
func askDiscard(w fyne.Window, question string, yes, no func()) {
	confirmLoss(w, lang.L("Unsaved changes"), question, func(discard bool) {
		switch {
		case discard:
			yes()
		case no != nil:
			no()
		}
	})
}

// showStatus says who is signed in; switching is offered once operators
// exist (the first one may just have been added in 设置).
func (s *shell) showStatus() {
	name := s.app.Operator().Name
	if name == "" {
		name = lang.L("(no operators set up)")
	}
	s.operator.SetText(lang.L("Operator:") + name)
	if ops, err := s.app.DB.Operators(s.app.Ctx()); err == nil && len(ops) > 0 {
		s.switchOp.Show()
	} else {
		s.switchOp.Hide()
	}
}

// showMain builds the navigation and opens 总览.
func (s *shell) showMain(post data.PostInfo) {
	s.setTitle(post)
	mode, err := s.app.DB.Mode(s.app.Ctx())
	if err != nil {
		s.root.Objects = []fyne.CanvasObject{widget.NewLabel(say.Message(err))}
		s.root.Refresh()
		return
	}
	w, a := s.win, s.app
	settings := lazily(func() *settings {
		return newSettings(w, a, mode, s.setTitle, func() {
			if p, err := a.DB.PostInfo(a.Ctx()); err == nil {
				s.showMain(p)
			}
		})
	})
	isolation := lazily(func() *isolation { return newIsolation(w, a) })
	cases := lazily(func() *casesScreen {
		return newCases(w, a, func(r data.Room) *checkInForm { return isolation().openCheckIn(r) })
	})
	checkpoints := lazily(func() *checkpoints { return newCheckpoints(w, a) })
	materials := lazily(func() *materials { return newMaterials(w, a) })
	duty := lazily(func() *duty { return newDuty(w, a, func(c data.Case) { cases().open(c) }) })
	reports := lazily(func() *dailyReports { return newDailyReports(w, a) })
	overview := lazily(func() *overview {
		return newOverview(w, a, destinations{
			guests:     func() { s.goTo(isolation(), func() { isolation().showTab(1) }) },
			board:      func() { s.goTo(isolation(), func() { isolation().showTab(0) }) },
			due:        func() { s.goTo(isolation(), func() { isolation().showTab(2) }) },
			passages:   func() { s.goTo(checkpoints(), checkpoints().showTodayTotals) },
			stock:      func() { s.goTo(materials(), func() { materials().tabs.SelectIndex(0) }) },
			cases:      func() { s.goTo(cases(), func() { cases().span.SetSelectedIndex(0) }) },
			casesToday: func() { s.goTo(cases(), func() { cases().span.SetSelectedIndex(1) }) },
			openCase:   func(id int64) { s.goTo(cases(), func() { cases().span.SetSelectedIndex(0); cases().show(id) }) },
			roster:     func() { s.goTo(duty(), func() { duty().tabs.SelectIndex(0) }) },
			report:     func() { s.goTo(reports(), nil) },
		})
	})
	entry := func(title string, icon fyne.Resource, make func() page) navEntry {
		return navEntry{title: title, icon: icon, make: make}
	}
	s.entries = []navEntry{
		entry(lang.L("Overview"), theme.HomeIcon(), func() page { return overview() }),
		entry(lang.L("Checkpoints"), theme.NavigateNextIcon(), func() page { return checkpoints() }),
		entry(lang.L("Isolation sites"), theme.StorageIcon(), func() page { return isolation() }),
		entry(lang.L("Materials"), theme.ListIcon(), func() page { return materials() }),
		entry(lang.L("Duty"), theme.HistoryIcon(), func() page { return duty() }),
		entry(lang.L("Staff"), theme.AccountIcon(), func() page { return newStaffScreen(w, a) }),
		entry(lang.L("Reports"), theme.DocumentPrintIcon(), func() page { return reports() }),
		entry(lang.L("Abnormal cases"), theme.WarningIcon(), func() page { return cases() }),
		entry(lang.L("Settings"), theme.SettingsIcon(), func() page { return settings() }),
	}
	if mode == data.CountyMode {
		// 县级汇总: the townships' reports, not ledgers of its own.
		s.entries = []navEntry{
			entry(lang.L("Overview"), theme.HomeIcon(), func() page { return newCountyOverview(w, a) }),
			entry(lang.L("Reporting"), theme.MailComposeIcon(), func() page { return newReporting(w, a) }),
			entry(lang.L("Townships"), theme.AccountIcon(), func() page { return newTownships(w, a) }),
			entry(lang.L("County report"), theme.DocumentPrintIcon(), func() page { return newCountyReports(w, a) }),
			entry(lang.L("Settings"), theme.SettingsIcon(), func() page { return settings() }),
		}
	}
	s.current = -1
	s.nav = widget.NewList(
		func() int { return len(s.entries) },
		func() fyne.CanvasObject {
			key := widget.NewLabel("Ctrl+0")
			key.Importance = widget.LowImportance
			// The longest name sizes the list, which sizes the navigation.
			return container.NewBorder(nil, nil, widget.NewIcon(nil), key, widget.NewLabel(lang.L("Isolation sites")))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(s.entries[id].title)
			c.Objects[1].(*widget.Icon).SetResource(s.entries[id].icon)
			c.Objects[2].(*widget.Label).SetText("Ctrl+" + string(rune('1'+id)))
		})
	s.nav.OnSelected = func(id widget.ListItemID) { s.show(id) }
	// The navigation keeps its width whatever a screen's toolbar asks for.
	nav := container.NewBorder(nil, nil, nil, widget.NewSeparator(), s.nav)
	s.switchOp = widget.NewButtonWithIcon(lang.L("Switch operator"), theme.AccountIcon(), s.switchOperator)
	s.switchOp.Importance = widget.LowImportance
	status := container.NewBorder(nil, nil, nil, container.NewHBox(s.operator, s.switchOp), s.status)
	s.showStatus()
	s.root.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nav, nil,
		container.NewBorder(nil, status, nil, nil, s.body))}
	s.root.Refresh()
	s.nav.Select(0)
	s.offerDrafts()
}

// show switches to screen id, asking first if the current one has typed
// input that would be lost.
func (s *shell) show(id int) {
	if id == s.current {
		return
	}
	if g := s.unsaved(); g != nil {
		back := s.current
		askDiscard(s.win, lang.L("The form has changes that are not saved. Discard them?"), func() {
			g.discard()
			s.current = -1
			s.nav.Select(id)
			s.show(id)
		}, func() { s.nav.Select(back) })
		return
	}
	s.current = id
	s.showStatus()
	p := s.pageAt(id)
	p.refresh()
	s.body.Objects = []fyne.CanvasObject{p.content()}
	s.body.Refresh()
	if f, ok := p.(focuser); ok {
		s.win.Canvas().Focus(f.firstField())
		return
	}
	focusFirst(s.win.Canvas())
}

// goTo shows the screen p, then narrows it (a tile or a line of 总览
// opened it) once it has loaded.
func (s *shell) goTo(p page, narrow func()) {
	for i := range s.entries {
		if s.pageAt(i) != p {
			continue
		}
		s.nav.Select(i)
		if s.current == i && narrow != nil {
			narrow()
		}
	}
}

// close closes the window, asking first if the screen shown holds typed
// input that is not saved.
func (s *shell) close() {
	if s.unsaved() != nil {
		askDiscard(s.win, lang.L("The form has changes that are not saved. Close the program and discard them?"), s.win.Close, nil)
		return
	}
	s.win.Close()
}

func (s *shell) setTitle(p data.PostInfo) {
	s.win.SetTitle(lang.L("AppName") + " — " + p.PostName)
}

// checkAndBackUp checks the whole file in the background once the window
// is up, then makes the day's automatic backup. A damaged file is reported
// with the newest good backup as the way back, and never backed up over a
// good backup or written to: the only way on is to quit.
func (s *shell) checkAndBackUp() {
	ctx := s.app.Ctx()
	if err := s.app.DB.QuickCheck(ctx); err != nil {
		log.Printf("integrity check: %v", err)
		if errors.Is(err, data.ErrDamaged) {
			backup, _ := s.app.NewestGoodBackup(ctx)
			fyne.Do(func() { s.showDamaged(backup) })
			return
		}
	}
	s.dailyBackup()
}

// showDamaged blocks the window with what happened and the way back.
func (s *shell) showDamaged(backup string) {
	msg := lang.L("The database file is damaged. The program has not changed it.") + "\n" + s.app.DB.Path() + "\n\n"
	if backup != "" {
		msg += lang.L("The newest good backup is:") + "\n" + backup + "\n" + lang.L("DamagedHowTo")
	} else {
		msg += lang.L("No good backup was found beside it; look for a backup on a USB stick, and contact support.")
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	d = dialog.NewCustomWithoutButtons(lang.L("The database is damaged"), container.NewBorder(nil,
		container.NewHBox(layout.NewSpacer(), widget.NewButton(lang.L("Quit"), fyne.CurrentApp().Quit)), nil, nil, text), s.win)
	d.Resize(fyne.NewSize(620, 320))
	d.Show()
}

// dailyBackup makes the day's automatic backup and says on the status line
// how it went.
func (s *shell) dailyBackup() {
	made, err := s.app.DailyBackup(s.app.Ctx())
	msg := ""
	switch {
	case err != nil:
		log.Printf("daily backup: %v", err)
		msg = lang.L("Today's automatic backup failed; please make a backup in Settings.")
	case made:
		msg = lang.L("Today's automatic backup is done.")
	}
	if msg != "" {
		fyne.Do(func() { s.status.SetText(msg + "  " + lang.L("Database:") + s.app.DB.Path()) })
	}
}
