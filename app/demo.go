package app

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"

	"fangkong/data"
)

// Scale is how much demo data to make.
type Scale string

const (
	ScaleSmall Scale = "small" // a few of everything, for trying the program
	ScaleYear  Scale = "year"  // a realistic year of a busy township, for benchmarks
	// ScaleCounty makes a county's roll-up (县级汇总): twelve townships and
	// a month of their report files.
	ScaleCounty Scale = "county"
)

// ErrNotEmpty means demo data was asked for on a database that has records.
var ErrNotEmpty = errors.New("database already holds records")

// ErrBadScale means a scale other than small, year or county.
var ErrBadScale = errors.New("unknown demo scale")

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	givenOne = []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "辉", "鹏", "华", "红", "玲", "斌", "波", "宁", "琳", "浩"}
	givenTwo = []string{"建国", "秀英", "桂英", "秀兰", "志强", "海燕", "小红", "建华", "国庆", "春梅", "德明", "文博", "子涵", "雨轩", "晓东", "丽娟", "永刚", "玉兰", "红霞", "建军", "卫东", "淑珍", "海涛", "俊杰", "思远"}
	villages = []string{"东村", "西村", "南沟村", "北坪村", "河湾村", "柳树村", "王家庄村", "李家堡村"}
)

// rareNames are a few staff named with characters common fonts lack
// (Extension A, the 通用规范汉字表 outside the BMP, a name character), so
// the screens and prints of the demo show them.
var rareNames = map[int]string{5: "王䶮", 9: "刘𠮷", 13: "陈𬱖"}

// demoName makes a plausible Chinese name.
func demoName(r *rand.Rand) string {
	name := string(surnames[r.IntN(len(surnames))])
	if r.IntN(3) == 0 {
		return name + givenOne[r.IntN(len(givenOne))]
	}
	return name + givenTwo[r.IntN(len(givenTwo))]
}

// demoMobile makes an 11-digit mobile number.
func demoMobile(r *rand.Rand) string {
	prefixes := []string{"139", "138", "137", "136", "135", "158", "159", "186", "187", "188", "152", "133", "153", "177", "181", "189", "199"}
	return fmt.Sprintf("%s%08d", prefixes[r.IntN(len(prefixes))], r.IntN(100000000))
}

// Demo fills an empty database with realistic demo data: the same data for
// the same scale every time. It is one transaction: killed midway, it
// leaves the database empty, and the next run starts afresh.
func (a *App) Demo(ctx context.Context, scale Scale) error {
	if scale == ScaleCounty {
		return a.DB.Batch(ctx, a.demoCounty)
	}
	staffCount := map[Scale]int{ScaleSmall: 30, ScaleYear: 120}[scale]
	if staffCount == 0 {
		return fmt.Errorf("demo %q: %w", scale, ErrBadScale)
	}
	return a.DB.Batch(ctx, func(ctx context.Context) error { return a.demo(ctx, scale, staffCount) })
}

func (a *App) demo(ctx context.Context, scale Scale, staffCount int) error {
	existing, err := a.DB.Staff(ctx, data.StaffQuery{IncludeInactive: true})
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return fmt.Errorf("demo: %w", ErrNotEmpty)
	}
	r := rand.New(rand.NewPCG(2026, 11))
	if err := a.DB.SavePostInfo(ctx, data.PostInfo{
		Township: "城关镇", PostName: "城关镇疫情防控指挥部", DutyPhone: "0913-2345678",
		SendTo: "县疫情防控指挥部办公室", CopyTo: "镇党委、镇政府主要领导,各村(社区)",
	}); err != nil {
		return err
	}
	for added := 0; added < staffCount; {
		s := data.Staff{Name: demoName(r), Phone: demoMobile(r), Active: r.IntN(20) != 0}
		if name, ok := rareNames[added]; ok {
			s.Name = name
		}
		switch n := r.IntN(100); {
		case n < 25:
			s.Unit, s.Kind, s.MayLead = "镇政府", "干部", r.IntN(2) == 0
		case n < 40:
			s.Unit, s.Kind = "派出所", "民警/辅警"
		case n < 55:
			s.Unit, s.Kind = "卫生院", "医务人员"
		case n < 75:
			s.Unit, s.Kind = villages[r.IntN(len(villages))]+"委会", "网格员"
		case n < 85:
			s.Unit, s.Kind = "志愿者队", "志愿者"
		default:
			s.Unit, s.Kind = villages[r.IntN(len(villages))]+"党支部", "党员"
		}
		if _, err := a.DB.SaveStaff(ctx, s); errors.Is(err, data.ErrDuplicate) {
			continue
		} else if err != nil {
			return fmt.Errorf("demo staff: %w", err)
		}
		added++
	}
	if err := a.demoIsolation(ctx, r, scale); err != nil {
		return err
	}
	if err := a.demoCheckpoints(ctx, r, scale); err != nil {
		return err
	}
	if err := a.demoMaterials(ctx, r, scale); err != nil {
		return err
	}
	if err := a.demoDuty(ctx, r, scale); err != nil {
		return err
	}
	return a.demoCases(ctx, r)
}
