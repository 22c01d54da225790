#!/usr/bin/env python3
"""Writes the demo data set of examples/demo: half a year (June to November
2026) of a small sales team's spreadsheets, deterministic (a fixed seed), so
that ./scripts/demo loads the same workspace every time through hopper's
import commands and every report has real shapes.

  examples/demo/generate.py    # rewrites leads.csv, customers.csv,
                               # opportunities.csv and followups.tsv

Chinese and English names, valid and unique phones, emails and companies
(the import refuses duplicates), a few hundred leads and customers, deals
won, lost and open in every stage, follow-ups valid and not.
"""
import csv
import datetime as dt
import os
import random

rng = random.Random(2026)
HERE = os.path.dirname(os.path.abspath(__file__))
START = dt.date(2026, 6, 1)
TODAY = dt.date(2026, 11, 20)  # the data runs to here; the demo's clock is a week later

REPS = {"east": ["li", "zhang", "liu"], "west": ["zhao", "sun", "emily"]}
ALL_REPS = [r for team in REPS.values() for r in team]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "华", "慧"]
ENGLISH = ["Emily Carter", "James Wilson", "Anna Berg", "Lucas Martin", "Sofia Rossi", "Noah Kim", "Olivia Brown",
           "Liam Novak", "Mia Jensen", "Ethan Clark", "Chloe Dubois", "Mateo Silva", "Hannah Weber", "Ryan Tan"]
CITIES = ["北京", "上海", "杭州", "深圳", "成都", "苏州", "南京", "武汉", "西安", "广州", "天津", "青岛"]
TRADES = ["云栖软件", "华星科技", "远航物流", "青禾贸易", "启明医疗", "恒通机械", "蓝海电子", "金桥建材", "新程教育",
          "百川食品", "锐达汽配", "天合能源", "博远咨询", "瑞丰纺织", "海纳数据"]
SUFFIXES = ["有限公司", "股份有限公司", "集团"]
QUALIFIERS = ["", "国际", "智能", "网络", "实业", "控股", "信息"]
EN_WORDS = ["Blue Harbor", "Nordlicht", "Summit", "Redwood", "Silverline", "Brightpath", "Oakridge", "Northwind",
            "Crescent", "Evergreen", "Pioneer", "Granite"]
EN_KINDS = ["Trading Co., Ltd.", "GmbH", "Inc.", "Logistics Ltd.", "Systems AG", "Foods Ltd."]
SOURCES = ["官网", "展会", "转介绍", "电话营销", "LinkedIn", "web"]
PRODUCTS = ["ERP 升级", "CRM 实施", "监控平台", "云服务", "数据中台", "Fleet tracking", "打印耗材", "安全审计",
            "Spare parts", "培训服务"]
GOOD = ["拜访客户，演示了报价系统，对方很感兴趣", "电话沟通了报价，客户下周安排技术交流", "发送了方案书并约定了评审时间",
        "Demo for the IT team, they asked for a pilot", "与采购确认预算和决策流程", "现场调研了仓库流程，记录了需求"]
FILLER = ["继续跟进", "暂无意向", "保持互动"]
LOST = ["price", "competitor", "no budget", "no decision", "other"]

used_phones, used_companies, used_emails = set(), set(), set()


def day(lo=START, hi=TODAY):
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


def person():
    if rng.random() < 0.2:
        return rng.choice(ENGLISH)
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def phone():
    while True:
        p = "1" + rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(9))
        if p not in used_phones:
            used_phones.add(p)
            return p


def company():
    while True:
        if rng.random() < 0.2:
            c = f"{rng.choice(EN_WORDS)} {rng.choice(['Asia', 'China', 'Pacific', 'Global', 'Digital'])} {rng.choice(EN_KINDS)}"
            stem = c
        else:
            stem = rng.choice(CITIES) + rng.choice(TRADES) + rng.choice(QUALIFIERS)
            c = stem + rng.choice(SUFFIXES)
        # hopper compares companies without legal suffixes: keep the stems apart
        key = " ".join(c.split(" ")[:2]) if " " in c else stem
        if c not in used_companies and key not in used_companies:
            used_companies.add(c)
            used_companies.add(key)
            return c


def email(name, firm):
    local = "".join(ch for ch in name.lower() if ch.isascii() and ch.isalnum()) or f"info{len(used_emails)}"
    domain = "".join(ch for ch in firm.lower() if ch.isascii() and ch.isalnum())[:12] or f"corp{len(used_emails)}"
    e = f"{local}@{domain}.com"
    if e in used_emails:
        e = f"{local}{len(used_emails)}@{domain}.com"
    used_emails.add(e)
    return e


def write(name, header, rows, delimiter=","):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


# Customers first: C1… in file order, so deals and follow-ups can name them by ref.
customers = []
layers = ["resource"] * 2 + ["graded"] * 3 + ["contacted"] * 4 + ["lead"] * 3 + ["intent"] * 2 + ["signed"] * 2 + \
    ["implemented"]
for i in range(180):
    firm = company()
    contact = person()
    owner = "pool" if i % 9 == 8 else rng.choice(ALL_REPS)
    created = day(START, TODAY - dt.timedelta(days=10))
    customers.append({
        "name": firm, "grade": rng.choice("AABBBCCD"), "segment": "KA" if rng.random() < 0.2 else "SMB",
        "owner": owner, "contact": contact, "phone": phone(),
        "email": email(contact, firm) if rng.random() < 0.4 else "", "layer": rng.choice(layers),
        "created": created.isoformat(),
    })
write("customers.csv", ["name", "grade", "segment", "owner", "contact", "phone", "email", "layer", "created"],
      [[c[k] for k in ["name", "grade", "segment", "owner", "contact", "phone", "email", "layer", "created"]]
       for c in customers])

leads = []
for i in range(320):
    name = person()
    firm = company() if rng.random() < 0.7 else ""
    leads.append([name, firm, name if firm else "", phone() if rng.random() < 0.85 else "",
                  email(name, firm or name) if rng.random() < 0.3 else "", rng.choice(SOURCES),
                  rng.choice("ABBCCCDD"), rng.choice(ALL_REPS), day().isoformat()])
write("leads.csv", ["name", "company", "contact", "phone", "email", "source", "grade", "owner", "created"], leads)

# Deals on owned customers: won and lost through the half year, open ones in every stage.
opps = []
M_STAGES = ["contact", "proposal", "negotiation", "contract"]
for i, c in enumerate(customers):
    if c["owner"] == "pool":
        continue
    ref = f"C{i + 1}"
    created0 = dt.date.fromisoformat(c["created"])
    for deal in rng.sample(PRODUCTS, rng.choice([0, 1, 1, 1, 2, 2, 3])):  # one deal per product
        pipeline = "S" if rng.random() < 0.25 else "M"
        stage = rng.choice(["renewal", "order"]) if pipeline == "S" else rng.choice(M_STAGES)
        amount = rng.choice([8, 12, 15, 20, 30, 45, 60, 80, 120, 200]) * 10000
        created = day(created0, TODAY - dt.timedelta(days=3))
        roll = rng.random()
        status, closed, reason, close = "open", "", "", ""
        if roll < 0.3 and (TODAY - created).days > 14:
            status = "won"
            closed = day(created + dt.timedelta(days=7), TODAY).isoformat()
            stage = "contract" if pipeline == "M" else "order"
        elif roll < 0.5 and (TODAY - created).days > 14:
            status = "lost"
            closed = day(created + dt.timedelta(days=7), TODAY).isoformat()
            reason = rng.choice(LOST if pipeline == "M" else ["price", "competitor", "no need", "other"])
        else:
            close = (TODAY + dt.timedelta(days=rng.randrange(5, 150))).isoformat()
        opps.append([ref, deal, amount, pipeline, stage, close or closed, "", status, closed, reason,
                     created.isoformat()])
write("opportunities.csv", ["customer", "name", "amount", "pipeline", "stage", "close", "prob", "status", "closed",
                            "lost_reason", "created"], opps)

# Follow-ups (the demo logs them with --at): recent for most owned customers,
# stale for some, so tonight's recycle has work; some only filler.
followups = []
for i, c in enumerate(customers):
    if c["owner"] == "pool" or rng.random() < 0.1:
        continue
    ref = f"C{i + 1}"
    created = dt.date.fromisoformat(c["created"])
    stale = rng.random() < 0.25
    last = TODAY - dt.timedelta(days=rng.randrange(16, 40) if stale else rng.randrange(0, 12))
    for n in range(rng.choice([1, 2, 3])):
        at = max(created, last - dt.timedelta(days=7 * n))
        filler = rng.random() < 0.12
        followups.append([c["owner"], ref, f"{at.isoformat()}T{rng.randrange(9, 18):02}:{rng.choice(['00', '15', '30', '45'])}",
                          "call" if filler else rng.choice(["call", "visit", "meeting", "email", "demo", "wechat"]),
                          rng.choice(FILLER) if filler else rng.choice(GOOD)])
followups.sort(key=lambda f: f[2])
write("followups.tsv", ["rep", "ref", "at", "type", "text"], followups, delimiter="\t")
print(f"{len(customers)} customers, {len(leads)} leads, {len(opps)} deals, {len(followups)} follow-ups")
