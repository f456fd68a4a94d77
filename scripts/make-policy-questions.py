"""Write benchmarks/policy-questions.jsonl from the question list below (run once; the split is seeded).

Every answer phrase is checked against its notice in tests/fixtures/notices/ before anything is written,
and each question is assigned to the "tune" or "held-out" half by a fixed seed, before any tuning.

    python scripts/make-policy-questions.py
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTICES = ROOT / "tests" / "fixtures" / "notices"
OUT = ROOT / "benchmarks" / "policy-questions.jsonl"
SEED = 20261130

# (notice file stem or None, style, question, [answer phrases])
QUESTIONS: list[tuple[str | None, str, str, list[str]]] = [
    ("n01-tijian-tongzhi", "question", "离休干部体检经费每人每年多少钱？", ["按每人每年1800元标准"]),
    ("n01-tijian-tongzhi", "question", "2020年离休干部体检什么时候开始？", ["体检工作于2020年4月1日开始"]),
    (
        "n01-tijian-tongzhi",
        "colloquial",
        "八十多岁的老干部体检能多查哪些项目",
        ["可增加骨密度和颈动脉彩超检查"],
    ),
    ("n01-tijian-tongzhi", "keyword", "行动不便 上门采血", ["可由定点医院派员上门采血"]),
    (
        "n01-tijian-tongzhi",
        "question",
        "体检名单要在什么时候前报给市老干部局？",
        ["于2020年3月20日前将体检名单报市老干部局"],
    ),
    ("n02-xinhua-yiqing", "question", "疫情期间老年人集体活动还能办吗？", ["各类老年人集体活动一律暂停举办"]),
    ("n02-xinhua-yiqing", "colloquial", "独居老人社区要多久打一次电话", ["每日电话问候一次"]),
    ("n02-xinhua-yiqing", "keyword", "养老机构 封闭管理 探视", ["养老机构一律实行封闭管理"]),
    ("n02-xinhua-yiqing", "question", "老年人发烧了应该联系谁？", ["要第一时间联系社区卫生服务中心"]),
    (
        "n03-jianghua-gongzuohuiyi",
        "question",
        "去年为困难老干部发放了多少帮扶资金？",
        ["为困难老干部发放帮扶资金320万元"],
    ),
    (
        "n03-jianghua-gongzuohuiyi",
        "question",
        "退休干部占离退休干部总数的比例是多少？",
        ["退休干部已占总数的九成以上"],
    ),
    ("n03-jianghua-gongzuohuiyi", "keyword", "党支部标准化 达标率", ["年底前达标率不低于90%"]),
    (
        "n03-jianghua-gongzuohuiyi",
        "colloquial",
        "老干部怎么参加关心下一代工作",
        ["要组织老干部参加关心下一代工作"],
    ),
    ("n04-yijian-changti", "question", "离退休干部多久走访一次？", ["每季度至少走访一次"]),
    ("n04-yijian-changti", "keyword", "15分钟活动圈", ["打造“15分钟活动圈”"]),
    ("n04-yijian-changti", "question", "困难帮扶标准多久调整一次？", ["帮扶标准每年调整一次"]),
    ("n04-yijian-changti", "colloquial", "老干部工作经费从哪里出", ["将离退休干部工作经费列入年度预算"]),
    ("n05-banfa-tiaokuan", "question", "离退休干部活动中心哪天闭馆？", ["周一闭馆维护"]),
    ("n05-banfa-tiaokuan", "question", "活动中心开放时间是几点到几点？", ["开放时间为上午八时至下午五时"]),
    (
        "n05-banfa-tiaokuan",
        "colloquial",
        "在活动中心办个五六十人的活动要备案吗",
        ["须提前三日报活动中心备案"],
    ),
    ("n05-banfa-tiaokuan", "keyword", "除颤器 急救培训", ["活动中心应配备自动体外除颤器"]),
    ("n05-banfa-tiaokuan", "question", "活动中心管理办法什么时候施行？", ["本办法自2023年1月1日起施行"]),
    ("n06-zhengce-jiedu", "question", "临时救助每人每次最多给多少钱？", ["临时救助每人每次最高5000元"]),
    ("n06-zhengce-jiedu", "question", "日常帮扶标准提高到了多少？", ["日常帮扶由每年800元提高到1500元"]),
    ("n06-zhengce-jiedu", "colloquial", "帮扶审批现在要多少天", ["审批时限由30个工作日缩短为10个工作日"]),
    ("n06-zhengce-jiedu", "keyword", "离退休干部遗属 帮扶", ["将离退休干部遗属纳入帮扶对象"]),
    (
        "n07-liangxing-biaoti",
        "question",
        "双报到活动中党员每年参加社区活动不少于几次？",
        ["每年参加社区活动不少于4次"],
    ),
    ("n07-liangxing-biaoti", "colloquial", "退休党员要去哪里报到", ["离退休干部党员向居住地社区党组织报到"]),
    ("n07-liangxing-biaoti", "keyword", "党组织 结对共建", ["结对开展共建活动"]),
    ("n08-hanzi-riqi", "question", "生活完全不能自理的离休干部护理费是多少？", ["调整为每月2000元"]),
    (
        "n08-hanzi-riqi",
        "question",
        "能自理的离休干部每月护理费调整为多少？",
        ["护理费由每月400元调整为每月600元"],
    ),
    (
        "n08-hanzi-riqi",
        "colloquial",
        "护理费新标准啥时候开始执行",
        ["自二〇二〇年七月一日起调整离休干部护理费标准"],
    ),
    ("n09-jianghua-xinnian", "question", "去年全市地区生产总值增长了多少？", ["全市地区生产总值增长6.1%"]),
    ("n09-jianghua-xinnian", "colloquial", "领导说老干部是什么", ["是我们党和国家的宝贵财富"]),
    ("n10-quanzi-bianhao", "question", "夏天空调温度开多少合适？", ["室内空调温度不宜低于26摄氏度"]),
    ("n10-quanzi-bianhao", "question", "高温天老同志几点到几点最好别出门？", ["应避开上午十时至下午四时"]),
    ("n10-quanzi-bianhao", "keyword", "纳凉点 饮用水", ["活动中心开放纳凉点"]),
    (
        "n10-quanzi-bianhao",
        "colloquial",
        "独居老干部会收到防暑提醒吗",
        ["向独居、高龄离退休干部发送防暑提示短信"],
    ),
    ("n11-neirong-zhaiyao", "question", "调研共回收多少份有效问卷？", ["回收有效问卷2216份"]),
    (
        "n11-neirong-zhaiyao",
        "question",
        "有多少离休干部不会用智能手机？",
        ["六成以上离休干部不会使用智能手机"],
    ),
    ("n11-neirong-zhaiyao", "keyword", "智能手机进课堂", ["“智能手机进课堂”培训"]),
    ("n11-neirong-zhaiyao", "colloquial", "农村老干部参加活动有啥难处", ["农村地区老干部就近参加活动困难"]),
    ("n12-jigou-hang", "question", "军队离休干部春节八一慰问金标准是多少？", ["慰问金标准不低于每人500元"]),
    ("n12-jigou-hang", "keyword", "军队离休干部 医疗待遇", ["军队离休干部的医疗待遇，按照国家有关规定执行"]),
    (
        "n13-zongshu",
        "question",
        "离退休人员回国定居带自用物品要交进口税吗？",
        ["在规定限值以内的，免征进口税"],
    ),
    ("n13-zongshu", "colloquial", "退休了出国定居能带多少东西", ["按照个人自用、合理数量的原则验放"]),
    ("n14-zhuanfa", "question", "离退休干部党支部书记一般由谁担任？", ["原则上由退休干部党员担任"]),
    ("n14-zhuanfa", "question", "主题党日活动多久搞一次？", ["党支部每月至少开展一次主题党日活动"]),
    ("n14-zhuanfa", "colloquial", "行动不便的老党员怎么学习", ["党支部要定期送学上门"]),
    ("n15-fubiaoti-tongzhi", "question", "春节慰问离休干部每人慰问金多少？", ["离休干部每人慰问金1000元"]),
    ("n15-fubiaoti-tongzhi", "keyword", "走访慰问 轻车简从", ["走访慰问要轻车简从"]),
    (
        "n15-fubiaoti-tongzhi",
        "question",
        "春节慰问的范围包括哪些人？",
        ["全市离休干部、老红军、建国前老党员和生活困难的退休干部"],
    ),
    (
        "n16-xinhua-dianxun",
        "question",
        "银龄行动首批有多少老同志报名？",
        ["首批1200名老同志报名参加志愿服务"],
    ),
    ("n16-xinhua-dianxun", "question", "参加志愿服务的老同志年龄有什么限制？", ["年龄原则上不超过75周岁"]),
    ("n16-xinhua-dianxun", "colloquial", "老干部当志愿者有保险吗", ["为志愿者统一购买意外伤害保险"]),
    (
        "n17-jianghua-yishi",
        "question",
        "退休干部党员一般在哪里参加组织活动？",
        ["退休干部党员原则上在原单位党组织参加活动"],
    ),
    ("n17-jianghua-yishi", "keyword", "离岗不离党 退休不褪色", ["做到离岗不离党、退休不褪色"]),
    ("n17-jianghua-yishi", "colloquial", "党员多的单位支部怎么设", ["可按居住片区设立党支部"]),
    ("n17-jianghua-yishi", "question", "离退休党员多久集中学习一次？", ["每季度至少组织一次集中学习"]),
    ("n18-tongbao", "question", "2023年度考核哪些区县是优秀？", ["临川县、江北区、南湖区被评为优秀等次"]),
    ("n18-tongbao", "question", "整改报告什么时候之前要交？", ["在2024年4月30日前完成整改并报送整改报告"]),
    ("n18-tongbao", "keyword", "考核 经费保障不到位", ["少数单位经费保障不到位"]),
    ("n19-fangan-duoji", "question", "老年大学国画班每班招多少人？", ["每班限招30人"]),
    ("n19-fangan-duoji", "question", "老年大学每门课学费多少？", ["每门课程每学期收取学费200元"]),
    ("n19-fangan-duoji", "colloquial", "离休干部上老年大学要交钱吗", ["离休干部免收学费"]),
    ("n19-fangan-duoji", "question", "老年大学现场报名在什么时间？", ["现场报名：9月2日至9月6日"]),
    ("n20-liangxing-changti", "question", "离休干部医药费有起付线吗？", ["不设起付线和封顶线"]),
    ("n20-liangxing-changti", "keyword", "三优先 绿色通道", ["实行挂号、就诊、取药“三优先”"]),
    ("n21-wenda-jiedu", "question", "异地居住的退休党员怎么过组织生活？", ["可以就近参加居住地党组织的活动"]),
    (
        "n21-wenda-jiedu",
        "colloquial",
        "年纪大身体不好的党员可以不参加组织生活吗",
        ["经党支部同意，可以不参加组织生活"],
    ),
    ("n21-wenda-jiedu", "question", "退休干部党员组织关系转到哪里？", ["一般转到原单位离退休干部党组织"]),
    ("n22-fanti-tongzhi", "question", "临川县春节给离休干部的慰问金是多少？", ["慰問金標準為每人一千二百元"]),
    ("n22-fanti-tongzhi", "colloquial", "走访中老干部提的困难怎么处理", ["要建立台賬，限期辦結"]),
    (
        "n23-xinhua-changbiaoti",
        "question",
        "高龄失能离退休干部的照护需求怎么保障？",
        ["优先满足高龄失能离退休干部的照护需求"],
    ),
    (
        "n23-xinhua-changbiaoti",
        "keyword",
        "离退休干部工作 重要议事日程",
        ["把离退休干部工作纳入重要议事日程"],
    ),
    # Traditional-script questions over simplified notices.
    ("n01-tijian-tongzhi", "traditional", "離休幹部體檢經費每人每年多少錢？", ["按每人每年1800元标准"]),
    ("n05-banfa-tiaokuan", "traditional", "活動中心開放時間是幾點到幾點？", ["开放时间为上午八时至下午五时"]),
    ("n19-fangan-duoji", "traditional", "老年大學國畫班每班招多少人", ["每班限招30人"]),
    ("n06-zhengce-jiedu", "traditional", "臨時救助每人每次最多給多少錢？", ["临时救助每人每次最高5000元"]),
    # Unanswerable: on the topic, not in any notice.
    (None, "question", "离休干部的丧葬补助费标准是多少？", []),
    (None, "question", "退休干部每年的疗养假有几天？", []),
    (None, "colloquial", "老干部局周末上班吗", []),
    (None, "question", "老年大学的英语班什么时候开课？", []),
    (None, "keyword", "离休干部 住房补贴", []),
    (None, "question", "离休干部去外地看病的交通费能报销吗？", []),
    (None, "colloquial", "老干部活动中心能办婚宴吗", []),
    (None, "question", "2025年离休干部体检什么时候开始？", []),
    (None, "keyword", "退休干部 出国旅游 审批", []),
    (None, "question", "老红军的遗孀每月生活补助多少钱？", []),
    (None, "colloquial", "明天江州下雨吗", []),
    (None, "traditional", "離休幹部的取暖費標準是多少？", []),
]


def main() -> None:
    argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    ).parse_args()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in NOTICES.glob("*.txt")}
    squash = {stem: "".join(text.split()) for stem, text in texts.items()}
    order = list(range(len(QUESTIONS)))
    random.Random(SEED).shuffle(order)
    held_out = set(order[: len(order) // 2])
    rows = []
    for number, (stem, style, question, answers) in enumerate(QUESTIONS, start=1):
        for answer in answers:
            assert stem is not None and answer in squash[stem], (stem, answer)
        rows.append(
            {
                "id": f"p{number:03d}",
                "question": question,
                "style": style,
                "answers": answers,
                "notice": stem,
                "split": "held-out" if number - 1 in held_out else "tune",
            }
        )
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} questions → {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
