"""Trial 60: a veteran-cadre bureau's archive of six years (2026–2031), as an office keeps it, for the
records officer's migration (docs/trial60.md). Re-runnable:

    PYTHONPATH=. /work/main/.venv/bin/python scripts/trial/make_archive60.py OUT

writes OUT/档案/<year>年/<folder>/… (about 60 files) and OUT/第二批/ (files for the later rounds). Files are
copied from benchmarks/corpus-cold*/ and tests/fixtures (real producers: python-docx, LibreOffice, GBK/Big5
text, scans, .doc, .wps, .eml, HTML), and new ones written with python-docx and converted by LibreOffice:

- five speeches with the one title 「在全市老干部工作会议上的讲话」, 2026–2031, by four speakers;
- 2029's speech kept twice: 讲话/ and 修改稿/ under the same file name, one sentence changed;
- one speech kept twice under two names (byte-identical), and once more re-saved by LibreOffice;
- a speech as .docx and its LibreOffice PDF;
- an empty .txt, a truncated .docx, a password-protected PDF, a zip of three notices.
Names, figures and speakers are invented.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

from tests.fixtures.corpus_writers import soffice_convert, write_docx

ROOT = Path(__file__).resolve().parents[2]
COLD = ROOT / "benchmarks"
FIX = ROOT / "tests" / "fixtures"

TITLE = "在全市老干部工作会议上的讲话"

# year → (speaker line, date line, three topics with a figure each)
CONFERENCES = {
    2026: (
        "市委常委、组织部部长  李明华",
        "（2026年2月26日）",
        [
            ("离休干部待遇落实", "全市现有离休干部418名，全年医药费实报实销共计2310万元。"),
            ("老年大学办学", "市老年大学新开设智能手机、短视频制作等课程12门，在校学员达到5600人。"),
            ("银发志愿服务", "全市组建银发志愿服务队48支，注册志愿者1870人。"),
        ],
    ),
    2027: (
        "市委老干部局局长  王建国",
        "（2027年3月2日）",
        [
            ("党支部标准化建设", "全市离退休干部党支部标准化达标率提高到92%，新建流动党员党支部6个。"),
            ("活动阵地提升", "投入资金380万元改造镇街老干部活动室21个，新增康复理疗设备一百余台。"),
            ("高龄老干部关爱", "为90周岁以上的136名老同志建立一人一档，每季度上门走访一次。"),
        ],
    ),
    2028: (
        "市委常委、组织部部长  李明华",
        "（2028年2月28日）",
        [
            ("数字化服务平台", "上线老干部服务一卡通平台，已有7400名老同志开通账号，线上办理事项23项。"),
            ("口述历史征集", "征集老同志口述史料312篇、老照片2600余张，编印《岁月留声》第一辑。"),
            ("关心下一代工作", "组织五老宣讲团进校园宣讲86场，覆盖中小学生3.1万人次。"),
        ],
    ),
    2029: (
        "市委老干部局局长  陈秀英",
        "（2029年3月5日）",
        [
            ("医疗保障服务", "与市第一人民医院共建老干部诊疗绿色通道，全年服务就诊老同志5200人次。"),
            ("文体活动开展", "举办全市离退休干部运动会，设门球、气排球等项目9个，参赛老同志1300人。"),
            ("工作队伍建设", "举办老干部工作者业务培训班4期，培训基层工作人员410人次。"),
        ],
    ),
    2031: (
        "市委老干部局局长  周海燕",
        "（2031年2月24日）",
        [
            ("适老化改造", "完成离休干部家庭适老化改造173户，每户补助标准提高到6000元。"),
            ("银龄人才库", "建立银龄人才库，入库老同志640名，按医疗、法律、教育等八个类别管理。"),
            ("安全防范宣传", "开展防范养老诈骗宣传进社区活动120场，帮助老同志挽回损失46万元。"),
        ],
    ),
}

NUMERALS = "一二三四五六七八九"


def conference_speech(year: int, changed: tuple[str, str] | None = None) -> list[tuple[str, object]]:
    """The year's work-conference speech; `changed` replaces one sentence (a revised version)."""
    speaker, date, topics = CONFERENCES[year]
    parts: list[tuple[str, object]] = [
        ("title", TITLE),
        ("speaker", speaker),
        ("date", date),
        ("body", "同志们："),
        (
            "body",
            f"这次全市老干部工作会议的主要任务是，总结{year - 1}年全市老干部工作，部署{year}年的重点任务。"
            f"下面，我讲{NUMERALS[len(topics) - 1]}点意见。",
        ),
    ]
    for i, (topic, figure) in enumerate(topics):
        parts.append(("heading1", f"{NUMERALS[i]}、关于{topic}"))
        parts.append(
            ("body", f"{year - 1}年，{figure}各地要在{year}年继续抓好{topic}，逐项明确责任单位和完成时限。")
        )
        parts.append(
            (
                "body",
                f"做好{topic}工作，关键在于落实。各区县老干部局要把{topic}列入{year}年度重点工作清单，"
                f"{year}年6月底前报送进展情况，年底前由市委老干部局组织专项督查。",
            )
        )
    parts.append(("body", "同志们，老干部工作使命光荣、责任重大。让我们以更加饱满的热情做好各项工作。"))
    if changed:
        old, new = changed
        parts = [(k, str(t).replace(old, new)) if isinstance(t, str) else (k, t) for k, t in parts]
    return parts


# (year, folder, source) copied as they are, under the source's own name
COPIES = [
    (2026, "讲话", COLD / "corpus-cold2/2023年度工作总结讲话.docx"),
    (2026, "讲话", COLD / "corpus-cold4/银发人才座谈会讲话.doc"),
    (2026, "通知", COLD / "corpus-cold2/春节走访慰问通知.pdf"),
    (2026, "通知", COLD / "corpus-cold2/组织关系转接通知.txt"),
    (2026, "通知", COLD / "corpus-cold3/防范养老诈骗宣传通知.txt"),
    (2026, "制度文件", COLD / "corpus-cold3/困难离退休干部帮扶实施细则.docx"),
    (2026, "制度文件", COLD / "corpus-cold3/老干部活动中心管理规定.docx"),
    (2026, "扫描件", COLD / "corpus-cold4/夏季休养活动通知.png"),
    (2027, "讲话", COLD / "corpus-cold2/重阳节座谈会讲话.docx"),
    (2027, "讲话", COLD / "corpus-cold5/老干部工作座谈会讲话.doc"),
    (2027, "通知", COLD / "corpus-cold5/智能手机培训班通知.txt"),
    (2027, "通知", COLD / "corpus-cold5/退休干部异地安置工作通知.pdf"),
    (2027, "通知", COLD / "corpus-cold6/门诊就医绿色通道通知.txt"),
    (2027, "制度文件", COLD / "corpus-cold5/离休干部医药费报销办理规程.docx"),
    (2027, "制度文件", COLD / "corpus-cold6/离休干部遗属生活困难补助实施办法.docx"),
    (2027, "来文", FIX / "documents/office_formats.wps"),
    (2028, "讲话", COLD / "corpus-cold6/读书会成立暨网上阅览室开通仪式讲话.doc"),
    (2028, "讲话", COLD / "corpus-cold7/金婚纪念集体庆典讲话.odt"),
    (2028, "通知", COLD / "corpus-cold7/报刊征订通知.txt"),
    (2028, "通知", COLD / "corpus-cold7/离退休干部健身运动会通知.pdf"),
    (2028, "通知", COLD / "corpus-cold8/待遇领取资格认证通知.txt"),
    (2028, "制度文件", COLD / "corpus-cold7/离退休干部冬季取暖补贴发放办法.docx"),
    (2028, "制度文件", COLD / "corpus-cold8/离退休干部法律援助服务实施办法.docx"),
    (2028, "来文", FIX / "staff/elder_university.big5.txt"),
    (2029, "讲话", COLD / "corpus-cold8/老干部合唱团成立十周年讲话.doc"),
    (2029, "讲话", COLD / "corpus-cold9/家风家训故事分享会讲话.pdf"),
    (2029, "通知", COLD / "corpus-cold9/因私出国境证照管理通知.txt"),
    (2029, "通知", COLD / "corpus-cold9/老干部助餐服务通知.pdf"),
    (2029, "通知", COLD / "corpus-cold17/春季义务植树活动通知.eml"),
    (2029, "制度文件", COLD / "corpus-cold9/离退休干部住院陪护服务管理办法.docx"),
    (2030, "讲话", COLD / "corpus-cold10/光荣在党50年纪念章颁发仪式讲话.pdf"),
    (2030, "讲话", COLD / "corpus-cold11/银龄助学结对帮扶启动仪式讲话.rtf"),
    (2030, "通知", COLD / "corpus-cold10/离退休干部居家安全隐患排查通知.txt"),
    (2030, "通知", COLD / "corpus-cold11/高龄津贴发放名册报送通知.txt"),
    (2030, "制度文件", COLD / "corpus-cold10/离退休领导干部在社会组织兼职管理办法.docx"),
    (2030, "制度文件", COLD / "corpus-cold11/离退休干部意见建议征集办理办法.docx"),
    (2030, "网页", FIX / "web_pages/health_notice.libreoffice.html"),
    (2031, "讲话", COLD / "corpus-cold12/口述历史采集工作座谈会讲话.pdf"),
    (2031, "讲话", COLD / "corpus-cold14/诗词楹联学会成立大会讲话.pdf"),
    (2031, "通知", COLD / "corpus-cold13/银发田园地块认领.txt"),
    (2031, "通知", COLD / "corpus-cold14/离退休干部党员冬训工作通知.txt"),
    (2031, "制度文件", COLD / "corpus-cold12/离退休干部疗休养活动实施办法.docx"),
    (2031, "制度文件", COLD / "corpus-cold14/离休干部助听器配发请示呈批件.docx"),
]

# fixtures with English names get the names an office would give them
RENAMED = {
    "office_formats.wps": "来文（WPS格式）.wps",
    "elder_university.big5.txt": "香港友好协会来函（繁体）.txt",
    "health_notice.libreoffice.html": "健康体检通知（网页另存）.html",
}

# the zip a colleague mailed: three notices as the OA system sends them
ZIPPED = [
    COLD / "corpus-cold13/离退休干部党员党费收缴工作通知.docx",
    COLD / "corpus-cold13/家庭医生签约服务通知.pdf",
    COLD / "corpus-cold16/春节团拜会通知.docx",
]


def main(out: Path) -> int:
    archive = out / "档案"
    later = out / "第二批"
    if out.exists():
        shutil.rmtree(out)
    for year, folder, source in COPIES:
        dest = archive / f"{year}年" / folder / RENAMED.get(source.name, source.name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)

    # five speeches of one title, 2026–2031 (none in 2030), four speakers
    for year in (2026, 2027, 2028, 2029, 2031):
        dest = archive / f"{year}年" / "会议材料" / f"{TITLE}.docx"
        dest.parent.mkdir(parents=True, exist_ok=True)
        write_docx(conference_speech(year), dest, author="市委老干部局办公室", footer=True)
    # 2029's revised version: same name, another folder, one figure corrected
    revised = archive / "2029年" / "会议材料" / "修改稿" / f"{TITLE}.docx"
    revised.parent.mkdir(parents=True, exist_ok=True)
    write_docx(
        conference_speech(2029, ("参赛老同志1300人", "参赛老同志1350人")),
        revised,
        author="市委老干部局办公室",
        footer=True,
    )
    # 2028's speech also saved as PDF beside it
    docx_2028 = archive / "2028年" / "会议材料" / f"{TITLE}.docx"
    soffice_convert(docx_2028, "pdf", docx_2028.with_suffix(".pdf"))
    # the same speech twice under two names (a backup copy) and re-saved by LibreOffice
    backup = archive / "2027年" / "备份" / "重阳节讲话（备份）.docx"
    backup.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(COLD / "corpus-cold2/重阳节座谈会讲话.docx", backup)
    resaved = archive / "2027年" / "备份" / "重阳节座谈会讲话（另存）.docx"
    soffice_convert(COLD / "corpus-cold2/重阳节座谈会讲话.docx", "docx:MS Word 2007 XML", resaved)

    # broken files
    broken = archive / "2030年" / "待整理"
    broken.mkdir(parents=True, exist_ok=True)
    (broken / "新建文本文档.txt").write_bytes(b"")
    data = (COLD / "corpus-cold3/银龄行动推进会讲话.docx").read_bytes()
    (broken / "银龄行动推进会讲话（损坏）.docx").write_bytes(data[: len(data) // 2])
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(COLD / "corpus-cold6/离休干部住房维修补助通知.pdf"))
    writer.encrypt(user_password="1234", owner_password="1234")
    with open(broken / "离休干部住房维修补助通知（加密）.pdf", "wb") as f:
        writer.write(f)

    # the zip a colleague mailed
    (archive / "2030年" / "来文").mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(
        archive / "2030年" / "来文" / "市委组织部转发材料.zip", "w", zipfile.ZIP_DEFLATED
    ) as z:
        for source in ZIPPED:
            z.write(source, f"转发材料/{source.name}")

    # later rounds: a file renamed after it was added, and next year's new files
    later.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(
        COLD / "corpus-cold12/银龄先锋志愿服务积分兑换通知.pdf", later / "银龄先锋志愿服务积分兑换通知.pdf"
    )
    shutil.copyfile(
        COLD / "corpus-cold12/离退休干部党支部换届选举工作通知.odt",
        later / "离退休干部党支部换届选举工作通知.odt",
    )
    files = sorted(p for p in out.rglob("*") if p.is_file())
    print(f"{len(files)} 个文件")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
