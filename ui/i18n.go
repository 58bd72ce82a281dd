package ui

import (
	"fmt"

	"ccselect/model"
)

// tr looks interface text up in the catalogue for one language. Domain text (criterion names,
// rubrics, vendor names) does not live here: it comes from model.Text.In.
type tr struct{ lang model.Lang }

// s returns the text of key; a key missing from the catalogue shows as ‹key› (and fails
// TestCatalogueCoversSource).
func (t tr) s(key string) string {
	m, ok := catalogue[key]
	if !ok {
		return "‹" + key + "›"
	}
	if t.lang == model.LangZh {
		return m.zh
	}
	return m.en
}

// f formats the text of key with args (fmt verbs in the catalogue).
func (t tr) f(key string, args ...any) string { return fmt.Sprintf(t.s(key), args...) }

// hasKey reports whether the catalogue has key (for optional entries such as the short label
// of a dimension a custom framework may not have).
func hasKey(key string) bool {
	_, ok := catalogue[key]
	return ok
}

// other is the other language.
func (t tr) other() tr {
	if t.lang == model.LangZh {
		return tr{model.LangEn}
	}
	return tr{model.LangZh}
}

type text struct{ zh, en string }

// catalogue is every piece of interface text, in both languages. Keys are grouped by screen;
// TestCatalogueComplete checks both sides are filled and that format verbs match, and
// TestCatalogueCoversSource that every key used in the code is here.
var catalogue = map[string]text{
	// Keys (hint bar and help overlay).
	"key.quit":       {"退出", "quit"},
	"key.help":       {"帮助", "help"},
	"key.lang":       {"English", "中文"},
	"key.nexttab":    {"下一页", "next tab"},
	"key.prevtab":    {"上一页", "previous tab"},
	"key.overview":   {"总览", "overview"},
	"key.dims":       {"维度", "dimension"},
	"key.reviewer":   {"切换评审", "next reviewer"},
	"key.undo":       {"撤销", "undo"},
	"key.redo":       {"重做", "redo"},
	"key.home":       {"返回列表", "back to list"},
	"key.suspend":    {"挂起 (fg 恢复)", "suspend (fg resumes)"},
	"key.up":         {"上", "up"},
	"key.down":       {"下", "down"},
	"key.left":       {"左", "left"},
	"key.right":      {"右", "right"},
	"key.pgup":       {"上翻页", "page up"},
	"key.pgdown":     {"下翻页", "page down"},
	"key.top":        {"首项", "first"},
	"key.bottom":     {"末项", "last"},
	"key.rate":       {"评分", "rate"},
	"key.half":       {"半分", "half point"},
	"key.edit":       {"编辑/备注", "edit/note"},
	"key.clear":      {"清除", "clear"},
	"key.new":        {"新建", "new"},
	"key.open":       {"打开", "open"},
	"key.duplicate":  {"复制", "duplicate"},
	"key.rename":     {"重命名", "rename"},
	"key.delete":     {"删除", "delete"},
	"key.add":        {"添加", "add"},
	"key.edititem":   {"编辑", "edit"},
	"key.choose":     {"设为当前", "make current"},
	"key.confirm":    {"确认", "confirm"},
	"key.cancel":     {"取消", "cancel"},
	"key.nextfield":  {"下一项", "next field"},
	"key.prevfield":  {"上一项", "previous field"},
	"key.submit":     {"下一项/保存", "next/save"},
	"key.choice":     {"选择", "choose"},
	"key.yes":        {"是", "yes"},
	"key.no":         {"否", "no"},
	"key.close":      {"关闭", "close"},
	"key.param":      {"权重参数", "weight parameter"},
	"key.section":    {"下一部分", "next section"},
	"key.smaa":       {"运行 SMAA", "run SMAA"},
	"key.smaacancel": {"停止 SMAA", "stop SMAA"},
	"info.escsens":   {"没有进行中的运行; 在其他标签页按 esc 返回列表", "Nothing is running; esc on another tab goes back to the list"},
	"key.smaamode":   {"权重分布", "weight mode"},
	"key.smaalevel":  {"抽取层级", "level"},
	"key.smaaunc":    {"评分不确定性", "uncertainty"},
	"key.samples":    {"样本数", "samples"},

	// Header, tabs, strip, status.
	"hdr.home":             {"评估项目", "Evaluations"},
	"hdr.client":           {"客户: %s", "client: %s"},
	"hdr.profile":          {"权重: %s", "weights: %s"},
	"hdr.reviewer":         {"评审: %s", "reviewer: %s"},
	"hdr.noreviewer":       {"(无)", "(none)"},
	"hdr.saved":            {"已保存", "saved"},
	"hdr.saving":           {"保存中", "saving"},
	"hdr.unsavedn":         {"%d 项未保存", "%d not saved"},
	"hdr.unsaved":          {"未保存", "not saved"},
	"hdr.demo":             {"[演示]", "[demo]"},
	"tab.overview":         {"总览", "Overview"},
	"tab.vendors":          {"厂商", "Vendors"},
	"tab.reviewers":        {"评审", "Reviewers"},
	"tab.sensitivity":      {"敏感性", "Sensitivity"},
	"tab.sensitivity.tiny": {"敏感", "Sens"},
	"strip.rank":           {"排名", "Ranking"},
	"small.need":           {"终端太小: 需要 %d×%d, 当前 %d×%d", "terminal too small: need %d×%d, have %d×%d"},
	"small.hint":           {"请放大窗口 · q 退出", "enlarge the window · q quits"},
	"help.title":           {"按键 · %s", "Keys · %s"},
	"help.close":           {"esc 或 ? 关闭", "esc or ? closes"},

	// Standard dimensions: short labels (tabs, legends) and tiny ones (narrow tab rows).
	"dim.stability":         {"稳定性", "Stability"},
	"dim.concurrency":       {"并发", "Concurrency"},
	"dim.feature_fit":       {"功能", "Features"},
	"dim.data_security":     {"安全", "Security"},
	"dim.operations":        {"运维", "Operations"},
	"dimtiny.stability":     {"稳定", "Stab"},
	"dimtiny.concurrency":   {"并发", "Conc"},
	"dimtiny.feature_fit":   {"功能", "Feat"},
	"dimtiny.data_security": {"安全", "Sec"},
	"dimtiny.operations":    {"运维", "Ops"},
	"dir.benefit":           {"越高越好", "higher is better"},
	"dir.cost":              {"越低越好", "lower is better"},

	// Industry templates.

	// Overview.
	"ov.contrib":    {"维度贡献", "Contribution"},
	"ov.rank":       {"排名", "Rank"},
	"ov.vendor":     {"厂商", "Vendor"},
	"ov.total":      {"总分", "Total"},
	"ov.lead":       {"领先", "Lead"},
	"ov.bar":        {"各维度贡献 (满分 5)", "by dimension (full bar = 5)"},
	"ov.excluded":   {"淘汰", "Knocked out"},
	"ov.incomplete": {"%d 项未评分", "%d unscored"},
	"ov.matrix":     {"维度得分", "Dimension scores"},
	"ov.facts":      {"厂商概况", "Vendor facts"},
	"ov.disputed":   {"分歧格 (≥2)", "Disputed (≥2)"},
	"ov.unscored":   {"未评格", "Unscored"},
	"ov.price":      {"参考价 (元/席/月)", "Price (¥/seat/mo)"},
	"ov.leadfrom":   {"领先来自 (贡献差最大的两个维度)", "Where each lead comes from (the two largest contribution gaps)"},
	"ov.leadline":   {"%s 领先 %s %s: %s", "%s leads %s by %s: %s"},
	"ko.missing":    {"%s 未评分", "%s not scored"},
	"ko.unscored":   {"%d 项一票否决准则尚未评分", "%d knock-out criteria not scored yet"},

	// Dimension grid and its side panel.
	"grid.criterion":      {"准则", "Criterion"},
	"grid.weight":         {"权重", "Wt"},
	"grid.subtotal":       {"小计", "Subtotal"},
	"grid.dimweight":      {"权重 %s", "weight %s"},
	"grid.legend":         {"~ 他人均值 · ! 分歧≥2 · · 未评分", "~ others' mean · ! spread ≥2 · · unscored"},
	"grid.noreviewer":     {"还没有评审人: 先在“评审”页按 a 添加", "No reviewer yet: add one on the Reviewers tab (a)"},
	"grid.halfneedsvalue": {"先输入 1–5 的评分, 再按 . 加半分", "Type a 1–5 rating first, then . adds a half point"},
	"grid.halfrating":     {"半分只用于评分项; 实测值按 enter 编辑", "Half points are for ratings; enter edits a measured value"},
	"grid.halfmax":        {"5 分已是最高", "5 is the highest rating"},
	"grid.what":           {"%s · %s = %s", "%s · %s = %s"},
	"grid.whatclear":      {"清除 %s · %s", "clearing %s · %s"},
	"side.measured":       {"实测值 (%s), %s", "measured (%s), %s"},
	"side.consensus":      {"均值 %s → 得分 %s · 分歧 %s", "mean %s → score %s · spread %s"},
	"side.disagree":       {"(意见分歧)", "(reviewers disagree)"},
	"side.note":           {"备注", "Note"},
	"side.evidence":       {"证据", "Evidence"},

	// Cell editor.
	"edit.rating":      {"评分 1–5", "Rating 1–5"},
	"edit.value":       {"数值 (%s)", "Value (%s)"},
	"edit.note":        {"备注", "Note"},
	"edit.evidence":    {"证据", "Evidence"},
	"edit.measured":    {"单位: %s · %s", "unit: %s · %s"},
	"edit.maps":        {"→ 得分 %s", "→ score %s"},
	"edit.invalid":     {"超出范围", "out of range"},
	"edit.needvalue":   {"请输入一个数值 (在表格中按 ⌫ 可清除)", "Enter a number (⌫ in the grid clears a cell)"},
	"edit.badrating":   {"评分须为 1–5, 可带半分 (如 3.5)", "A rating is 1–5 in whole or half points (e.g. 3.5)"},
	"edit.gone":        {"该厂商、准则或评审人已不存在 (数据已被更改); 按 esc 关闭", "That vendor, criterion or reviewer no longer exists (the data changed); esc closes"},
	"edit.badmeasured": {"数值须为不小于 0 的数字", "The value must be a number ≥ 0"},

	// Vendors.
	"vendor.add":         {"添加厂商", "Add vendor"},
	"vendor.edit":        {"编辑厂商: %s", "Edit vendor: %s"},
	"vendor.name":        {"名称", "Name"},
	"vendor.namezh":      {"中文名称", "Chinese name"},
	"vendor.nameen":      {"英文名称", "English name"},
	"vendor.price":       {"参考价格 ¥/座席/月", "Price ¥/seat/month"},
	"vendor.pricecol":    {"参考价格", "Price"},
	"vendor.notes":       {"备注", "Notes"},
	"vendor.priceinfo":   {"价格仅供排名后比较, 不参与评分。", "Price is shown for comparison after ranking, never scored."},
	"vendor.needname":    {"请至少填写一个名称", "Give the vendor a name in at least one language"},
	"vendor.badprice":    {"价格须为不小于 0 的数字, 或留空", "Price must be a number ≥ 0, or empty"},
	"vendor.what":        {"厂商 %s", "vendor %s"},
	"vendor.whatdelete":  {"删除厂商 %s", "deleting vendor %s"},
	"vendor.deletetitle": {"删除厂商", "Delete vendor"},
	"vendor.deletebody":  {"删除厂商“%s”及其全部评分? 可按 u 撤销。", "Delete vendor “%s” and all its scores? u undoes it."},

	// Reviewers.
	"reviewer.add":         {"添加评审人", "Add reviewer"},
	"reviewer.rename":      {"重命名评审人: %s", "Rename reviewer: %s"},
	"reviewer.name":        {"姓名", "Name"},
	"reviewer.scored":      {"已评", "Scored"},
	"reviewer.current":     {"当前", "Current"},
	"reviewer.iscurrent":   {"当前评审", "current"},
	"reviewer.info":        {"评分记在当前评审人名下; 任意页按 R 切换。", "Scores you type are the current reviewer's; R on any tab switches."},
	"reviewer.needname":    {"请输入姓名", "Enter a name"},
	"reviewer.now":         {"当前评审: %s", "Current reviewer: %s"},
	"reviewer.what":        {"评审人 %s", "reviewer %s"},
	"reviewer.whatdelete":  {"删除评审人 %s", "deleting reviewer %s"},
	"reviewer.deletetitle": {"删除评审人", "Delete reviewer"},
	"reviewer.deletebody":  {"删除评审人“%s”及其 %d 项评分? 可按 u 撤销。", "Delete reviewer “%s” and their %d scores? u undoes it."},

	// Home.
	"home.loading":     {"读取中…", "Loading…"},
	"home.colname":     {"评估项目", "Evaluation"},
	"home.colclient":   {"客户", "Client"},
	"home.coltemplate": {"模板", "Template"},
	"home.colvendors":  {"厂商", "Vendors"},
	"home.coledit":     {"最后编辑", "Last edit"},
	"home.newtitle":    {"新建评估", "New evaluation"},
	"home.name":        {"名称", "Name"},
	"home.client":      {"客户", "Client"},
	"home.template":    {"行业模板", "Template"},
	"home.peak":        {"峰值并发 P", "Peak channels P"},
	"home.peakhint":    {"业务峰值同时通话路数, 用于并发评分与淘汰线", "Peak simultaneous calls: scales the channel score and its knock-out"},
	"home.needname":    {"请输入名称", "Enter a name"},
	"home.badpeak":     {"P 须为大于 0 的数字", "P must be a number above 0"},
	"home.renametitle": {"重命名: %s", "Rename: %s"},
	"home.duptitle":    {"复制: %s", "Duplicate: %s"},
	"home.copyof":      {"%s (副本)", "%s (copy)"},
	"home.deletetitle": {"删除评估", "Delete evaluation"},
	"home.deletebody":  {"删除评估“%s”(%d 家厂商)及其全部评分? 此操作不能撤销。", "Delete evaluation “%s” (%d vendors) with all its scores? This cannot be undone."},
	"home.whatrename":  {"重命名 %s", "renaming %s"},
	"home.whatdelete":  {"删除 %s", "deleting %s"},

	// Empty states: what to do next.
	"empty.home":             {"还没有评估项目。", "No evaluations yet."},
	"empty.home2":            {"按 n 从行业模板新建一个; 或运行 ccselect demo 查看示例。", "Press n to start one from an industry template, or run ccselect demo to see the sample."},
	"empty.vendors":          {"还没有厂商。按 a 添加第一家。", "No vendors yet. Press a to add the first one."},
	"empty.vendors.grid":     {"还没有厂商: 到“厂商”页按 a 添加。", "No vendors yet: add them on the Vendors tab (a)."},
	"empty.vendors.overview": {"还没有厂商可排名: 到“厂商”页按 a 添加。", "Nothing to rank yet: add vendors on the Vendors tab (a)."},
	"empty.reviewers":        {"还没有评审人。按 a 添加; 评分都记在评审人名下。", "No reviewers yet. Press a to add one: every score belongs to a reviewer."},
	"empty.reviewers.short":  {"还没有评审人: 到“评审”页按 a 添加", "No reviewers: add one on the Reviewers tab (a)"},
	"empty.criteria":         {"这个维度没有准则。", "This dimension has no criteria."},

	// Sensitivity tab: the weight sweep chart, break-even table, tornado and SMAA.
	"sens.robust":      {"稳健性: %s", "Robustness: %s"},
	"sens.dimweight":   {"维度权重", "dimension weight"},
	"sens.critweight":  {"“%s”内的准则权重", "criterion weight within %s"},
	"sens.fixed":       {"同层只有这一项, 权重无法调整", "the only weight at its level: it cannot move"},
	"sens.current":     {"当前", "current"},
	"sens.chart":       {"各厂商总分随该权重 0→100%% 的变化 (其余按比例缩放) · × 交叉点", "Each vendor's total as this weight goes 0→100%% (the others rescale in proportion) · × crossovers"},
	"sens.omitted":     {"未绘制 (已淘汰): %s", "Not drawn (knocked out): %s"},
	"sens.noranked":    {"没有厂商通过一票否决: 无从分析。", "No vendor passes the knock-outs: there is nothing to analyse."},
	"sens.toosmall":    {"窗口太小, 放大后显示图表", "Enlarge the window to see the chart"},
	"sens.betitle":     {"临界点: 第一名在哪个权重易主", "Break-even weights: where the lead changes hands"},
	"sens.leader":      {"当前第一: %s", "Leader now: %s"},
	"sens.colparam":    {"权重", "Weight"},
	"sens.colcurrent":  {"当前", "Now"},
	"sens.colbelow":    {"向下调到", "Lowered to"},
	"sens.colabove":    {"向上调到", "Raised to"},
	"sens.change":      {"%s → %s", "%s → %s"},
	"sens.belegend":    {"→ 越过该点后领先的厂商 · — 在 0–100%% 内始终第一", "→ who leads past that point · — keeps the lead over the whole 0–100%% range"},
	"sens.tornado":     {"龙卷风图: %s的领先幅度", "Tornado: %s's lead"},
	"sens.tornadokey":  {"░ 维度权重 ×0.5 · █ ×1.5 · │ 当前", "░ weight ×0.5 · █ ×1.5 · │ now"},
	"sens.tornadonone": {"至少需要两家通过一票否决的厂商", "Needs at least two vendors past the knock-outs"},
	"smaa.title":       {"SMAA-2 随机权重分析", "SMAA-2 stochastic weight analysis"},
	"smaa.options":     {"样本 %s · %s · %s · 评分不确定性: %s", "%s samples · %s · %s · score uncertainty: %s"},
	"smaa.uniform":     {"均匀权重", "uniform weights"},
	"smaa.ordinal":     {"保持当前权重次序", "weights in their current order"},
	"smaa.around":      {"当前权重 ±%d%%", "current weights ±%d%%"},
	"smaa.dimensions":  {"抽取维度权重", "dimension weights drawn"},
	"smaa.criteria":    {"抽取准则权重", "criterion weights drawn"},
	"smaa.none":        {"无", "none"},
	"smaa.reviewers":   {"评审间分歧", "reviewer spread"},
	"smaa.idle":        {"按 s 运行 (种子固定: 同样设置得到同样结果)", "Press s to run (fixed seed: the same settings give the same numbers)"},
	"smaa.running":     {"运行中 · esc 取消", "running · esc cancels"},
	"smaa.cancelling":  {"正在取消…", "cancelling…"},
	"smaa.cancelled":   {"已取消 · 按 s 重新运行", "cancelled · press s to run again"},
	"smaa.failed":      {"SMAA 失败: %v", "SMAA failed: %v"},
	"smaa.busy":        {"SMAA 正在运行 · esc 取消", "SMAA is running · esc cancels it"},
	"smaa.result":      {"结果: %s 次 · %s · %s · 评分不确定性: %s", "Result: %s draws · %s · %s · score uncertainty: %s"},
	"smaa.stale":       {"评分已更改 — 按 s 重新运行", "scores changed — press s to re-run"},
	"smaa.accept":      {"排名接受度 %", "Rank acceptability %"},
	"smaa.rank":        {"第%d", "#%d"},
	"smaa.conf":        {"置信度", "Conf."},
	"smaa.central":     {"中心权重", "Central weights"},
	"smaa.more":        {"另有 %d 个名次未显示", "%d more ranks not shown"},
	"smaa.legend":      {"接受度: 获得该名次的抽样占比 · 置信度: 按其中心权重排第一的概率 · — 从未第一", "Acceptability: share of draws giving that rank · Confidence: chance of first place at its central weights · — never first"},

	// What an undo or redo replayed (status line), built from the store's Change.
	"undo.score":          {"%s · %s", "%s · %s"},
	"undo.clearscore":     {"清除评分 %s · %s", "cleared score %s · %s"},
	"undo.vendor":         {"厂商 %s", "vendor %s"},
	"undo.vendordelete":   {"删除厂商 %s", "deleted vendor %s"},
	"undo.reviewer":       {"评审人 %s", "reviewer %s"},
	"undo.reviewerdelete": {"删除评审人 %s", "deleted reviewer %s"},
	"undo.rename":         {"重命名为 %s", "renamed to %s"},
	"undo.client":         {"客户改为 %s", "client set to %s"},
	"undo.profile":        {"权重配置 %s", "weight profile %s"},
	"undo.profiledelete":  {"删除权重配置 %s", "deleted weight profile %s"},
	"undo.profileactive":  {"启用权重配置 %s", "active weight profile %s"},
	"undo.knockouts":      {"一票否决规则 (%d 条)", "knock-out rules (%d)"},
	"undo.param":          {"参数 %s", "parameter %s"},

	// Outcomes.
	"ok.saved":           {"已保存: %s", "Saved: %s"},
	"ok.undone":          {"已撤销: %s", "Undone: %s"},
	"ok.redone":          {"已重做: %s", "Redone: %s"},
	"info.nothingundo":   {"没有可撤销的操作", "Nothing to undo"},
	"info.nothingredo":   {"没有可重做的操作", "Nothing to redo"},
	"err.list":           {"无法读取评估列表: %v", "Could not read the evaluations: %v"},
	"err.open":           {"无法打开评估: %v", "Could not open the evaluation: %v"},
	"err.load":           {"无法重新读取评估: %v", "Could not reload the evaluation: %v"},
	"err.gone":           {"该评估已被其他程序删除", "This evaluation was deleted elsewhere"},
	"err.save":           {"未保存 %s: %v", "Not saved: %s: %v"},
	"err.unsaved":        {"%d 项未保存 (最新: %s: %s) · w 重试, 锁释放后自动重试", "%d not saved (last: %s: %s) · w retries; retried when the lock clears"},
	"err.kind.busy":      {"数据库正被另一个程序锁定", "the database is locked by another program"},
	"err.kind.readonly":  {"数据库只读, 无法保存", "the database is read-only"},
	"err.kind.notfound":  {"已不存在 (可能在另一个窗口中被删除)", "no longer exists (deleted in another window?)"},
	"err.kind.nametaken": {"已有同名评估", "another evaluation has this name"},
	"info.retrying":      {"正在重试 %d 项未保存的修改…", "Retrying %d unsaved edits…"},
	"quit.unsaved":       {"%d 项修改未保存: %s · w 重试 · 再按 q 放弃并退出", "%d edits not saved: %s · w retries · q again quits without them"},
	"quit.waiting":       {"正在保存, 保存完成后退出…", "Saving; quitting when it is in…"},
	"key.retry":          {"重试未保存", "retry unsaved"},
	"undo.by":            {" (%s 所做)", " (made by %s)"},
	"undo.none":          {"无", "none"},
	"info.external":      {"已从另一个窗口更新", "Updated from another window"},
	"ro.refused":         {"只读数据库: 无法修改 (没有写入权限)", "Read-only database: nothing can be changed (no write permission)"},
	"ro.hintkey":         {"只读", "read-only"},
	"ro.hint":            {"编辑键已停用", "editing keys are off"},
	"hdr.readonly":       {"只读", "read-only"},
	"hdr.demokept":       {"退出即丢弃", "not kept"},
	"key.advance":        {"评分后右移 开/关", "advance after rating on/off"},
	"grid.advanceon":     {"评分后光标移到下一个厂商", "After a rating the cursor moves to the next vendor"},
	"grid.advanceoff":    {"评分后光标留在原处", "After a rating the cursor stays"},
	"exit.unsaved":       {"退出时以下修改未保存: %s", "quit with edits not saved: %s"},
	"err.savedialog":     {"保存失败, 内容仍在表单中: %v", "Saving failed; what you typed is still here: %v"},
	"err.create":         {"无法创建评估: %v", "Could not create the evaluation: %v"},
	"err.undo":           {"撤销/重做失败: %v", "Undo/redo failed: %v"},

	// Times.
	"time.today":     {"今天 %s", "today %s"},
	"time.yesterday": {"昨天 %s", "yesterday %s"},
}
