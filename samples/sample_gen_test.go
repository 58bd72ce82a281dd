package samples

// This file is the single source of the sample evaluation: the vendor table below mirrors the
// catalog's §4 table row by row. sample.json is generated from it:
//
//	go test ./samples -run TestSampleJSONIsGenerated -update
//
// and TestSampleJSONIsGenerated fails whenever the committed sample.json differs from what this
// file generates.

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"os"
	"testing"
	"time"

	"ccselect/export"
	"ccselect/model"
)

var update = flag.Bool("update", false, "rewrite sample.json from sample_gen_test.go")

type sampleVendor struct {
	id    string
	code  string // prefix of the fictional evidence references
	name  model.Text
	notes string
	price float64
}

var sampleVendors = []sampleVendor{
	{"yunqi", "YQ", model.Text{Zh: "云启通讯", En: "Yunqi Telecom"},
		"虚构厂商。云原生公有SaaS；弹性与开放性最佳；尚无国密；共享存储。 / Fictional. Cloud-native public SaaS; best elasticity and openness; no SM-series yet; shared storage.", 260},
	{"panshi", "PS", model.Text{Zh: "磐石信联", En: "Panshi Xinlian"},
		"虚构厂商。金融专长，私有云；国密与密评齐全；扩容和迭代慢。 / Fictional. Finance specialist, private cloud; full 国密 and 密评; slow to scale and evolve.", 420},
	{"huisheng", "HS", model.Text{Zh: "汇声智能", En: "Huisheng AI"},
		"虚构厂商。AI优先，功能最丰富，有医疗方案；媒体冗余和运行记录较弱。 / Fictional. AI-first, richest features and healthcare pack; weaker media redundancy and track record.", 300},
	{"changfeng", "CF", model.Text{Zh: "长风云联", En: "Changfeng CloudLink"},
		"虚构厂商。运营商关联企业；电信级可用性与容量，国产技术栈；功能陈旧。 / Fictional. Telecom-operator affiliate; carrier-grade uptime and capacity, domestic stack; dated features.", 240},
	{"qinghe", "QH", model.Text{Zh: "青禾客服云", En: "Qinghe ServiceCloud"},
		"虚构厂商。低价中小企业工具；并发口径虚高；成本导向的陷阱。 / Fictional. Low-cost SMB tool; inflated concurrency counting; the cost-led trap.", 110},
}

var sampleReviewers = []model.Reviewer{{ID: "wang", Name: "王敏"}, {ID: "li", Name: "李强"}, {ID: "chen", Name: "陈静"}}

// cell is one catalog value and its phrase (the evidence summary in the catalog table).
type cell struct {
	v    float64
	note string
}

// sampleRows is the catalog §4 table: one row per criterion, vendors in sampleVendors order.
var sampleRows = []struct {
	criterion string
	evidence  string // the kind of document the fictional evidence reference points to
	cells     [5]cell
}{
	{"arch_redundancy", "容灾演练报告 DR drill report", [5]cell{
		{5, "3-AZ active-active + DR region"}, {4, "dual DC + remote DR; media failover ~2 min"},
		{3, "media single-AZ with warm standby"}, {5, "two regions active-active"}, {2, "single AZ, nightly DB backup"}}},
	{"load_balancing", "压测报告 load-test report", [5]cell{
		{5, "per-call on load/latency, autoscale"}, {4, "dynamic in cluster, fixed DC split"},
		{4, "dynamic, no cross-AZ media"}, {4, "cross-PoP, carrier-aware"}, {3, "round-robin"}}},
	{"track_record", "12个月可用性报告 12-month availability report", [5]cell{
		{99.95, "status page, ISO 20000"}, {99.96, "audited reports, ISO 20000"},
		{99.90, "two multi-hour outages, RCAs public"}, {99.99, "NOC data, RCA in 72 h"}, {99.80, "self-reported; SLA 99.5"}}},
	{"concurrent_channels", "本租户压测报告 tenant load-test report", [5]cell{
		{3000, "per-tenant, load-tested"}, {1300, "dedicated cluster limit"},
		{2000, `tested; "5,000" quote incl. IVR legs`}, {5000, "carrier trunks committed"}, {800, `"2,000" counted ringing + queued`}}},
	{"elastic_scaling", "扩容演示记录 scaling demo log", [5]cell{
		{5, "API, pre-approved 2× burst"}, {2880, "capacity order, ~2 days"},
		{30, "API; new numbers ~30 min"}, {240, "NOC ticket, same day"}, {10, "self-service within plan cap"}}},
	{"queue_management", "场景脚本演示 scripted demo", [5]cell{
		{4, "VIP priority, callback, chat overflow"}, {3, "priority + custom prompts"},
		{5, "predictive, bot/chat overflow"}, {3, "voicemail overflow only"}, {3, "basic priority"}}},
	{"core_features", "场景脚本演示 scripted demo", [5]cell{
		{4, "all four; report builder limited"}, {4, "all four, compliance reports"},
		{5, "all four, custom metrics designer"}, {3, "fixed report templates"}, {3, "two-level IVR max"}}},
	{"industry_extensions", "同类客户清单 reference list", [5]cell{
		{2, "retail/e-commerce only"}, {5, "finance 双录 and QA rules"},
		{3, "healthcare follow-up pack"}, {3, "government hotline pack"}, {1, "none"}}},
	{"integration_openness", "API文档与沙箱 API docs and sandbox", [5]cell{
		{5, "APIs, SDKs, CRM connectors"}, {3, "APIs + core-banking adapters"},
		{5, "SDKs, low-code connectors"}, {2, "limited REST, custom work"}, {4, "REST, common CRM/IM plugins"}}},
	{"fin_traceable_recording", "双录演示 recording demo", [5]cell{
		{2, "audio only, video via partner"}, {5, "A/V/screen, hash-sealed, 10-yr"},
		{3, "audio + screen"}, {3, "A/V, 5-yr default"}, {1, ""}}},
	{"hc_his_integration", "对接演示 integration demo", [5]cell{
		{3, "via ISV"}, {2, ""}, {5, "prebuilt HIS/EMR links"}, {3, ""}, {2, ""}}},
	{"hc_triage_escalation", "升级演示 escalation demo", [5]cell{
		{3, ""}, {2, ""}, {5, "live keyword escalation"}, {3, ""}, {2, ""}}},
	{"gov_accessibility", "语音演示 IVR/ASR demo", [5]cell{
		{3, ""}, {2, ""}, {4, "dialect ASR"}, {4, "minority-language IVR"}, {2, ""}}},
	{"gov_ticket_dispatch", "工单闭环演示 case-loop demo", [5]cell{
		{3, ""}, {3, ""}, {3, ""}, {5, "12345-style loop"}, {2, ""}}},
	{"transport_encryption", "加密配置核查 crypto configuration check", [5]cell{
		{3, "TLS 1.2+/SRTP, no SM"}, {5, "TLCP + SM4 media, dual stack"},
		{3, "TLS 1.3/SRTP; SM4 at rest"}, {4, "SM on signalling/API; SM4 media optional"}, {2, "plain RTP on some trunks"}}},
	{"storage_security", "等保测评报告 MLPS assessment report", [5]cell{
		{3, "等保三级 shared SaaS, MFA"}, {5, "等保三级, private cloud, HSM, dual approval"},
		{3, "等保三级, cloud storage + KMS"}, {4, "等保三级, gov-cloud option"}, {2, "等保二级, no MFA"}}},
	{"compliance_certification", "认证证书 certificates", [5]cell{
		{3, "ISO 27001; offshore support via standard contract"}, {5, "ISO 27001/27701, 密评 passed"},
		{3, "ISO 27001, 27701 pending"}, {4, "ISO 27001, 密评 on gov platform"}, {2, "no ISO 27001"}}},
	{"fin_crypto_evaluation", "密评报告 crypto assessment report", [5]cell{
		{1, ""}, {5, ""}, {2, ""}, {3, ""}, {1, ""}}},
	{"hc_sensitive_pi", "数据保护评审 data-protection review", [5]cell{
		{3, ""}, {4, ""}, {3, ""}, {4, ""}, {2, ""}}},
	{"gov_xinchuang", "兼容性认证 compatibility certificates", [5]cell{
		{2, "ARM port in beta"}, {4, ""}, {2, ""}, {5, "full domestic stack"}, {1, ""}}},
	{"sla_response", "合同SLA条款 contract SLA clause", [5]cell{
		{30, "7×24 phone, credits"}, {30, "7×24, on-site 4 h"},
		{30, "7×24 phone + tickets"}, {15, "7×24 NOC, restore 2 h"}, {120, "business-hours phone"}}},
	{"training_transfer", "培训计划 training plan", [5]cell{
		{3, "online academy; cert paid"}, {4, "on-site, admin cert"},
		{4, "academy + admin cert"}, {3, "kickoff only, dated docs"}, {3, "video tutorials"}}},
	{"continuous_improvement", "版本发布记录 release notes", [5]cell{
		{5, "monthly, IVR A/B, ASR tuning"}, {2, "two releases/yr, paid upgrades"},
		{5, "bi-weekly, A/B, ASR retraining"}, {2, "quarterly patches only"}, {4, "monthly, no A/B"}}},
}

// reviewerSpread returns how far li and chen deviate from the catalog value on a rating cell
// (wang always gives the value itself): ±0.5 on every fourth cell, ±1 on the cells two further
// on, only where both deviations stay inside 1–5; who goes up alternates by criterion. The
// symmetric pair keeps mean and median equal to the catalog value.
func reviewerSpread(vendor, criterion int, v float64) (li, chen float64) {
	var d float64
	switch k := vendor + criterion; {
	case k%4 == 1 && v-0.5 >= model.ScaleMin && v+0.5 <= model.ScaleMax:
		d = 0.5
	case k%4 == 3 && v-1 >= model.ScaleMin && v+1 <= model.ScaleMax:
		d = 1
	}
	if criterion%2 == 1 {
		d = -d
	}
	return v + d, v - d
}

// buildSample assembles the sample evaluation from framework.json, presets.json and the tables
// above.
func buildSample() (*model.Evaluation, error) {
	c, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	ev := &model.Evaluation{
		Name:          "示例：云呼叫中心选型 / Sample CCaaS selection",
		Client:        "示例银行 (fictional)",
		Industry:      "default",
		Created:       time.Date(2025, 3, 3, 1, 0, 0, 0, time.UTC),
		Updated:       time.Date(2025, 3, 14, 8, 30, 0, 0, time.UTC),
		Framework:     c.framework,
		Params:        c.presets.Params,
		Reviewers:     sampleReviewers,
		ActiveProfile: "default",
		// The two default peaks, neither governing: P stays the catalog's 1,000, and the Sizing
		// tab of the demo shows what a campaign peak would ask for.
		Scenarios: model.DefaultScenarios(),
	}
	for _, p := range c.presets.Presets {
		// Criteria the preset does not weigh (other industries' extras) get weight 0.
		prof, err := model.ProfileFromGlobal(p.Name, &ev.Framework, p.Weights)
		if err != nil {
			return nil, err
		}
		roundWeights(prof.Dimensions)
		roundWeights(prof.Criteria)
		ev.Profiles = append(ev.Profiles, prof)
	}
	// Rules for every preset stay unscoped; preset-specific rules get one copy per profile.
	for _, k := range c.presets.KnockOuts {
		if len(k.Presets) == 0 {
			ev.KnockOuts = append(ev.KnockOuts, k.rule(""))
		}
	}
	for _, p := range c.presets.Presets {
		for _, k := range c.presets.KnockOuts {
			if len(k.Presets) > 0 && k.appliesTo(p.Name) {
				ev.KnockOuts = append(ev.KnockOuts, k.rule(p.Name))
			}
		}
	}
	for _, v := range sampleVendors {
		ev.Vendors = append(ev.Vendors, model.Vendor{ID: v.id, Name: v.name, Notes: v.notes, Price: v.price})
	}
	if len(sampleRows) != len(ev.Framework.Criteria) {
		return nil, fmt.Errorf("sample table has %d rows for %d criteria", len(sampleRows), len(ev.Framework.Criteria))
	}
	for ci, row := range sampleRows {
		cr := &ev.Framework.Criteria[ci]
		if cr.ID != row.criterion {
			return nil, fmt.Errorf("sample row %d is %s, framework has %s there", ci+1, row.criterion, cr.ID)
		}
		for vi, v := range sampleVendors {
			x := row.cells[vi]
			values := [3]float64{x.v, x.v, x.v}
			if cr.Kind == model.KindRating {
				values[1], values[2] = reviewerSpread(vi, ci, x.v)
			}
			for ri, r := range sampleReviewers {
				ev.Scores = append(ev.Scores, model.Score{
					Vendor: v.id, Criterion: cr.ID, Reviewer: r.ID, Value: values[ri], Note: x.note,
					Evidence: fmt.Sprintf("虚构 fictional · %s · %s-%02d", row.evidence, v.code, ci+1),
				})
			}
		}
	}
	return ev, ev.Validate()
}

// roundWeights rounds to 12 decimals. ProfileFromGlobal sums its map in iteration order, so the
// last bits of its weights vary from run to run; rounding makes sample.json reproducible while
// every level still sums to 1 far inside the 1e-6 tolerance.
func roundWeights(m map[string]float64) {
	for k, w := range m {
		m[k] = math.Round(w*1e12) / 1e12
	}
}

func TestSampleJSONIsGenerated(t *testing.T) {
	ev, err := buildSample()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := export.EncodeBundle(&buf, ev); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("sample.json", buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Log("sample.json rewritten")
		return
	}
	committed, err := files.ReadFile("sample.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, buf.Bytes()) {
		t.Fatal("sample.json differs from what sample_gen_test.go generates: run go test ./samples -run TestSampleJSONIsGenerated -update")
	}
}
