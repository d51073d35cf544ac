#!/usr/bin/env python3
"""gen_fo.py — writes the benchmark inputs into bench/work/ (stdlib only, deterministic).

  regulation.fo   ~300-page Chinese regulation, A4, GB/T 9704 margins, page numbers
  regulation.txt  the same paragraphs, one a line, for the floor program (see floor.c)
  register.fo     ~50-page landscape table (序号/主要职责/具体工作事项/责任股室/备注), row spans
  notices.fo      200 one-page 责令整改通知书, one page-sequence each
  notice-one.fo   the first of them alone (one notice end to end)
  notices.txt     1,000 notices for the floor's per-document mode (the first 200 = notices.fo)
  table-N.fo      simple 4-column tables of N = 100, 1000, 10000 rows (scaling)

Usage: bench/gen_fo.py [WORKDIR]      (default: bench/work beside this script)
       bench/gen_fo.py --cases SAMPLE.xml COUNT OUTDIR   (mutated copies of a case record)
       bench/gen_fo.py --floor-text OUT.txt COUNT PDF…   (the floor's input with the text of
           the PDFs gongwen made from one record, COUNT documents cycling over them)
Only standard XSL-FO 1.1 that Apache FOP 2.8 understands is used.  Both gongwen and FOP must
find the same TrueType fonts: "AR PL UMing CN" (text) and "WenQuanYi Zen Hei" (headings).
"""

import os
import random
import sys

SEED = 9704
BODY_FONT = "AR PL UMing CN"     # stands in for 仿宋 / 宋体 (TrueType, FOP can embed it)
HEAD_FONT = "WenQuanYi Zen Hei"  # stands in for 黑体
LINE = "28.95pt"                 # 22 lines in the 225 mm GB/T 9704 type area
FO_NS = "http://www.w3.org/1999/XSL/Format"

# ---------------------------------------------------------------------------------------------
# Text helpers

DIGITS = "零一二三四五六七八九"


def cn_num(n):
    """Chinese numeral for 1..9999 as used in 第N条 (一百零一, 一百一十, 二十)."""
    if n <= 0:
        return DIGITS[0]
    units = [(1000, "千"), (100, "百"), (10, "十")]
    out = []
    zero = False
    started = False
    for value, name in units:
        d = n // value
        n %= value
        if d:
            if zero:
                out.append("零")
                zero = False
            if not (value == 10 and d == 1 and not started):
                out.append(DIGITS[d])
            out.append(name)
            started = True
        elif started:
            zero = True
    if n:
        if zero:
            out.append("零")
        out.append(DIGITS[n])
    return "".join(out)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------------------------------------
# Vocabulary of regulatory phrases

AGENCIES = ["县市场监督管理局", "县应急管理局", "县人民政府", "乡镇人民政府", "县级有关部门",
            "县生态环境分局", "县住房和城乡建设局", "县卫生健康局", "县农业农村局", "县交通运输局",
            "各执法机构", "各股室", "综合行政执法队", "基层市场监管所"]
SUBJECTS = ["生产经营单位", "食品生产经营者", "特种设备使用单位", "检验检测机构", "个体工商户",
            "网络交易平台经营者", "药品零售企业", "医疗器械经营企业", "计量器具使用单位",
            "重点工业产品生产企业", "商品交易市场开办者", "餐饮服务提供者", "校外培训机构",
            "燃气经营企业", "危险化学品经营单位", "建设工程施工单位", "农资经营者"]
DUTIES = ["建立健全安全生产责任制", "落实主体责任", "定期开展自查自纠", "如实记录进货查验情况",
          "配备专职或者兼职管理人员", "建立隐患排查治理制度", "制定应急救援预案并定期演练",
          "按照规定办理使用登记", "依法公示相关信息", "妥善保存原始记录和凭证",
          "对从业人员进行培训和考核", "按期申报定期检验", "保证检验检测数据真实准确",
          "严格执行强制性国家标准", "及时报告重大事项", "落实索证索票制度",
          "建立并执行从业人员健康管理制度", "保障安全投入", "落实全员安全生产责任制"]
ACTIONS = ["加强监督检查", "组织开展专项整治", "依法予以查处", "责令限期改正", "督促整改落实",
           "实施分类分级监管", "开展抽样检验", "组织约谈", "纳入信用记录", "予以通报批评",
           "依法实施行政处罚", "移送有关部门处理", "建立工作台账", "定期进行评估",
           "实行闭环管理", "加强部门协同配合", "开展执法回头看", "强化事中事后监管"]
OBJECTS = ["安全生产隐患", "违法违规行为", "投诉举报线索", "监督抽检不合格产品",
           "重大事故隐患", "虚假宣传行为", "不正当竞争行为", "价格违法行为", "产品质量问题",
           "计量违法行为", "无证无照经营行为", "食品安全风险", "特种设备安全隐患",
           "消费纠纷", "侵犯知识产权行为", "标准实施情况"]
CONDITIONS = ["在日常监督检查中", "对于情节较轻的", "发现问题线索后", "除法律法规另有规定外",
              "在重大节日和重要活动期间", "接到举报后", "对整改不到位的", "经调查核实后",
              "根据风险等级", "对涉嫌犯罪的", "在收到材料之日起十五个工作日内", "必要时",
              "对首次轻微违法且及时改正的", "按照“双随机、一公开”的要求",
              "依照《中华人民共和国行政处罚法》的规定", "参照GB/T 9704—2012的格式要求"]
LAWS = ["《中华人民共和国安全生产法》", "《中华人民共和国产品质量法》", "《中华人民共和国食品安全法》",
        "《中华人民共和国特种设备安全法》", "《中华人民共和国行政处罚法》", "《中华人民共和国计量法》",
        "《中华人民共和国标准化法》", "《中华人民共和国消费者权益保护法》", "《市场监督管理行政处罚程序规定》",
        "《优化营商环境条例》", "《中华人民共和国行政强制法》"]
TIMES = ["五个工作日", "十个工作日", "十五日", "三十日", "六十日", "三个月", "一年", "二十四小时",
         "7日", "30日", "90日"]
AMOUNTS = ["一万元以上五万元以下", "五千元以上三万元以下", "二万元以上十万元以下", "货值金额五倍以上十倍以下",
           "500元以上5000元以下", "违法所得一倍以上三倍以下"]
DOCS = ["执法文书", "检查记录", "整改报告", "询问笔录", "现场检查笔录", "抽样单", "检验报告",
        "立案审批表", "案件调查终结报告", "行政处罚决定书", "责令改正通知书"]
CHAPTERS = ["总则", "职责分工", "监督检查", "隐患排查治理", "案件管辖", "立案与调查", "证据收集",
            "听证程序", "行政处罚决定", "送达与执行", "信用监管", "投诉举报处理", "应急处置",
            "信息公开", "执法监督", "考核评价", "档案管理", "法律责任", "附则"]
SECTIONS = ["一般规定", "日常检查", "专项检查", "抽样检验", "调查取证", "审核审批", "简易程序",
            "普通程序", "结案归档"]


def clause(rng):
    """One clause built from the vocabulary; varied shapes."""
    k = rng.randrange(9)
    a, s = rng.choice(AGENCIES), rng.choice(SUBJECTS)
    if k == 0:
        return f"{s}应当{rng.choice(DUTIES)}，{rng.choice(DUTIES)}"
    if k == 1:
        return f"{rng.choice(CONDITIONS)}，{a}应当对{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}"
    if k == 2:
        return f"{a}负责本行政区域内{rng.choice(OBJECTS)}的{rng.choice(ACTIONS)}工作"
    if k == 3:
        return (f"{s}违反本规程规定，未{rng.choice(DUTIES)}的，由{a}责令限期改正，"
                f"可以处{rng.choice(AMOUNTS)}的罚款")
    if k == 4:
        return f"{a}应当自收到{rng.choice(DOCS)}之日起{rng.choice(TIMES)}内作出处理决定，并告知当事人"
    if k == 5:
        return f"依照{rng.choice(LAWS)}的规定，{rng.choice(CONDITIONS)}，{a}可以{rng.choice(ACTIONS)}"
    if k == 6:
        return f"{rng.choice(DOCS)}应当载明{rng.choice(OBJECTS)}、{rng.choice(DOCS)}和办理期限等内容"
    if k == 7:
        return f"{a}和{rng.choice(AGENCIES)}应当建立信息共享机制，及时通报{rng.choice(OBJECTS)}"
    return f"鼓励{s}{rng.choice(DUTIES)}，对{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}"


def sentence(rng):
    n = rng.choice([1, 1, 2, 2, 3])
    return "；".join(clause(rng) for _ in range(n)) + "。"


def paragraph(rng, lo=1, hi=4):
    return "".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


# ---------------------------------------------------------------------------------------------
# FO scaffolding

def fo_root_open(masters):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<fo:root xmlns:fo="{FO_NS}" font-family="{BODY_FONT}" language="zh" '
            f'country="CN">\n<fo:layout-master-set>\n{masters}</fo:layout-master-set>\n')


A4_MASTER = """<fo:simple-page-master master-name="{name}" page-width="210mm" page-height="297mm"
    margin-top="37mm" margin-bottom="21mm" margin-left="28mm" margin-right="26mm">
  <fo:region-body margin-bottom="14mm"/>
  <fo:region-before extent="10mm"/>
  <fo:region-after extent="14mm" display-align="center"/>
</fo:simple-page-master>
"""

PAGE_NUMBER = """<fo:static-content flow-name="xsl-region-after">
  <fo:block text-align="center" font-size="14pt" line-height="14pt">— <fo:page-number/> —</fo:block>
</fo:static-content>
"""

BODY_ATTRS = (f'font-size="16pt" line-height="{LINE}" text-align="justify" text-indent="2em"')


def write(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# (a) regulation

CHARS_PER_LINE = 27     # 442 pt / 16 pt
LINES_PER_PAGE = 22
EST_FACTOR = 0.935      # the line estimate is off (kinsoku, Latin runs, keeps); tuned on FOP 2.8


def est_lines(text, indent=2):
    return (len(text) + indent + CHARS_PER_LINE - 1) // CHARS_PER_LINE


def gen_regulation(work, pages=300):
    rng = random.Random(SEED)
    fo = [fo_root_open(A4_MASTER.format(name="A4"))]
    fo.append('<fo:page-sequence master-reference="A4" initial-page-number="1">\n')
    fo.append(PAGE_NUMBER)
    fo.append(f'<fo:flow flow-name="xsl-region-body">\n')
    txt = []
    title = "某县市场监督管理局行政执法工作规程"
    fo.append(f'<fo:block font-size="22pt" line-height="33pt" text-align="center" '
              f'space-after="{LINE}">{title}</fo:block>\n')
    txt.append(f"T\t{title}")
    sub = "（2024年3月15日局务会议审议通过）"
    fo.append(f'<fo:block font-size="16pt" line-height="{LINE}" text-align="center" '
              f'space-after="{LINE}">{sub}</fo:block>\n')
    txt.append(f"N\t{sub}")
    lines = 4
    article = 0
    chapter = 0
    budget = int(pages * LINES_PER_PAGE * EST_FACTOR) - 6
    while lines < budget:
        chapter += 1
        name = CHAPTERS[(chapter - 1) % len(CHAPTERS)] if chapter <= len(CHAPTERS) else \
            rng.choice(CHAPTERS[1:-1])
        head = f"第{cn_num(chapter)}章　{name}"
        fo.append(f'<fo:block font-family="{HEAD_FONT}" font-size="16pt" line-height="{LINE}" '
                  f'text-align="center" space-before="{LINE}" space-after="{LINE}" '
                  f'keep-with-next.within-page="always">{head}</fo:block>\n')
        txt.append(f"H\t{head}")
        lines += 3
        nsec = rng.choice([0, 0, 2, 3])
        for sec in range(max(nsec, 1)):
            if nsec:
                sh = f"第{cn_num(sec + 1)}节　{rng.choice(SECTIONS)}"
                fo.append(f'<fo:block font-family="{HEAD_FONT}" font-size="16pt" '
                          f'line-height="{LINE}" text-align="center" '
                          f'keep-with-next.within-page="always">{sh}</fo:block>\n')
                txt.append(f"H\t{sh}")
                lines += 1
            for _ in range(rng.randint(4, 9)):
                article += 1
                label = f"第{cn_num(article)}条"
                body = paragraph(rng, 1, 3)
                fo.append(f'<fo:block {BODY_ATTRS}><fo:inline font-family="{HEAD_FONT}">'
                          f'{label}</fo:inline><fo:leader leader-pattern="space" leader-length="1em"/>'
                          f'{esc(body)}</fo:block>\n')
                txt.append(f"A\t{label}\t{body}")
                lines += est_lines(label + "　" + body)
                if rng.random() < 0.3:
                    for i in range(rng.randint(2, 6)):
                        item = f"（{cn_num(i + 1)}）{sentence(rng)}"
                        fo.append(f'<fo:block {BODY_ATTRS}>{esc(item)}</fo:block>\n')
                        txt.append(f"P\t{item}")
                        lines += est_lines(item)
                if rng.random() < 0.4:
                    body = paragraph(rng, 1, 2)
                    fo.append(f'<fo:block {BODY_ATTRS}>{esc(body)}</fo:block>\n')
                    txt.append(f"P\t{body}")
                    lines += est_lines(body)
                if lines >= budget:
                    break
            if lines >= budget:
                break
    fo.append('</fo:flow>\n</fo:page-sequence>\n</fo:root>\n')
    write(os.path.join(work, "regulation.fo"), "".join(fo))
    write(os.path.join(work, "regulation.txt"), "\n".join(txt) + "\n")
    return article


# ---------------------------------------------------------------------------------------------
# (b) register: landscape duties table repeated 20 times

OFFICES = ["办公室", "法规股", "食品生产股", "食品流通股", "餐饮服务股", "特种设备安全监察股",
           "质量发展股", "标准计量股", "认证认可股", "网络交易监管股", "价格监督检查股",
           "知识产权股", "信用监管股", "登记注册股", "综合行政执法队"]
NOTES = ["", "", "", "", "按季度报送", "与县应急管理局协同", "年底前完成", "需上报市局备案",
         "涉及多部门的牵头负责", "依申请办理"]


def duties_block(rng):
    """One duties-like table: list of (main duty, [(item, office, note), …])."""
    out = []
    for _ in range(rng.randint(8, 11)):
        main = f"负责{rng.choice(OBJECTS)}的{rng.choice(ACTIONS)}工作，{rng.choice(DUTIES)}"
        items = []
        for _ in range(rng.randint(1, 4)):
            item = (f"{rng.choice(CONDITIONS)}，{rng.choice(ACTIONS)}，"
                    f"督促{rng.choice(SUBJECTS)}{rng.choice(DUTIES)}。")
            if rng.random() < 0.4:
                item += f"对{rng.choice(OBJECTS)}{rng.choice(ACTIONS)}。"
            items.append((item, rng.choice(OFFICES), rng.choice(NOTES)))
        out.append((main, items))
    return out


def gen_register(work, copies=20):
    rng = random.Random(SEED + 1)
    master = """<fo:simple-page-master master-name="A4L" page-width="297mm" page-height="210mm"
    margin-top="20mm" margin-bottom="12mm" margin-left="20mm" margin-right="20mm">
  <fo:region-body margin-bottom="12mm"/>
  <fo:region-after extent="12mm" display-align="center"/>
</fo:simple-page-master>
"""
    fo = [fo_root_open(master)]
    fo.append('<fo:page-sequence master-reference="A4L">\n')
    fo.append(PAGE_NUMBER)
    fo.append('<fo:flow flow-name="xsl-region-body">\n')
    fo.append(f'<fo:block font-size="22pt" line-height="33pt" text-align="center" '
              f'space-after="12pt">某县市场监督管理局权责清单及工作事项登记表</fo:block>\n')
    cell = 'border="0.5pt solid black" padding="2pt 3pt"'
    fo.append('<fo:table table-layout="fixed" width="100%" border-collapse="separate" '
              'font-size="12pt" line-height="18pt">\n')
    for w in (1, 3, 7, 2, 1.5):
        fo.append(f'<fo:table-column column-width="proportional-column-width({w})"/>\n')
    fo.append('<fo:table-header font-family="%s">\n<fo:table-row>\n' % HEAD_FONT)
    for h in ("序号", "主要职责", "具体工作事项", "责任股室", "备注"):
        fo.append(f'<fo:table-cell {cell} display-align="center"><fo:block text-align="center">'
                  f'{h}</fo:block></fo:table-cell>\n')
    fo.append('</fo:table-row>\n</fo:table-header>\n<fo:table-body>\n')
    n = 0
    block = duties_block(rng)
    for copy in range(copies):
        if copy:  # vary each copy a little so the text is not literally repeated
            block = [(main.replace("工作，", "事项，", 1) if (copy + i) % 3 == 0 else main, items)
                     for i, (main, items) in enumerate(duties_block(rng))]
        for main, items in block:
            n += 1
            span = len(items)
            for k, (item, office, note) in enumerate(items):
                fo.append('<fo:table-row>\n')
                if k == 0:
                    rs = f' number-rows-spanned="{span}"' if span > 1 else ""
                    fo.append(f'<fo:table-cell {cell}{rs} display-align="center"><fo:block '
                              f'text-align="center">{n}</fo:block></fo:table-cell>\n')
                    fo.append(f'<fo:table-cell {cell}{rs}><fo:block text-align="justify">'
                              f'{esc(main)}</fo:block></fo:table-cell>\n')
                fo.append(f'<fo:table-cell {cell}><fo:block text-align="justify">{k + 1}. '
                          f'{esc(item)}</fo:block></fo:table-cell>\n')
                fo.append(f'<fo:table-cell {cell} display-align="center"><fo:block '
                          f'text-align="center">{office}</fo:block></fo:table-cell>\n')
                fo.append(f'<fo:table-cell {cell}><fo:block>{note}</fo:block></fo:table-cell>\n')
                fo.append('</fo:table-row>\n')
    fo.append('</fo:table-body>\n</fo:table>\n</fo:flow>\n</fo:page-sequence>\n</fo:root>\n')
    write(os.path.join(work, "register.fo"), "".join(fo))
    return n


# ---------------------------------------------------------------------------------------------
# (c) notices: 责令整改通知书, one page each

COMPANIES = ["鑫达", "恒泰", "宏远", "永盛", "华兴", "金源", "瑞丰", "博远", "顺通", "嘉禾", "汇通",
             "天成", "祥和", "新宇", "东方", "明辉"]
TRADES = ["食品有限公司", "机械制造有限公司", "商贸有限责任公司", "建材有限公司", "餐饮管理有限公司",
          "化工有限公司", "物流有限公司", "超市", "药店", "农资经营部", "纺织有限公司", "液化气站"]
PROBLEMS = ["未建立{d}制度", "未按规定{d}", "{o}未及时消除", "未依法{d}，存在{o}",
            "现场检查发现{o}，且未{d}", "从业人员未经培训上岗，未{d}"]


def notice(rng, i):
    """Returns the notice as a list of (kind, text) — kinds as in regulation.txt."""
    year = 2024
    comp = f"某县{rng.choice(COMPANIES)}{rng.choice(TRADES)}"
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    parts = [("T", "责令整改通知书"),
             ("N", f"某市监责改〔{year}〕{i + 1}号"),
             ("L", f"{comp}："),
             ("P", f"{year}年{month}月{day}日，本局执法人员依法对你单位进行了现场检查，"
                   f"经查，你单位存在下列问题：")]
    for k in range(rng.randint(2, 3)):
        p = rng.choice(PROBLEMS).format(d=rng.choice(DUTIES), o=rng.choice(OBJECTS))
        parts.append(("P", f"{k + 1}. {p}。"))
    law = rng.choice(LAWS)
    due = f"{year}年{month + 1}月{day}日" if month < 12 else f"{year + 1}年1月{day}日"
    parts.append(("P", f"依据{law}第{cn_num(rng.randint(10, 120))}条的规定，现责令你单位于"
                       f"{due}前整改完毕，并将整改情况书面报告本局。"
                       f"逾期未改正的，本局将依法{rng.choice(ACTIONS)}。"))
    parts.append(("P", "整改期间，你单位应当采取必要的防范措施，防止发生事故。"
                       "如不服本通知，可以在收到本通知之日起六十日内依法申请行政复议，"
                       "或者在六个月内依法向人民法院提起行政诉讼。"))
    parts.append(("R", "某县市场监督管理局"))
    parts.append(("R", f"{year}年{month}月{day}日"))
    return parts


def notice_fo(parts):
    fo = ['<fo:page-sequence master-reference="A4N">\n<fo:flow flow-name="xsl-region-body">\n']
    for kind, text in parts:
        t = esc(text)
        if kind == "T":
            fo.append(f'<fo:block font-size="22pt" line-height="33pt" text-align="center" '
                      f'space-after="14pt">{t}</fo:block>\n')
        elif kind == "N":
            fo.append(f'<fo:block font-size="16pt" line-height="{LINE}" text-align="center" '
                      f'space-after="{LINE}">{t}</fo:block>\n')
        elif kind == "L":
            fo.append(f'<fo:block font-size="16pt" line-height="{LINE}">{t}</fo:block>\n')
        elif kind == "P":
            fo.append(f'<fo:block {BODY_ATTRS}>{t}</fo:block>\n')
        elif kind == "R":
            sb = f' space-before="{LINE}"' if text.endswith("局") else ""
            fo.append(f'<fo:block font-size="16pt" line-height="{LINE}" text-align="right" '
                      f'end-indent="4em"{sb}>{t}</fo:block>\n')
    fo.append('</fo:flow>\n</fo:page-sequence>\n')
    return "".join(fo)


def gen_notices(work, n_fo=200, n_txt=1000):
    rng = random.Random(SEED + 2)
    master = A4_MASTER.format(name="A4N")
    all_parts = [notice(rng, i) for i in range(n_txt)]
    fo = [fo_root_open(master)] + [notice_fo(p) for p in all_parts[:n_fo]] + ["</fo:root>\n"]
    write(os.path.join(work, "notices.fo"), "".join(fo))
    write(os.path.join(work, "notice-one.fo"),
          fo_root_open(master) + notice_fo(all_parts[0]) + "</fo:root>\n")
    lines = []
    for parts in all_parts:
        lines += [f"{k}\t{t}" for k, t in parts]
        lines.append("=")
    write(os.path.join(work, "notices.txt"), "\n".join(lines) + "\n")


# ---------------------------------------------------------------------------------------------
# (d) table-N

def gen_table(work, rows):
    rng = random.Random(SEED + rows)
    fo = [fo_root_open(A4_MASTER.format(name="A4"))]
    fo.append('<fo:page-sequence master-reference="A4">\n')
    fo.append(PAGE_NUMBER)
    fo.append('<fo:flow flow-name="xsl-region-body">\n')
    fo.append('<fo:table table-layout="fixed" width="100%" font-size="12pt" line-height="18pt">\n')
    for w in (1, 3, 6, 2):
        fo.append(f'<fo:table-column column-width="proportional-column-width({w})"/>\n')
    cell = 'border="0.5pt solid black" padding="2pt"'
    fo.append(f'<fo:table-header font-family="{HEAD_FONT}"><fo:table-row>')
    for h in ("序号", "单位名称", "检查事项", "结果"):
        fo.append(f'<fo:table-cell {cell}><fo:block text-align="center">{h}</fo:block>'
                  f'</fo:table-cell>')
    fo.append('</fo:table-row></fo:table-header>\n<fo:table-body>\n')
    for i in range(rows):
        name = f"{rng.choice(COMPANIES)}{rng.choice(TRADES)}"
        what = f"{rng.choice(ACTIONS)}（{rng.choice(OBJECTS)}）"
        res = rng.choice(["合格", "合格", "合格", "限期整改", "立案调查"])
        fo.append(f'<fo:table-row><fo:table-cell {cell}><fo:block text-align="center">{i + 1}'
                  f'</fo:block></fo:table-cell><fo:table-cell {cell}><fo:block>{name}</fo:block>'
                  f'</fo:table-cell><fo:table-cell {cell}><fo:block>{what}</fo:block>'
                  f'</fo:table-cell><fo:table-cell {cell}><fo:block text-align="center">{res}'
                  f'</fo:block></fo:table-cell></fo:table-row>\n')
    fo.append('</fo:table-body>\n</fo:table>\n</fo:flow>\n</fo:page-sequence>\n</fo:root>\n')
    write(os.path.join(work, f"table-{rows}.fo"), "".join(fo))


# ---------------------------------------------------------------------------------------------
# (e) case records for `gongwen batch`: copies of a sample record, mutated so each is distinct

def gen_cases(sample, count, out):
    """Writes COUNT copies of SAMPLE into OUT as case-NNNN.xml.  Mutations keep the record valid:
    document numbers 〔YYYY〕N号 get the copy's number, a root id="…N" its trailing digits."""
    import re
    with open(sample, encoding="utf-8") as f:
        src = f.read()
    os.makedirs(out, exist_ok=True)
    docno = re.compile(r"〔(\d{4})〕\d+号")
    root = re.search(r"<(?![?!])[^>]*>", src)
    for i in range(count):
        t = docno.sub(lambda m: f"〔{m.group(1)}〕{i + 1}号", src)
        if root:
            head = root.group(0)
            new = re.sub(r'(\sid="[^"]*?)(\d+)"', lambda m: f'{m.group(1)}{i + 1:0{len(m.group(2))}d}"',
                         head, count=1)
            t = t.replace(head, new, 1)
        write(os.path.join(out, f"case-{i + 1:04d}.xml"), t)


# ---------------------------------------------------------------------------------------------
# (f) the floor's input with the same text as the documents of a batch

def gen_floor_text(out, count, pdfs):
    """Writes OUT (floor.c's input) with COUNT documents cycling over PDFS: every line of
    `pdftotext PDF` as an S line (14 pt pitch; the first two lines, issuer and title, as T lines in
    the title font), a B line at every page break of the PDF, "=" at the end of each document.  The floor then
    draws the same characters on as many pages with the same fonts as gongwen's documents."""
    import subprocess
    docs = []
    for pdf in pdfs:
        txt = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                             text=True, check=True).stdout
        lines, titles = [], 0
        for page in txt.split("\f"):
            if not page.strip():
                continue
            if lines:
                lines.append("B\t")
            for line in page.split("\n"):
                line = " ".join(line.split())
                if not line:
                    continue
                lines.append(("T\t" if titles < 2 else "S\t") + line)
                titles += 1
        docs.append("\n".join(lines) + "\n=\n")
    write(out, "".join(docs[i % len(docs)] for i in range(count)))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if len(sys.argv) == 5 and sys.argv[1] == "--cases":
        gen_cases(sys.argv[2], int(sys.argv[3]), sys.argv[4])
        return
    if len(sys.argv) >= 5 and sys.argv[1] == "--floor-text":
        gen_floor_text(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
        return
    work = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "work")
    os.makedirs(work, exist_ok=True)
    arts = gen_regulation(work)
    duties = gen_register(work)
    gen_notices(work)
    for n in (100, 1000, 10000):
        gen_table(work, n)
    print(f"gen_fo: wrote {work}: regulation ({arts} articles), register ({duties} duties), "
          f"notices (200 in FO, 1000 in txt), table-100/1000/10000")


if __name__ == "__main__":
    main()
