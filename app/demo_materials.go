package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"fangkong/data"
)

// demoExtraItems widen the common catalogue to a township's real one at the
// year scale: name, unit, category, whether it keeps batches, and specs.
var demoExtraItems = []struct {
	name, unit, category string
	expiry               bool
	specs                []string
}{
	{"医用防护口罩", "只", "防护用品", true, []string{"挂耳式", "头戴式", "带呼吸阀", "小号"}},
	{"一次性医用口罩", "只", "防护用品", true, []string{"成人", "儿童", "独立装", "50只/盒"}},
	{"医用手套", "副", "防护用品", true, []string{"乳胶 小号", "乳胶 大号", "丁腈 小号", "丁腈 中号", "丁腈 大号", "PE 一次性"}},
	{"防护服", "套", "防护用品", true, []string{"160", "165", "170", "175", "180", "185"}},
	{"隔离衣", "件", "防护用品", true, []string{"一次性 L", "一次性 XL", "可复用"}},
	{"防护帽", "个", "防护用品", false, []string{"一次性圆帽", "手术帽", "连体头套"}},
	{"靴套", "双", "防护用品", false, []string{"长筒", "短筒"}},
	{"反光背心", "件", "防护用品", false, []string{"荧光黄", "荧光橙"}},
	{"雨衣", "件", "生活物资", false, []string{"分体式", "连体式"}},
	{"75%酒精", "瓶", "消杀用品", true, []string{"500ml", "100ml喷雾", "2.5L", "60ml"}},
	{"免洗手消毒凝胶", "瓶", "消杀用品", true, []string{"500ml", "60ml"}},
	{"含氯消毒片", "瓶", "消杀用品", true, []string{"100片"}},
	{"过氧乙酸", "桶", "消杀用品", true, []string{"5L"}},
	{"消毒湿巾", "包", "消杀用品", true, []string{"80片", "10片", "酒精型", "含氯型"}},
	{"医疗废物袋", "个", "消杀用品", false, []string{"大号", "中号", "小号"}},
	{"医疗废物桶", "个", "消杀用品", false, []string{"脚踏式 30L", "周转箱 50L"}},
	{"手动喷雾器", "台", "设备", false, []string{"16L", "5L"}},
	{"电动喷雾器", "台", "设备", false, []string{"背负式"}},
	{"紫外线消毒灯", "台", "设备", false, []string{"移动式", "壁挂式"}},
	{"抗原检测试剂", "人份", "检测用品", true, []string{"胶体金法 20人份/盒", "单人份"}},
	{"采样拭子", "支", "检测用品", true, []string{"鼻拭子", "咽拭子"}},
	{"标本转运箱", "个", "检测用品", false, []string{"UN2814 大", "UN2814 小"}},
	{"标本袋", "个", "检测用品", false, []string{"三层"}},
	{"冰排", "块", "检测用品", false, []string{"400ml"}},
	{"水银体温计", "支", "设备", false, []string{"口腔式", "腋下式"}},
	{"电子体温计", "支", "设备", false, []string{"腋下式"}},
	{"指夹式血氧仪", "台", "设备", false, []string{"家用"}},
	{"对讲机", "台", "设备", false, []string{"手持 5W"}},
	{"强光手电", "把", "设备", false, []string{"充电式"}},
	{"警示锥", "个", "设备", false, []string{"70cm", "90cm"}},
	{"隔离警戒带", "卷", "设备", false, []string{"100米"}},
	{"铁马护栏", "组", "设备", false, []string{"1.2米"}},
	{"应急帐篷", "顶", "设备", false, []string{"3×4米", "4×6米"}},
	{"折叠床", "张", "生活物资", false, []string{"单人"}},
	{"军用棉被", "床", "生活物资", false, []string{"2kg"}},
	{"取暖器", "台", "设备", false, []string{"小太阳", "油汀"}},
	{"发电机", "台", "设备", false, []string{"汽油 3kW"}},
	{"方便面", "箱", "生活物资", true, []string{"24桶装", "24袋装", "12桶装"}},
	{"矿泉水", "箱", "生活物资", true, []string{"550ml×24"}},
	{"八宝粥", "箱", "生活物资", true, []string{"12罐"}},
	{"自热米饭", "盒", "生活物资", true, []string{"鱼香肉丝", "宫保鸡丁", "土豆牛肉", "梅菜扣肉"}},
	{"面包", "箱", "生活物资", true, []string{"早餐面包"}},
	{"垃圾袋", "卷", "生活物资", false, []string{"大号", "中号"}},
	{"一次性拖鞋", "双", "生活物资", false, []string{"均码"}},
	{"洗漱包", "套", "生活物资", false, []string{"牙刷牙膏毛巾"}},
	{"纸巾", "提", "生活物资", false, []string{"抽纸 10包"}},
	{"登记本", "本", "其他", false, []string{"A4 100页"}},
	{"签字笔", "盒", "其他", false, []string{"黑色 12支"}},
	{"封条", "张", "其他", false, []string{"隔离封条"}},
	{"宣传单", "张", "其他", false, []string{"防疫须知"}},
	{"宣传横幅", "条", "其他", false, []string{"5米"}},
	{"扩音喇叭", "个", "设备", false, []string{"手持录音"}},
	{"电子测温门", "台", "设备", false, []string{"立式"}},
	{"帆布手套", "副", "防护用品", false, []string{"均码"}},
	{"医用胶带", "卷", "防护用品", false, []string{"2.5cm"}},
	{"医用帽", "个", "防护用品", false, []string{"无纺布"}},
	{"防护面罩", "个", "防护用品", false, []string{"全脸", "半脸"}},
	{"手术衣", "件", "防护用品", true, []string{"L", "XL"}},
	{"胶鞋", "双", "防护用品", false, []string{"40码", "42码", "44码"}},
	{"84消毒液", "桶", "消杀用品", true, []string{"5L", "25L"}},
	{"二氧化氯消毒剂", "瓶", "消杀用品", true, []string{"500g"}},
	{"核酸采样管", "支", "检测用品", true, []string{"10人混采", "20人混采"}},
	{"采样台", "个", "设备", false, []string{"便携式"}},
	{"测温枪电池", "节", "设备", false, []string{"5号", "7号"}},
	{"充电宝", "个", "设备", false, []string{"20000mAh"}},
	{"插线板", "个", "设备", false, []string{"5米"}},
	{"LED照明灯", "盏", "设备", false, []string{"充电式", "太阳能"}},
	{"保温杯", "个", "生活物资", false, []string{"500ml"}},
	{"电热水壶", "个", "生活物资", false, []string{"1.7L"}},
	{"棉大衣", "件", "生活物资", false, []string{"军绿色"}},
	{"暖宝宝", "片", "生活物资", true, []string{"10片/包"}},
	{"牛奶", "箱", "生活物资", true, []string{"250ml×24"}},
	{"火腿肠", "箱", "生活物资", true, []string{"50支"}},
	{"健康码查验牌", "块", "其他", false, []string{"A3 亚克力"}},
	{"值班日志本", "本", "其他", false, []string{"B5"}},
	{"文件袋", "个", "其他", false, []string{"A4"}},
	{"订书机", "个", "其他", false, []string{"标准"}},
	{"医用胶带", "卷", "防护用品", false, []string{"5cm"}},
}

// demoStock is what the simulation knows of one item.
type demoStock struct {
	item  data.Item
	use   int // issued to a post on a busy day
	store int // on hand in the command post's store
}

// materialsSim keeps the township's stock for the days demoed: the store
// receives from the county, by purchase and by donation, issues to every
// post twice a day, supplies the sites, and counts and writes off now and
// then. A few items are left short at the end so warnings show.
type materialsSim struct {
	a            *App
	r            *rand.Rand
	now          time.Time
	stock        []*demoStock
	short        map[int]bool // items left under their warning level at the end
	store        int64
	posts, sites []data.Location
	day          time.Time
	lastDays     bool // within the last ten days, when short items are let run down
}

// perIssue is about how many items an issue to a post carries, so an item
// goes out in daily := issues × perIssue / items of them a day, use at a
// time.
const perIssue = 14

var demoDonors = []string{"城关镇商会", "县红十字会", "宏达建材有限公司", "爱心人士王先生", "河湾村在外乡贤", "县医药公司"}

func (a *App) demoMaterials(ctx context.Context, r *rand.Rand, scale Scale) error {
	sim := &materialsSim{a: a, r: r, now: a.Now(), short: map[int]bool{}}
	days, err := sim.catalogue(ctx, scale)
	if err != nil {
		return err
	}
	for day := data.StartOfDay(sim.now).AddDate(0, 0, 1-days); !day.After(sim.now); day = day.AddDate(0, 0, 1) {
		sim.day, sim.lastDays = day, sim.now.Sub(day) < 10*24*time.Hour
		if err := a.DB.Batch(ctx, sim.simulateDay); err != nil {
			return fmt.Errorf("demo materials %s: %w", day.Format("2006-01-02"), err)
		}
	}
	return nil
}

// catalogue sets up the items (more of them for the year), the places
// that hold stock, what each item is used at, and which are left short;
// it returns how many days to simulate.
func (s *materialsSim) catalogue(ctx context.Context, scale Scale) (int, error) {
	if err := s.a.DB.AddStarterItems(ctx); err != nil {
		return 0, fmt.Errorf("demo items: %w", err)
	}
	days := 3
	if scale == ScaleYear {
		days = 365
		for _, x := range demoExtraItems {
			for _, spec := range x.specs {
				level := 10 + s.r.IntN(20)*5
				if _, err := s.a.DB.SaveItem(ctx, data.Item{Name: x.name, Spec: spec, Unit: x.unit, Category: x.category,
					WarningLevel: level, TracksExpiry: x.expiry, Active: true}); err != nil {
					return 0, fmt.Errorf("demo items: %w", err)
				}
			}
		}
	}
	items, err := s.a.DB.Items(ctx, false)
	if err != nil {
		return 0, err
	}
	locs, err := s.a.DB.Locations(ctx)
	if err != nil {
		return 0, err
	}
	s.store = locs[0].ID
	for _, l := range locs[1:] {
		switch l.Kind {
		case "卡口":
			s.posts = append(s.posts, l)
		case "隔离点":
			s.sites = append(s.sites, l)
		}
	}
	s.stock = make([]*demoStock, len(items))
	for i, it := range items {
		s.stock[i] = &demoStock{item: it, use: 1 + it.WarningLevel/(60+s.r.IntN(60))}
	}
	for len(s.short) < 6 {
		s.short[s.r.IntN(len(s.stock))] = true
	}
	return days, nil
}

// daily is how much of an item goes out on a day.
func (s *materialsSim) daily(st *demoStock) int {
	return max(1, st.use*len(s.posts)*2*perIssue/len(s.stock))
}

// at is a moment of the day at hour, never later than the clock: today's
// balances would already count it.
func (s *materialsSim) at(hour int) time.Time {
	if t := s.day.Add(time.Duration(hour)*time.Hour + time.Duration(s.r.IntN(50))*time.Minute); t.Before(s.now) {
		return t
	}
	return s.now
}

// simulateDay books a day's movements, in one transaction.
func (s *materialsSim) simulateDay(ctx context.Context) error {
	for _, step := range []func(context.Context) error{s.restock, s.expiringDonation, s.sendShortOn, s.issueToPosts, s.supplySites, s.countAndWriteOff} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// restock receives in the morning what would last under ten days, now and
// then as a donation.
func (s *materialsSim) restock(ctx context.Context) error {
	var buy []data.Line
	for i, st := range s.stock {
		if st.store >= max(s.daily(st)*10, st.item.WarningLevel*3/2) || (s.lastDays && s.short[i]) {
			continue
		}
		q := max(s.daily(st)*30, st.item.WarningLevel*2)
		l := data.Line{ItemID: st.item.ID, Quantity: q}
		if st.item.TracksExpiry {
			l.ExpiresOn = s.day.AddDate(0, 6+s.r.IntN(18), 0)
		}
		buy = append(buy, l)
		st.store += q
	}
	if len(buy) == 0 {
		return nil
	}
	source := data.ReceiptSources[s.r.IntN(2)]
	rc := data.Receipt{At: s.at(8), LocationID: s.store, Source: source, Handler: "刘芳", Lines: buy}
	if s.r.IntN(8) == 0 {
		rc.Source, rc.Donor, rc.DonorContact = "社会捐赠", demoDonors[s.r.IntN(len(demoDonors))], demoMobile(s.r)
	}
	_, err := s.a.DB.Receive(ctx, rc)
	return err
}

// expiringDonation receives, three weeks ago, a donation of wipes close
// to their date: some will still be there, expiring, at the end.
func (s *materialsSim) expiringDonation(ctx context.Context) error {
	if ago := s.now.Sub(s.day); ago <= 21*24*time.Hour || ago > 22*24*time.Hour {
		return nil
	}
	for _, st := range s.stock {
		if st.item.TracksExpiry && st.item.Name == "消毒湿巾" {
			q := s.daily(st) * 60
			if _, err := s.a.DB.Receive(ctx, data.Receipt{At: s.at(11), LocationID: s.store, Source: "社会捐赠",
				Donor: "县医药公司", DonorContact: "0913-2345690", Handler: "刘芳",
				Lines: []data.Line{{ItemID: st.item.ID, Quantity: q, ExpiresOn: s.now.AddDate(0, 0, 12)}}}); err != nil {
				return err
			}
			st.store += q
		}
	}
	return nil
}

// sendShortOn: yesterday the county sent the short items on to a
// harder-hit township, leaving them under their warning levels.
func (s *materialsSim) sendShortOn(ctx context.Context) error {
	if !s.day.Equal(data.StartOfDay(s.now).AddDate(0, 0, -1)) {
		return nil
	}
	var lines []data.Line
	for i, st := range s.stock {
		if q := st.store - st.item.WarningLevel/2; s.short[i] && q > 0 {
			lines = append(lines, data.Line{ItemID: st.item.ID, Quantity: q})
			st.store -= q
		}
	}
	if len(lines) == 0 {
		return nil
	}
	_, err := s.a.DB.IssueStock(ctx, data.Issue{At: s.at(15), LocationID: s.store, Recipient: "支援邻镇(县指挥部统一调度)",
		Receiver: "县指挥部物资组", Handler: "刘芳", Lines: lines})
	return err
}

// issueToPosts issues to every checkpoint twice a day; mid-month the
// last issue, typed for the wrong post, is reversed that evening.
func (s *materialsSim) issueToPosts(ctx context.Context) error {
	var lastIssue string
	var lastLines []data.Line
	for _, p := range s.posts {
		for _, hour := range []int{9, 17} {
			var lines []data.Line
			for i, st := range s.stock {
				q := st.use * (1 + s.r.IntN(3)) / 2
				if s.r.IntN(len(s.stock)) >= perIssue || q == 0 || st.store < q || (s.lastDays && s.short[i] && st.store < q*3) {
					continue
				}
				lines = append(lines, data.Line{ItemID: st.item.ID, Quantity: q})
				st.store -= q
			}
			if len(lines) == 0 {
				continue
			}
			voucher, err := s.a.DB.IssueStock(ctx, data.Issue{At: s.at(hour), LocationID: s.store, Recipient: p.Name,
				Receiver: demoName(s.r), Handler: "刘芳", Lines: lines})
			if err != nil {
				return err
			}
			lastIssue, lastLines = voucher, lines
		}
	}
	if s.day.Day() != 15 || lastIssue == "" {
		return nil
	}
	if _, err := s.a.DB.Reverse(ctx, lastIssue, "出库单录错卡口,冲正后重开", s.at(19)); err != nil {
		return err
	}
	for _, l := range lastLines {
		for _, st := range s.stock {
			if st.item.ID == l.ItemID {
				st.store += l.Quantity
			}
		}
	}
	return nil
}

// supplySites transfers to the sites, which hand most of it out the same
// day.
func (s *materialsSim) supplySites(ctx context.Context) error {
	for _, site := range s.sites {
		var lines []data.Line
		for _, st := range s.stock[:len(s.stock)/3] {
			if q := st.use * 2; s.r.IntN(4) == 0 && st.store >= q {
				lines = append(lines, data.Line{ItemID: st.item.ID, Quantity: q})
				st.store -= q
			}
		}
		if len(lines) == 0 {
			continue
		}
		if _, err := s.a.DB.TransferStock(ctx, data.Transfer{At: s.at(10), FromID: s.store, ToID: site.ID, Handler: "刘芳", Lines: lines}); err != nil {
			return err
		}
		for i := range lines {
			lines[i].Quantity = max(1, lines[i].Quantity*3/4)
		}
		if _, err := s.a.DB.IssueStock(ctx, data.Issue{At: s.at(14), LocationID: site.ID, Recipient: site.Name + "工作人员",
			Receiver: demoName(s.r), Lines: lines}); err != nil {
			return err
		}
	}
	return nil
}

// countAndWriteOff: the monthly count, on the first Saturday, finds a
// few missing; now and then damage is written off.
func (s *materialsSim) countAndWriteOff(ctx context.Context) error {
	if s.day.Weekday() == time.Saturday && s.day.Day() <= 7 {
		st := s.stock[s.r.IntN(len(s.stock))]
		if st.store > 10 && !st.item.TracksExpiry {
			if _, err := s.a.DB.Stocktake(ctx, data.Count{At: s.at(16), LocationID: s.store, ItemID: st.item.ID,
				Counted: st.store - 3, Reason: "盘点短少,原因待查"}); err == nil {
				st.store -= 3
			}
		}
	}
	if s.r.IntN(20) != 0 {
		return nil
	}
	st := s.stock[s.r.IntN(len(s.stock))]
	if st.store <= 5 {
		return nil
	}
	if _, err := s.a.DB.WriteOffStock(ctx, data.WriteOff{At: s.at(16), LocationID: s.store, Reason: "损坏",
		Note: "搬运破损", Lines: []data.Line{{ItemID: st.item.ID, Quantity: 2}}}); err != nil {
		return err
	}
	st.store -= 2
	return nil
}
